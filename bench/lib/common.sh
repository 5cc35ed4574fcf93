# Shared by the benchmark scripts bench/*.sh (source it: . "$(dirname "$0")/lib/common.sh").
#
#   BENCH_ROOT          the repository
#   BENCH_OUT           target/bench: raw results; each script writes BENCH_OUT/<name>/...
#   bench_summary LINE  one line for the summary ./strata bench prints at the end
#   bench_tools_jar     (re)builds the DICOM tools first, so that no timed call waits for a build
#   bench_dicom ARGS    runs ./strata dicom ARGS (our toolkit's command-line tools)
#   bench_corpus NAME [make-corpus options]
#                       prints the directory of a synthetic corpus, made once by
#                       ./strata dicom make-corpus and kept under BENCH_OUT/corpus/NAME
#                       (default options: 1,000 CT instances of 0.5 MB, Explicit VR LE)
#   bench_free_port     a free TCP port in 20000-32000
#   bench_peers         bench/lib/peers.sh: start/stop storescp, our storescp, Orthanc
#   bench_time CMD...   runs CMD, prints its wall time in seconds (output to /dev/null)
#   bench_best CMD...   runs CMD (which prints a number) BENCH_REPEAT times (default 3), prints the
#                       largest: the machine is shared, the best run is the least disturbed one
#   bench_alternate max|min LOG "CMD A" "CMD B"
#                       BENCH_REPEAT rounds (default 3) of A then B (each prints a number), every
#                       round logged to LOG with the load average; prints "bestA bestB" (largest or
#                       smallest of each)
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_OUT="$BENCH_ROOT/target/bench"
mkdir -p "$BENCH_OUT"
bench_peers="$BENCH_ROOT/bench/lib/peers.sh"
# DCMTK leaves Nagle on unless told; with it on, every C-STORE waits ~40 ms for a delayed ACK
export TCP_NODELAY=1

bench_summary() {
  printf '%s\n' "$*" | tee -a "$BENCH_OUT/summary.txt"
}

bench_tools_jar() { # ./strata dicom rebuilds the tools when a source changed
  "$BENCH_ROOT/strata" dicom --help >/dev/null
}

bench_dicom() {
  "$BENCH_ROOT/strata" dicom "$@"
}

bench_corpus() {
  local name=${1:?corpus name}; shift
  local dir="$BENCH_OUT/corpus/$name"
  if [ ! -f "$dir.complete" ] || [ "$(cat "$dir.complete")" != "$*" ]; then
    rm -rf "$dir" "$dir.complete"
    bench_dicom make-corpus "$dir" "$@" >&2
    printf '%s' "$*" >"$dir.complete"
  fi
  echo "$dir"
}

bench_free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

bench_time() {
  local s e
  s=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f\n", e - s }'
}

bench_best() {
  local i v best=""
  for i in $(seq "${BENCH_REPEAT:-3}"); do
    v=$("$@")
    best=$(awk -v a="$best" -v b="$v" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }')
  done
  echo "$best"
}

bench_alternate() {
  local pick=$1 log=$2 i a b bestA="" bestB=""
  for i in $(seq "${BENCH_REPEAT:-3}"); do
    a=$($3); b=$($4)
    echo "round $i: $3 -> $a, $4 -> $b (load $(cut -d' ' -f1-3 /proc/loadavg))" >>"$log"
    bestA=$(bench_pick "$pick" "$bestA" "$a")
    bestB=$(bench_pick "$pick" "$bestB" "$b")
  done
  echo "$bestA $bestB"
}

bench_pick() { # max|min CURRENT NEW
  awk -v p="$1" -v x="$2" -v y="$3" 'BEGIN { print (x == "" || (p == "max" ? y + 0 > x + 0 : y + 0 < x + 0)) ? y : x }'
}

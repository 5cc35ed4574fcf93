#!/usr/bin/env bash
# bench: issue 4 - C-STORE throughput of our SCU and SCP against DCMTK storescu/storescp (1 and 4 associations)
#
# 1,000 CT instances of 0.5 MB (./strata dicom make-corpus), over loopback:
#   A. our bench-store -> DCMTK storescp        vs  DCMTK storescu -> the same storescp
#   B. DCMTK storescu -> our storescp           vs  DCMTK storescu -> DCMTK storescp --fork
# each with 1 and 4 associations (4 storescu processes / bench-store --parallel 4). Target: ours/DCMTK >= 1.0.
# Each figure is the best of BENCH_REPEAT runs (default 3). Raw output under target/bench/dicom-store/.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/dicom-store"
rm -rf "$out"; mkdir -p "$out"
bench_tools_jar
corpus=$(bench_corpus c1k)
files=$(find "$corpus" -name '*.dcm' | wc -l)
bytes=$(find "$corpus" -name '*.dcm' -printf '%s\n' | awk '{ s += $1 } END { print s }')

# DCMTK storescu, the files dealt round-robin to N processes; prints inst/s
dcmtk_store() { # port N
  local port=$1 n=$2 parts="$out/parts" s e failed=0 p pids=()
  find "$work/in" -mindepth 1 -delete
  rm -rf "$parts"; mkdir -p "$parts"
  find "$corpus" -name '*.dcm' | sort | split -n "r/$n" -d - "$parts/part."
  s=$(date +%s.%N)
  for p in "$parts"/part.*; do
    xargs -a "$p" storescu -aet BENCH -aec STORESCP -to 30 -ta 30 -td 60 127.0.0.1 "$port" >"$p.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  e=$(date +%s.%N)
  [ "$failed" -eq 0 ] || { echo "storescu failed ($failed processes)" >&2; cat "$parts"/*.log | head -5 >&2; return 1; }
  awk -v n="$files" -v s="$s" -v e="$e" 'BEGIN { printf "%.1f\n", n / (e - s) }'
}

# our bench-store (warm JVM: its own timing after an untimed warm-up pass); prints inst/s
our_store() { # port N
  local line
  find "$work/in" -mindepth 1 -delete
  line=$(bench_dicom bench-store -c "STORESCP@127.0.0.1:$1" -b BENCH --parallel "$2" "$corpus" \
    2>>"$out/bench-store.err" | tee -a "$out/bench-store.log")
  echo "$line" | sed -n 's/.* \([0-9.]*\) inst\/s.*/\1/p'
}

run_peer() { # peer -> sets pid, port, work
  port=$(bench_free_port); work="$out/$1-$port"
  pid=$("$bench_peers" start "$1" "$port" "$work")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v r="$1" -v b="$bytes" -v n="$files" 'BEGIN { printf "%.1f", r * b / n / 1e6 }'; }

echo "corpus: $files files, $((bytes / 1000000)) MB ($corpus)"
for n in 1 4; do
  run_peer storescp-fork
  ours=$(bench_best our_store "$port" "$n"); theirs=$(bench_best dcmtk_store "$port" "$n")
  "$bench_peers" stop "$pid"
  bench_summary "issue 4 SCU, $n assoc: Strata bench-store $ours inst/s ($(mb "$ours") MB/s), DCMTK storescu $theirs inst/s ($(mb "$theirs") MB/s) -> DCMTK storescp --fork: ratio $(ratio "$ours" "$theirs") (target >= 1.0)"
  run_peer strata-storescp
  ours=$(bench_best dcmtk_store "$port" "$n")
  "$bench_peers" stop "$pid"
  run_peer storescp-fork
  theirs=$(bench_best dcmtk_store "$port" "$n")
  "$bench_peers" stop "$pid"
  bench_summary "issue 4 SCP, $n assoc: DCMTK storescu -> Strata storescp $ours inst/s ($(mb "$ours") MB/s), -> DCMTK storescp --fork $theirs inst/s ($(mb "$theirs") MB/s): ratio $(ratio "$ours" "$theirs") (target >= 1.0)"
done
rm -rf "$out"/*/in

#!/usr/bin/env bash
# C-FIND latency at scale (issue 5): loads INSTANCES small instances (our own generator,
# bench/make-instances.py) into Strata and into Orthanc, then times study-level C-FINDs by
# Patient ID (single value) and by wild-card Patient's Name with DCMTK findscu, and prints
# p50/p95 per receiver. Each figure is one findscu run: process start, association, query,
# every match received, release.
#
#   bench/cfind-latency.sh [INSTANCES]        (default 100000)
#
# Environment: WORK (scratch directory, default a new one under /tmp, removed at the end unless
# set), QUERIES (per kind, default 50), ASSOCIATIONS (storescu processes loading, default 4).
# Needs: a JDK, python3-pydicom (/usr/bin/python3), dcmtk, orthanc (apt-get install dcmtk orthanc).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
queries=${QUERIES:-50}
assoc=${ASSOCIATIONS:-4}
keep=${WORK:+1}
work=${WORK:-$(mktemp -d /tmp/strata-cfind.XXXXXX)}
mkdir -p "$work"
export TCP_NODELAY=1 # DCMTK leaves Nagle on unless told
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT

free_port() { # a free TCP port in 40000-49999 (20000-32000 is where test suites reserve theirs)
  local p
  while :; do
    p=$((40000 + RANDOM % 10000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

wait_echo() { # aet port seconds
  local i
  for ((i = 0; i < $3; i++)); do
    echoscu -aet BENCH -aec "$1" 127.0.0.1 "$2" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "cfind-latency: $1 on port $2 did not answer C-ECHO within $3 s" >&2
  return 1
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

load() { # aet port: sends the corpus over $assoc associations, prints the rate
  local parts="$work/parts.$1" start end failed=0 lp=()
  rm -rf "$parts"; mkdir -p "$parts"
  split -n "r/$assoc" -d "$work/files" "$parts/part."
  start=$(now_ms)
  for f in "$parts"/part.*; do
    xargs -a "$f" storescu -aet BENCH -aec "$1" -to 60 -ta 60 -td 120 127.0.0.1 "$2" >"$f.log" 2>&1 &
    lp+=($!)
  done
  for p in "${lp[@]}"; do wait "$p" || failed=$((failed + 1)); done
  end=$(now_ms)
  echo "cfind-latency: loaded $n instances into $1 in $(((end - start) / 1000)) s" \
    "($((n * 1000 / (end - start + 1))) inst/s, $assoc associations, $failed storescu failed)"
}

percentiles() { # label file-of-ms
  sort -n "$2" | awk -v label="$1" '{ v[NR] = $1 } END {
    p50 = v[int((NR * 50 + 99) / 100)]; p95 = v[int((NR * 95 + 99) / 100)]
    printf "cfind-latency: %s p50 %d ms, p95 %d ms (%d queries)\n", label, p50, p95, NR }'
}

time_queries() { # aet port
  local kind other value t0 t1 matches out="$work/find.out"
  for kind in PatientID PatientName; do
    # the other one only as a return key: a later -k of the same key would reset the matching value
    other=PatientName; [ "$kind" = PatientName ] && other=PatientID
    : >"$work/ms.$kind"; : >"$work/matches.$kind"
    for ((q = 0; q < queries; q++)); do
      if [ "$kind" = PatientID ]; then
        value=$(printf 'BP%07d' $(( (RANDOM * 32768 + RANDOM) % patients )))
      else
        value="${FAMILIES[$((q % ${#FAMILIES[@]}))]}*"
      fi
      t0=$(now_ms)
      findscu -S -aet BENCH -aec "$1" -to 60 -td 120 127.0.0.1 "$2" -k QueryRetrieveLevel=STUDY \
        -k "$kind=$value" -k StudyInstanceUID -k StudyDate -k "$other" >"$out" 2>&1
      t1=$(now_ms)
      echo $((t1 - t0)) >>"$work/ms.$kind"
      grep -c '(Pending)' "$out" >>"$work/matches.$kind" || true
    done
    matches=$(awk '{ s += $1 } END { printf "%.1f", s / NR }' "$work/matches.$kind")
    percentiles "$1 study level by $kind ($matches matches on average)" "$work/ms.$kind"
  done
}

FAMILIES=(Smi Jon Mil Bro Gar Ros Now Jen Dup Sil Kow Nak Mey Sch Ols Vir)

echo "cfind-latency: generating $n instances under $work/corpus ..."
/usr/bin/python3 "$ROOT/bench/make-instances.py" "$work/corpus" "$n" | tee "$work/generated"
patients=$(awk '{ print $2 }' "$work/generated")
find "$work/corpus" -type f -name '*.dcm' | sort >"$work/files"

# --- Strata (./strata run: H2, data under WORK) ---
sp=$(free_port); hp=$(free_port); tp=$(free_port); mp=$(free_port)
STRATA_ADMIN_PASSWORD=bench "$ROOT/strata" run --data "$work/strata" --aet STRATA --dicom-port "$sp" \
  --http-port "$hp" --https-port "$tp" --mgmt-port "$mp" >"$work/strata.log" 2>&1 &
strata_pid=$!
pids+=("$strata_pid")
wait_echo STRATA "$sp" 600
load STRATA "$sp"
time_queries STRATA "$sp"
kill -TERM "$strata_pid"; wait "$strata_pid" 2>/dev/null || true

# --- Orthanc (Debian package: SQLite index, files under WORK) ---
op=$(free_port); ohp=$(free_port)
mkdir -p "$work/orthanc"
cat >"$work/orthanc/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/orthanc/storage", "IndexDirectory": "$work/orthanc/index",
  "DicomAet": "ORTHANC", "DicomPort": $op, "HttpPort": $ohp, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomCheckCalledAet": false, "StorageCompression": false,
  "DicomModalities": { "bench": [ "BENCH", "127.0.0.1", $(free_port) ] }, "Plugins": [] }
JSON
Orthanc "$work/orthanc/orthanc.json" >"$work/orthanc/orthanc.log" 2>&1 &
pids+=($!)
wait_echo ORTHANC "$op" 120
load ORTHANC "$op"
time_queries ORTHANC "$op"

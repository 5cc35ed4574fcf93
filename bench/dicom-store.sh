#!/usr/bin/env bash
# bench: issue 4 - C-STORE throughput of our SCU and SCP against DCMTK storescu/storescp (1 and 4 associations)
#
# 1,000 CT instances of 0.5 MB (./strata dicom make-corpus), over loopback:
#   A. our bench-store -> DCMTK storescp        vs  DCMTK storescu -> the same storescp
#   B. DCMTK storescu -> our storescp           vs  DCMTK storescu -> DCMTK storescp --fork
# each with 1 and 4 associations (4 storescu processes / bench-store --parallel 4). Target: ours/DCMTK >= 1.0.
# The two sides of a comparison run alternately (ours, theirs, ours, ...) BENCH_REPEAT times each
# (default 3), after one untimed pass that warms our JVM, with `sync` (untimed) before every round so
# that the write-back of one round's 525 MB does not land on the next; each figure is the best of its
# rounds. Raw output under target/bench/dicom-store/.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/dicom-store"
rm -rf "$out"; mkdir -p "$out"
bench_tools_jar
corpus=$(bench_corpus c1k)
files=$(find "$corpus" -name '*.dcm' | wc -l)
bytes=$(find "$corpus" -name '*.dcm' -printf '%s\n' | awk '{ s += $1 } END { print s }')

# DCMTK storescu, the files dealt round-robin to N processes, into the receiver at PORT whose files
# go to DIR; prints inst/s
dcmtk_store() { # port N dir
  local port=$1 n=$2 parts="$out/parts" s e failed=0 p pids=()
  find "$3" -mindepth 1 -delete
  rm -rf "$parts"; mkdir -p "$parts"
  find "$corpus" -name '*.dcm' | sort | split -n "r/$n" -d - "$parts/part."
  sync
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
our_store() { # port N dir
  local line
  find "$3" -mindepth 1 -delete
  sync
  line=$(bench_dicom bench-store -c "STORESCP@127.0.0.1:$1" -b BENCH --parallel "$2" "$corpus" \
    2>>"$out/bench-store.err" | tee -a "$out/bench-store.log")
  echo "$line" | sed -n 's/.* \([0-9.]*\) inst\/s.*/\1/p'
}

start_peer() { # peer -> prints "pid port dir"
  local port work
  port=$(bench_free_port); work="$out/$1-$port"
  echo "$("$bench_peers" start "$1" "$port" "$work") $port $work/in"
}

# alternate "CMD A" "CMD B": BENCH_REPEAT rounds of A then B; prints the best of each
alternate() { bench_alternate max "$out/rounds.log" "$1" "$2"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v r="$1" -v b="$bytes" -v n="$files" 'BEGIN { printf "%.1f", r * b / n / 1e6 }'; }

echo "corpus: $files files, $((bytes / 1000000)) MB ($corpus)"
read -r fork_pid fork_port fork_in < <(start_peer storescp-fork)
read -r our_pid our_port our_in < <(start_peer strata-storescp)
trap '"$bench_peers" stop "$fork_pid"; "$bench_peers" stop "$our_pid"' EXIT
for n in 1 4; do
  # A. senders into DCMTK storescp --fork (bench-store warms its own JVM before timing)
  read -r ours theirs < <(alternate "our_store $fork_port $n $fork_in" "dcmtk_store $fork_port $n $fork_in")
  bench_summary "issue 4 SCU, $n assoc: Strata bench-store $ours inst/s ($(mb "$ours") MB/s), DCMTK storescu $theirs inst/s ($(mb "$theirs") MB/s) -> DCMTK storescp --fork: ratio $(ratio "$ours" "$theirs") (target >= 1.0; load $(cut -d" " -f1-3 /proc/loadavg))"
  # B. DCMTK storescu into each receiver; one untimed pass warms our receiver's JVM
  dcmtk_store "$our_port" "$n" "$our_in" >/dev/null
  read -r ours theirs < <(alternate "dcmtk_store $our_port $n $our_in" "dcmtk_store $fork_port $n $fork_in")
  bench_summary "issue 4 SCP, $n assoc: DCMTK storescu -> Strata storescp $ours inst/s ($(mb "$ours") MB/s), -> DCMTK storescp --fork $theirs inst/s ($(mb "$theirs") MB/s): ratio $(ratio "$ours" "$theirs") (target >= 1.0; load $(cut -d" " -f1-3 /proc/loadavg))"
done
rm -rf "$out"/*/in

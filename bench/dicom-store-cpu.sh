#!/usr/bin/env bash
# bench: issue 4 - CPU time (user+sys) per C-STORE instance of our SCU and SCP next to DCMTK's
#
# On a shared 2-core machine throughput follows CPU per instance, and CPU time is far less
# disturbed by other load than wall time, so this is the figure that decides whether a change to
# the send or receive path helps. 1,000 CT instances of 0.5 MB (the corpus of dicom-store), loopback,
# 1 association, BENCH_REPEAT rounds (default 3) alternating ours/theirs, best (lowest) of each:
#   SCP: DCMTK storescu -> our storescp (warm JVM: one untimed pass first) vs -> DCMTK storescp
#        (plain, no --fork, so that one process does all the receiving), CPU of the receiver
#        process from /proc/PID/stat (utime+stime, all threads) before and after the run
#   SCU: our bench-store (its own process CPU during the timed pass, after its warm-up pass) vs
#        DCMTK storescu (/usr/bin/time of the process), both into DCMTK storescp
# Raw output under target/bench/dicom-store-cpu/.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/dicom-store-cpu"
rm -rf "$out"; mkdir -p "$out"
bench_tools_jar
corpus=$(bench_corpus c1k)
files=$(find "$corpus" -name '*.dcm' | wc -l)
hz=$(getconf CLK_TCK)

start_peer() { # peer -> prints "pid port dir"
  local port work
  port=$(bench_free_port); work="$out/$1-$port"
  echo "$("$bench_peers" start "$1" "$port" "$work") $port $work/in"
}

# CPU seconds (user+sys, all threads, in ms) of process PID so far
proc_cpu_ms() { awk -v hz="$hz" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# DCMTK storescu with every file on one association into PORT; prints "user sys" in seconds
storescu_cpu() { # port dir
  find "$2" -mindepth 1 -delete
  sync
  find "$corpus" -name '*.dcm' | sort | xargs /usr/bin/time -f '%U %S' -o "$out/time.txt" \
    storescu -aet BENCH -aec STORESCP -to 30 -ta 30 -td 60 127.0.0.1 "$1" >>"$out/storescu.log" 2>&1
  cat "$out/time.txt"
}

# receiver CPU per instance (ms) while DCMTK storescu sends the corpus to it
scp_cpu() { # pid port dir
  local before after
  before=$(proc_cpu_ms "$1")
  storescu_cpu "$2" "$3" >/dev/null
  after=$(proc_cpu_ms "$1")
  awk -v a="$before" -v b="$after" -v n="$files" 'BEGIN { printf "%.3f\n", (b - a) / n }'
}

# sender CPU per instance (ms)
our_scu_cpu() { # port dir
  local line
  find "$2" -mindepth 1 -delete
  sync
  line=$(bench_dicom bench-store -c "STORESCP@127.0.0.1:$1" -b BENCH "$corpus" 2>>"$out/bench-store.err" \
    | tee -a "$out/bench-store.log")
  echo "$line" | sed -n 's/.*, \([0-9.]*\) ms CPU\/inst.*/\1/p'
}
dcmtk_scu_cpu() { # port dir
  storescu_cpu "$1" "$2" | awk -v n="$files" '{ printf "%.3f\n", ($1 + $2) * 1000 / n }'
}

# alternate "CMD A" "CMD B": BENCH_REPEAT rounds of A then B; prints the lowest of each
alternate() { bench_alternate min "$out/rounds.log" "$1" "$2"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }

read -r dcmtk_pid dcmtk_port dcmtk_in < <(start_peer storescp)
read -r our_pid our_port our_in < <(start_peer strata-storescp)
trap '"$bench_peers" stop "$dcmtk_pid"; "$bench_peers" stop "$our_pid"' EXIT
# our receiver runs in a JVM started by the strata script: find the java process under it
jvm=$(pgrep -P "$our_pid" java || echo "$our_pid")
[ -r "/proc/$jvm/stat" ] || { echo "no receiver process $jvm" >&2; exit 1; }
storescu_cpu "$our_port" "$our_in" >/dev/null # warms our receiver's JVM

read -r ours theirs < <(alternate "scp_cpu $jvm $our_port $our_in" "scp_cpu $dcmtk_pid $dcmtk_port $dcmtk_in")
bench_summary "issue 4 SCP CPU, 1 assoc: Strata storescp $ours ms/inst, DCMTK storescp $theirs ms/inst (user+sys, lowest of ${BENCH_REPEAT:-3}): DCMTK/Strata $(ratio "$ours" "$theirs") (aim >= 1.0, the CPU side of the dicom-store target; load $(cut -d' ' -f1-3 /proc/loadavg))"
read -r ours theirs < <(alternate "our_scu_cpu $dcmtk_port $dcmtk_in" "dcmtk_scu_cpu $dcmtk_port $dcmtk_in")
bench_summary "issue 4 SCU CPU, 1 assoc: Strata bench-store $ours ms/inst, DCMTK storescu $theirs ms/inst (user+sys, lowest of ${BENCH_REPEAT:-3}): DCMTK/Strata $(ratio "$ours" "$theirs") (aim >= 1.0, the CPU side of the dicom-store target; load $(cut -d' ' -f1-3 /proc/loadavg))"
rm -rf "$out"/*/in

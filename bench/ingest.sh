#!/usr/bin/env bash
# bench: issue 5 - ingest: DCMTK storescu -> Strata vs Orthanc vs DCMTK storescp --fork (1 and 4 associations)
#
# Starts its own Strata (./strata run: H2, throw-away data directory under target/bench/ingest,
# free ports), Orthanc and DCMTK storescp --fork (bench/lib/peers.sh). Client: DCMTK storescu with
# TCP_NODELAY=1, the files dealt round-robin to N processes (N = 1 and 4). Every timed round stores
# a fresh corpus (./strata dicom make-corpus, 1,000 CT instances of 0.5 MB, --seed R: new patients
# and new SOP Instance UIDs; re-storing duplicates is not ingest) into each of the three receivers,
# one after the other in an order that rotates per round, with `sync` (untimed) before each. One
# untimed pass warms the receivers first: BENCH_WARMUP (default 20,000) small instances (64 x 64
# pixels: the same per-instance path at a fraction of the bytes), 4 associations, into each
# receiver alike. A running archive has long compiled its store path; a fresh JVM compiles it
# over its first ~15,000 instances (the C2 compiler threads took 30-45 % of WildFly's CPU over
# instances 1,000-10,000 of a fresh server), which would be measured instead. Each figure is the
# best of BENCH_REPEAT (default 3) rounds.
#   Strata: the response follows the object written and fsynced, its directory fsynced, the
#           index transaction committed and the database synced.
#   Orthanc 1.10 (Debian): written and indexed in SQLite, no fsync. storescp: written, no index.
# Also CPU time per instance of the WildFly JVM and of Orthanc (/proc/PID/stat user+sys deltas over
# each round): load disturbs it far less than wall-clock rates. Of WildFly's, the part of its JIT
# compiler threads (/proc/PID/task/*: "C1/C2 CompilerThre") is shown too ("JIT x"). At the end every instance sent to
# Strata must be indexed: after each round, the Number of Study Related Instances of its studies
# (study-level C-FIND, untimed) must add up.
# Target (issue 5): Strata >= 1.5x Orthanc at 4 associations.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/ingest"
rm -rf "$out"; mkdir -p "$out"
bench_tools_jar
repeat=${BENCH_REPEAT:-3}
rounds="$out/rounds.log"

pids=()
peer_pids=()
cleanup() {
  for p in "${peer_pids[@]}"; do "$bench_peers" stop "$p" || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$out/data" "$out/orthanc" "$out/storescp" "$out/corpus"
}
trap cleanup EXIT

# --- receivers -------------------------------------------------------------------------------
http=$(bench_free_port); strata_port=$(bench_free_port); https=$(bench_free_port); mgmt=$(bench_free_port)
# started directly (no subshell): TERM to this PID is what makes ./strata run stop WildFly
STRATA_ADMIN_PASSWORD=bench-$RANDOM "$BENCH_ROOT/strata" run --data "$out/data" --http-port "$http" \
  --dicom-port "$strata_port" --https-port "$https" --mgmt-port "$mgmt" >"$out/strata.log" 2>&1 &
pids+=($!)
orthanc_port=$(bench_free_port)
orthanc_pid=$("$bench_peers" start orthanc "$orthanc_port" "$out/orthanc"); peer_pids+=("$orthanc_pid")
storescp_port=$(bench_free_port)
storescp_pid=$("$bench_peers" start storescp-fork "$storescp_port" "$out/storescp"); peer_pids+=("$storescp_pid")
for _ in $(seq 1 600); do
  echoscu -aec STRATA 127.0.0.1 "$strata_port" >/dev/null 2>&1 && break
  sleep 1
done
echoscu -aec STRATA 127.0.0.1 "$strata_port" >/dev/null 2>&1 \
  || { echo "Strata did not start" >&2; tail -30 "$out/strata.log" >&2; exit 1; }
wildfly_pid=$(cat "$out/data/server/wildfly.pid")

declare -A port=([strata]=$strata_port [orthanc]=$orthanc_port [storescp]=$storescp_port)
declare -A aet=([strata]=STRATA [orthanc]=ORTHANC [storescp]=STORESCP)
declare -A pid=([strata]=$wildfly_pid [orthanc]=$orthanc_pid)
sent_to_strata=0

cpu_ticks() { # pid: user + sys clock ticks so far (fields 14 and 15 of /proc/PID/stat)
  sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

jit_ticks() { # pid: user + sys clock ticks so far of the JVM's JIT compiler threads
  local t s=0 v
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) v=$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }') && s=$((s + ${v:-0})) ;;
    esac
  done
  echo "$s"
}

# store the corpus DIR (FILES files) into RECEIVER with N storescu processes;
# prints "inst/s cpu-ms-per-instance jit-ms-per-instance" (cpu "-" for storescp, whose --fork
# children come and go; jit "-" but for Strata)
store() { # receiver n dir files
  local r=$1 n=$2 dir=$3 files=$4 parts="$out/parts" s e c0=0 c1=0 j0=0 j1=0 failed=0 p ps=()
  rm -rf "$parts"; mkdir -p "$parts"
  find "$dir" -name '*.dcm' | sort | split -n "r/$n" -d - "$parts/part."
  sync
  [ -n "${pid[$r]:-}" ] && c0=$(cpu_ticks "${pid[$r]}")
  [ "$r" = strata ] && j0=$(jit_ticks "${pid[$r]}")
  s=$(date +%s.%N)
  for p in "$parts"/part.*; do
    xargs -a "$p" storescu -aet BENCH -aec "${aet[$r]}" -to 30 -ta 30 -td 60 127.0.0.1 "${port[$r]}" >"$p.log" 2>&1 &
    ps+=($!)
  done
  for p in "${ps[@]}"; do wait "$p" || failed=$((failed + 1)); done
  e=$(date +%s.%N)
  [ -n "${pid[$r]:-}" ] && c1=$(cpu_ticks "${pid[$r]}")
  [ "$r" = strata ] && j1=$(jit_ticks "${pid[$r]}")
  if [ "$failed" -ne 0 ] || grep -q '^[EW]:' "$parts"/*.log; then
    echo "storescu into $r failed ($failed processes):" >&2; grep -h '^[EW]:' "$parts"/*.log | head -5 >&2; return 1
  fi
  [ "$r" = storescp ] && find "$out/storescp/in" -mindepth 1 -delete
  awk -v n="$files" -v s="$s" -v e="$e" -v c="$((c1 - c0))" -v j="$((j1 - j0))" -v hz="$(getconf CLK_TCK)" -v r="$r" \
    'BEGIN { printf "%.1f %s %s\n", n / (e - s), r == "storescp" ? "-" : sprintf("%.2f", c * 1000 / hz / n),
             r == "strata" ? sprintf("%.2f", j * 1000 / hz / n) : "-" }'
}

corpus() { # seed instances-per-series [patients [make-corpus options]] -> directory of a fresh corpus
  # (10 patients unless told x 5 studies x 4 series)
  local seed=$1 per=$2 patients=${3:-10}
  shift $(($# < 3 ? $# : 3))
  rm -rf "$out/corpus"
  bench_dicom make-corpus "$out/corpus" --seed "$seed" --patients "$patients" --studies-per-patient 5 \
    --series-per-study 4 --instances-per-series "$per" "$@" >&2
  echo "$out/corpus"
}

# every instance Strata acknowledged is indexed: the Number of Study Related Instances of the
# studies of the corpus of SEED (Patient IDs P<seed>nnn) add up to FILES
check_indexed() { # seed files
  local indexed
  findscu -S -aet BENCH -aec STRATA -to 60 -td 120 127.0.0.1 "$strata_port" -k QueryRetrieveLevel=STUDY \
    -k "PatientID=P$1*" -k StudyInstanceUID -k NumberOfStudyRelatedInstances >"$out/findscu.$1.log" 2>&1 || true
  indexed=$(sed -n 's/.*(0020,1208) IS \[ *\([0-9]*\) *\].*/\1/p' "$out/findscu.$1.log" | awk '{ s += $1 } END { print s + 0 }')
  [ "$indexed" -eq "$2" ] || { echo "ingest: Strata acknowledged $2 instances of corpus $1 but indexed $indexed (see $out/findscu.$1.log)" >&2; return 1; }
}

best() { awk -v x="$1" -v y="$2" 'BEGIN { print (x == "" || y + 0 > x + 0) ? y : x }'; }
least() { awk -v x="$1" -v y="$2" 'BEGIN { print (x == "" || x == "-" || y + 0 < x + 0) ? y : x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

warmup=${BENCH_WARMUP:-20000}
warm_patients=$(((warmup + 199) / 200)); warmup=$((warm_patients * 200))
echo "ingest: warm-up ($warmup instances of 64 x 64, 4 associations, untimed, into each receiver)"
warm=$(corpus 900 10 "$warm_patients" --rows 64 --cols 64 2>/dev/null)
for r in strata orthanc storescp; do store "$r" 4 "$warm" "$warmup" >/dev/null; done
check_indexed 900 "$warmup" || exit 1
sent_to_strata=$warmup

seed=100
for n in 1 4; do
  unset rate cpu; declare -A rate=() cpu=(); jit=-
  order=(strata orthanc storescp)
  for i in $(seq "$repeat"); do
    seed=$((seed + 1))
    dir=$(corpus "$seed" 5 2>/dev/null)
    files=$(find "$dir" -name '*.dcm' | wc -l)
    line="n=$n round $i (seed $seed, $files files, load $(cut -d' ' -f1 /proc/loadavg)):"
    for r in "${order[@]}"; do
      result=$(store "$r" "$n" "$dir" "$files")
      read -r v c j <<<"$result"
      if [ "$r" = strata ]; then check_indexed "$seed" "$files" || exit 1; sent_to_strata=$((sent_to_strata + files)); fi
      rate[$r]=$(best "${rate[$r]:-}" "$v"); cpu[$r]=$(least "${cpu[$r]:-}" "$c")
      if [ "$r" = strata ]; then
        [ "${cpu[$r]}" = "$c" ] && jit=$j
        line="$line $r $v inst/s ($c ms CPU/inst, JIT $j)"
      else
        line="$line $r $v inst/s ($c ms CPU/inst)"
      fi
    done
    echo "$line" | tee -a "$rounds"
    order=("${order[@]:1}" "${order[0]}")
  done
  bench_summary "issue 5 ingest, $n assoc, 1,000 x 0.5 MB CT, best of $repeat: Strata ${rate[strata]} inst/s" \
    "(WildFly ${cpu[strata]} ms CPU/inst, JIT $jit), Orthanc ${rate[orthanc]} inst/s (${cpu[orthanc]} ms CPU/inst)," \
    "DCMTK storescp --fork ${rate[storescp]} inst/s: Strata/Orthanc $(ratio "${rate[strata]}" "${rate[orthanc]}")" \
    "$([ "$n" = 4 ] && echo '(target >= 1.5)' || echo '(no target at 1 assoc)'); load $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo "ingest: Strata acknowledged and indexed $sent_to_strata instances" | tee -a "$rounds"

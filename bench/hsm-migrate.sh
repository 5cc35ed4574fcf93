#!/usr/bin/env bash
# bench: issue 7 - migration throughput of the storage manager, disk -> tar and disk -> s3, for 1,000
# files, side by side with `tar cf` and `cp` of the same files in the same run (MB/s).
# Ours: ObjectCopier in batches of 100 files (a study) from a file: tier to a tar: tier (one
# volume: append, one fsync, read back and checked against the ingest SHA-256 before cataloguing)
# and to an s3: tier (S3Proxy, filesystem backend, on this machine: 4 uploads in flight, each
# carrying the ingest SHA-256, which the server checks). References: `tar cf` and `cp -r` of the
# same files, each followed by `sync`. Rounds alternate cp, tar, ours; every figure is the best of
# RUNS (3) rounds; ours also reports CPU seconds per GB (ours and the S3 server's), which load on a
# shared machine disturbs far less than wall time. Target: >= 80 % of the plain copy.
# Then the recall of one study (the first 100 files) from tape to disk with an unloaded drive and a
# mount delay of MOUNT_DELAY (PT2S, a typical LTO load is far longer): time to the first instance
# on disk, and total.
# Usage: bench/hsm-migrate.sh [FILES] [KIB_PER_FILE] [RUNS] [MOUNT_DELAY]   (defaults 1000, 512, 3, PT2S).
# Output under target/bench/hsm.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
files=${1:-1000}
kib=${2:-512}
runs=${3:-3}
mount_delay=${4:-PT2S}
out="$root/target/bench/hsm"
rm -rf "$out"; mkdir -p "$out/corpus"
cd "$root"

say() { printf '%s\n' "$*" >&2; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / s / 1e6 }'; }
seconds() { # command... : wall time in seconds, with sync
  local t0 t1
  t0=$(date +%s.%N); "$@"; sync; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

say "building hsm and its test classes"
./mvnw -B -ntp -q -DskipTests -pl hsm -am test-compile >&2
./mvnw -B -ntp -q -pl hsm dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >&2
cp="$root/hsm/target/test-classes:$root/hsm/target/classes:$(cat "$out/cp.txt")"
s3jar=$(tr ':' '\n' <"$out/cp.txt" | grep 's3proxy-.*jar-with-dependencies.jar' | head -1)

say "writing $files files of $kib KiB"
for i in $(seq 1 "$files"); do head -c $((kib * 1024)) /dev/urandom >"$out/corpus/f$i.bin"; done
bytes=$(du -sb "$out/corpus" | cut -f1)

port=$(/usr/bin/python3 -c 'import random,socket
for _ in range(200):
    p = random.randint(20000, 32000); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError: pass')
mkdir -p "$out/s3/bench"
cat >"$out/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$out/s3
CONF
java -Xmx256m -jar "$s3jar" --properties "$out/s3proxy.conf" >"$out/s3proxy.log" 2>&1 &
s3pid=$!
trap 'kill $s3pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done

say "rounds: cp -r, tar cf, ours (disk -> tar, disk -> s3), alternating; best of $runs"
cp_s="" tar_s=""
best() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (a == "" || b < a) ? b : a }'; }
for r in $(seq 1 "$runs"); do
  rm -rf "$out/cp-copy"; sync
  cp_s=$(best "$cp_s" "$(seconds cp -r "$out/corpus" "$out/cp-copy")")
  rm -f "$out/corpus.tar"; sync
  tar_s=$(best "$tar_s" "$(seconds tar cf "$out/corpus.tar" -C "$out" corpus)")
  rm -rf "$out/work"; sync
  # ours: each round one JVM (an untimed batch to each tier first), CPU seconds measured too
  java -cp "$cp" org.strata.hsm.bench.MigrationBenchmark "$out/corpus" "$out/work" "http://127.0.0.1:$port" 100 \
    1 "$mount_delay" "$s3pid" >"$out/ours-$r.txt" 2>>"$out/ours.log"
done
cat "$out"/ours-*.txt >"$out/ours.txt"
pick() { # measure: the line of the round with the least wall time
  awk -v m="$1" '$1 == m && (best == "" || $4 < best) { best = $4; line = $0 } END { print line }' "$out/ours.txt"
}
tar_line=$(pick tar); s3_line=$(pick s3)
tar_ours=$(echo "$tar_line" | awk '{ print $4 }'); tar_cpu=$(echo "$tar_line" | awk '{ print $5 }')
s3_ours=$(echo "$s3_line" | awk '{ print $4 }'); s3_cpu=$(echo "$s3_line" | awk '{ print $5 }')
s3_server_cpu=$(echo "$s3_line" | awk '{ print $6 }')
recall_first=$(pick recall-first | awk '{ print $4 }')
recall_total=$(pick recall | awk '{ print $4 }')
recall_bytes=$(pick recall | awk '{ print $3 }')
pct() { awk -v ref="$1" -v ours="$2" 'BEGIN { printf "%.0f", 100 * ref / ours }'; }

printf 'best of %s rounds; load average: %s\n' "$runs" "$(uptime | sed 's/.*load average: //')"
printf '%-34s %10s %8s %12s\n' "migration of $files x $kib KiB" "seconds" "MB/s" "CPU s/GB"
printf '%-34s %10s %8s\n' "cp -r + sync" "$cp_s" "$(mbps "$bytes" "$cp_s")"
printf '%-34s %10s %8s\n' "tar cf + sync" "$tar_s" "$(mbps "$bytes" "$tar_s")"
printf '%-34s %10s %8s %12s\n' "strata disk -> tar (verified)" "$tar_ours" "$(mbps "$bytes" "$tar_ours")" \
  "$(awk -v c="$tar_cpu" -v b="$bytes" 'BEGIN { printf "%.2f", c / b * 1e9 }')"
printf '%-34s %10s %8s %12s (S3 server: %s)\n' "strata disk -> s3 (verified)" "$s3_ours" "$(mbps "$bytes" "$s3_ours")" \
  "$(awk -v c="$s3_cpu" -v b="$bytes" 'BEGIN { printf "%.2f", c / b * 1e9 }')" \
  "$(awk -v c="$s3_server_cpu" -v b="$bytes" 'BEGIN { printf "%.2f", c / b * 1e9 }')"
printf 'recall of one study (%s files, %s bytes) from tape, mount delay %s: first instance on disk %s s, total %s s (%s MB/s)\n' \
  "$(pick recall | awk '{ print $2 }')" "$recall_bytes" "$mount_delay" "$recall_first" "$recall_total" "$(mbps "$recall_bytes" "$recall_total")"
bench_summary "issue 7 hsm-migrate, $files x $kib KiB: disk -> tar $(pct "$cp_s" "$tar_ours") % of cp -r ($(pct "$tar_s" "$tar_ours") % of tar cf), disk -> s3 $(pct "$cp_s" "$s3_ours") % of cp -r (target >= 80 % of cp -r); load $(cut -d' ' -f1-3 /proc/loadavg)"

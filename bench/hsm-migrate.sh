#!/usr/bin/env bash
# bench: issue 7 - migration throughput of the storage manager, disk -> tar and disk -> s3, for 1,000
# files, side by side with `tar cf` and `cp` of the same files in the same run (MB/s).
# Ours: ObjectCopier (verified source read, copy, fsync/commit, read-back digest check) in batches of
# 100 files (a study) from a file: tier to a tar: tier (one volume) and to an s3: tier (S3Proxy,
# filesystem backend, on this machine). References: `tar cf` and `cp -r` of the same files, each
# followed by `sync`. Target: >= 80 % of the plain copy. Every figure is the best of RUNS (3).
# Then the recall of one study (the first 100 files) from tape to disk with an unloaded drive and a
# mount delay of MOUNT_DELAY (PT2S, a typical LTO load is far longer): time to the first instance
# on disk, and total.
# Usage: bench/hsm-migrate.sh [FILES] [KIB_PER_FILE] [RUNS] [MOUNT_DELAY]   (defaults 1000, 512, 3, PT2S).
# Output under target/bench/hsm.
set -euo pipefail
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
best_of() { # target-to-remove command... : best wall time of $runs runs, the target removed before each
  local target=$1 best="" s; shift
  for _ in $(seq 1 "$runs"); do
    rm -rf "$target"; sync
    s=$(seconds "$@")
    best=$(awk -v a="$best" -v b="$s" 'BEGIN { printf "%.3f", (a == "" || b < a) ? b : a }')
  done
  printf '%s' "$best"
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

say "reference copies"
cp_s=$(best_of "$out/cp-copy" cp -r "$out/corpus" "$out/cp-copy")
tar_s=$(best_of "$out/corpus.tar" tar cf "$out/corpus.tar" -C "$out" corpus)

say "our migrations"
java -cp "$cp" org.strata.hsm.bench.MigrationBenchmark "$out/corpus" "$out/work" "http://127.0.0.1:$port" 100 \
  "$runs" "$mount_delay" >"$out/ours.txt"
tar_ours=$(awk '$1 == "tar" { print $4 }' "$out/ours.txt")
s3_ours=$(awk '$1 == "s3" { print $4 }' "$out/ours.txt")
recall_first=$(awk '$1 == "recall-first" { print $4 }' "$out/ours.txt")
recall_total=$(awk '$1 == "recall" { print $4 }' "$out/ours.txt")
recall_bytes=$(awk '$1 == "recall" { print $3 }' "$out/ours.txt")

printf 'best of %s runs; load average: %s\n' "$runs" "$(uptime | sed 's/.*load average: //')"
printf '%-34s %10s %8s\n' "migration of $files x $kib KiB" "seconds" "MB/s"
printf '%-34s %10s %8s\n' "cp -r + sync" "$cp_s" "$(mbps "$bytes" "$cp_s")"
printf '%-34s %10s %8s\n' "tar cf + sync" "$tar_s" "$(mbps "$bytes" "$tar_s")"
printf '%-34s %10s %8s\n' "strata disk -> tar (verified)" "$tar_ours" "$(mbps "$bytes" "$tar_ours")"
printf '%-34s %10s %8s\n' "strata disk -> s3 (verified)" "$s3_ours" "$(mbps "$bytes" "$s3_ours")"
printf 'disk -> tar vs cp: %s %%; disk -> tar vs tar cf: %s %%\n' \
  "$(awk -v a="$cp_s" -v b="$tar_ours" 'BEGIN { printf "%.0f", 100 * a / b }')" \
  "$(awk -v a="$tar_s" -v b="$tar_ours" 'BEGIN { printf "%.0f", 100 * a / b }')"
printf 'recall of one study (100 files, %s bytes) from tape, mount delay %s: first instance on disk %s s, total %s s (%s MB/s)\n' \
  "$recall_bytes" "$mount_delay" "$recall_first" "$recall_total" "$(mbps "$recall_bytes" "$recall_total")"

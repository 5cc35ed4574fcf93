#!/usr/bin/env bash
# bench: issue 7 - migration throughput of the storage manager, disk -> tar and disk -> s3, for 1,000
# files, side by side with `tar cf` and `cp` of the same files in the same run (MB/s).
# Ours: ObjectCopier (verified source read, copy, fsync/commit, read-back digest check) in batches of
# 100 files (a study) from a file: tier to a tar: tier (one volume) and to an s3: tier (S3Proxy,
# filesystem backend, on this machine). References: `tar cf` and `cp -r` of the same files, each
# followed by `sync`. Target: >= 80 % of the plain copy.
# Usage: bench/hsm-migrate.sh [FILES] [KIB_PER_FILE]   (defaults 1000 and 512). Output under target/bench/hsm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
files=${1:-1000}
kib=${2:-512}
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

say "reference copies"
cp_s=$(seconds cp -r "$out/corpus" "$out/cp-copy")
tar_s=$(seconds tar cf "$out/corpus.tar" -C "$out" corpus)

say "our migrations"
java -cp "$cp" org.strata.hsm.bench.MigrationBenchmark "$out/corpus" "$out/work" "http://127.0.0.1:$port" 100 \
  >"$out/ours.txt"
tar_ours=$(awk '$1 == "tar" { print $4 }' "$out/ours.txt")
s3_ours=$(awk '$1 == "s3" { print $4 }' "$out/ours.txt")

printf '%-34s %10s %8s\n' "migration of $files x $kib KiB" "seconds" "MB/s"
printf '%-34s %10s %8s\n' "cp -r + sync" "$cp_s" "$(mbps "$bytes" "$cp_s")"
printf '%-34s %10s %8s\n' "tar cf + sync" "$tar_s" "$(mbps "$bytes" "$tar_s")"
printf '%-34s %10s %8s\n' "strata disk -> tar (verified)" "$tar_ours" "$(mbps "$bytes" "$tar_ours")"
printf '%-34s %10s %8s\n' "strata disk -> s3 (verified)" "$s3_ours" "$(mbps "$bytes" "$s3_ours")"
printf 'disk -> tar vs cp: %s %%; disk -> tar vs tar cf: %s %%\n' \
  "$(awk -v a="$cp_s" -v b="$tar_ours" 'BEGIN { printf "%.0f", 100 * a / b }')" \
  "$(awk -v a="$tar_s" -v b="$tar_ours" 'BEGIN { printf "%.0f", 100 * a / b }')"

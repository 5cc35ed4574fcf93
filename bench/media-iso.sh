#!/usr/bin/env bash
# bench: issue 10 STD-GEN-CD ISO of 1,000 stored RLE instances vs DCMTK dcmmkdir + xorriso (target <= 1.2x)
# Benchmark (issue 10): an STD-GEN-CD ISO of BENCH_INSTANCES (default 1,000) stored RLE instances
# (~0.65 MB each decompressed, so ~650 MB on the disc) made by Strata (REST media request: read from
# the online tier, RLE → Explicit VR LE transcoding, DICOMDIR, INDEX.HTM, thumbnails, label, xorriso)
# side by side with DCMTK dcmmkdir + xorriso over the same files already decompressed (dcmdrle).
# Standalone: builds what is missing, starts its own Strata on free ports with a temporary data
# directory, and stops it. Needs dcmtk, xorriso, python3-pydicom (Debian), curl.
# One untimed Strata request first warms the JVM (a running server is warm; a first request after a
# start runs interpreted code for seconds); then reference and Strata alternate, best of
# BENCH_REPEAT. Besides wall time, CPU time (user + sys, children included: xorriso) of each side.
# The job's own phase times (its log line) are printed for each run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT=$BENCH_ROOT
N=${BENCH_INSTANCES:-1000}
WORK=$(mktemp -d /tmp/strata-bench-media.XXXXXX)
PASSWORD=bench-$$
export TCP_NODELAY=1
free_port() { /usr/bin/python3 -c 'import socket,random
while True:
    p = random.randint(20000, 32000); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError: pass'; }
now() { date +%s.%N; }
cleanup() {
  if [ -f "$WORK/data/server/wildfly.pid" ]; then kill "$(cat "$WORK/data/server/wildfly.pid")" 2>/dev/null || true; fi
  [ -n "${STRATA_PID:-}" ] && wait "$STRATA_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "media-iso: generating $N instances (RLE) in $WORK"
/usr/bin/python3 - "$WORK/native" "$N" <<'PY'
import os, sys, numpy as np, pydicom
from pydicom.uid import generate_uid, ExplicitVRLittleEndian
out, n = sys.argv[1], int(sys.argv[2]); os.makedirs(out, exist_ok=True)
ds = pydicom.dcmread("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm")
rng = np.random.default_rng(1)
yy, xx = np.mgrid[0:570, 0:570]
base = (1000 + 800 * np.sin(xx / 40.0) * np.cos(yy / 55.0)).astype(np.uint16)
ds.Rows = ds.Columns = 570; ds.BitsAllocated = 16; ds.BitsStored = 12; ds.HighBit = 11; ds.PixelRepresentation = 0
ds.StudyInstanceUID = generate_uid(); ds.PatientID = "BENCH-" + ds.StudyInstanceUID[-8:]
for i in range(n):
    if i % 100 == 0:
        ds.SeriesInstanceUID = generate_uid(); ds.SeriesNumber = i // 100 + 1
    ds.SOPInstanceUID = generate_uid(); ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.InstanceNumber = i % 100 + 1
    ds.PixelData = (base + rng.integers(0, 16, base.shape, dtype=np.uint16)).tobytes()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.save_as(os.path.join(out, "I%05d.dcm" % i), write_like_original=False)
PY
STUDY=$(/usr/bin/python3 -c "import pydicom,glob;print(pydicom.dcmread(sorted(glob.glob('$WORK/native/*.dcm'))[0]).StudyInstanceUID)")
mkdir -p "$WORK/rle"
for f in "$WORK"/native/*.dcm; do dcmcrle "$f" "$WORK/rle/$(basename "$f")"; done

echo "media-iso: reference: DCMTK dcmmkdir + xorriso over the decompressed files"
mkdir -p "$WORK/ref/DICOM"
i=0
for f in "$WORK"/rle/*.dcm; do dcmdrle "$f" "$WORK/ref/DICOM/$(printf 'I%07d' $i)"; i=$((i + 1)); done
reference() { # prints seconds and CPU seconds
  rm -f "$WORK/ref/DICOMDIR" "$WORK/ref.iso"
  local t0 t1
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/ref.cpu" bash -c "cd '$WORK/ref' && dcmmkdir -q +r +id . +D DICOMDIR DICOM &&
    xorriso -as mkisofs -iso-level 1 -J -r -V REF -o '$WORK/ref.iso' '$WORK/ref' >/dev/null 2>&1"
  t1=$(now)
  echo "$(echo "$t1 - $t0" | bc) $(awk '{ print $1 + $2 }' "$WORK/ref.cpu")"
}
# CPU seconds (user + sys, reaped children included) of the server's JVM so far
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / hz }' \
    "/proc/$(cat "$WORK/data/server/wildfly.pid")/stat"
}

echo "media-iso: starting Strata"
DICOM_PORT=$(free_port); HTTP_PORT=$(free_port); HTTPS_PORT=$(free_port); MGMT_PORT=$(free_port)
STRATA_ADMIN_PASSWORD=$PASSWORD "$ROOT/strata" run --data "$WORK/data" --dicom-port "$DICOM_PORT" \
  --http-port "$HTTP_PORT" --https-port "$HTTPS_PORT" --mgmt-port "$MGMT_PORT" >"$WORK/strata.log" 2>&1 &
STRATA_PID=$!
for _ in $(seq 1 600); do
  curl -sf -u "admin:$PASSWORD" "http://127.0.0.1:$HTTP_PORT/strata/api/system" >/dev/null 2>&1 && break
  sleep 1
done
storescu -xr +sd -aec STRATA 127.0.0.1 "$DICOM_PORT" "$WORK/rle" >/dev/null

API="http://127.0.0.1:$HTTP_PORT/strata/api/media"
ours() { # prints seconds and CPU seconds; leaves the last answer in $WORK/state.json
  local t0 t1 id state c0 c1
  c0=$(server_cpu)
  t0=$(now)
  id=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"studies\":[\"$STUDY\"],\"profile\":\"STD-GEN-CD\",\"output\":\"iso\"}" "$API" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  while true; do
    state=$(curl -sf -u "admin:$PASSWORD" "$API/$id")
    case "$state" in *'"status":"DONE"'*) break ;; *'"status":"FAILURE"'*) echo "media-iso: FAILURE: $state" >&2; exit 1 ;; esac
    sleep 0.02 # the bench measures the job, not its polling
  done
  t1=$(now)
  c1=$(server_cpu)
  echo "$state" >"$WORK/state.json"
  # three ISOs and file-sets of 650 MB each: keep only what the summary reads
  rm -rf "$WORK/data/media/$id"
  echo "$(echo "$t1 - $t0" | bc) $(echo "$c1 - $c0" | bc)"
}
phases() { grep -o 'done; queued.*' "$WORK/strata.log" | tail -1 | sed 's/^done; //'; }

o=$(ours) && [ -n "$o" ] || exit 1
echo "media-iso: warm-up (untimed): Strata ${o% *} s, CPU ${o#* } s; phases: $(phases)"
# side by side in the same run, alternating, best of BENCH_REPEAT (default 3) each
REF=""; OURS=""; REFCPU=""; OURCPU=""
best() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
for i in $(seq "${BENCH_REPEAT:-3}"); do
  r=$(reference); o=$(ours) && [ -n "$o" ] || exit 1
  echo "media-iso: run $i: Strata ${o% *} s (CPU ${o#* } s), dcmmkdir + xorriso ${r% *} s (CPU ${r#* } s) ($(uptime | sed 's/.*load/load/'))"
  echo "media-iso: run $i: Strata phases: $(phases)"
  REF=$(best "$REF" "${r% *}"); OURS=$(best "$OURS" "${o% *}")
  REFCPU=$(best "$REFCPU" "${r#* }"); OURCPU=$(best "$OURCPU" "${o#* }")
done
REFSIZE=$(stat -c %s "$WORK/ref.iso")
OURSIZE=$(sed 's/.*"sizeBytes":\([0-9]*\).*/\1/' "$WORK/state.json")
bench_summary "$(printf 'issue 10 media-iso, %d instances: Strata %.2f s (CPU %.2f s, ISO %d bytes), dcmmkdir + xorriso %.2f s (CPU %.2f s, ISO %d bytes): ratio %.2f (target <= 1.2), CPU ratio %.2f (best of %d after a warm-up; load %s)' \
  "$N" "$OURS" "$OURCPU" "$OURSIZE" "$REF" "$REFCPU" "$REFSIZE" "$(echo "$OURS / $REF" | bc -l)" "$(echo "$OURCPU / $REFCPU" | bc -l)" \
  "${BENCH_REPEAT:-3}" "$(cut -d' ' -f1-3 /proc/loadavg)")"

#!/usr/bin/env bash
# Storage commitment of 10,000 instances in one N-ACTION: time from the request to the
# N-EVENT-REPORT (issue 6). Starts its own Strata (./strata run) on free ports with a throw-away
# data directory, stores N new CT instances with DCMTK storescu, asks our stgcmt tool for the
# commitment on the same association, and prints the figure.
#   usage: bench/stgcmt.sh [N=10000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-10000}"
WORK="$(mktemp -d /tmp/strata-bench-stgcmt.XXXXXX)"
free_port() { /usr/bin/python3 -c 'import socket,random
while True:
    p=random.randint(20000,32000); s=socket.socket()
    try: s.bind(("127.0.0.1",p)); s.close(); print(p); break
    except OSError: pass'; }
HTTP=$(free_port); DICOM=$(free_port); HTTPS=$(free_port); MGMT=$(free_port)
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  cp "$WORK/strata.log" /tmp/strata-bench-stgcmt.last.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "stgcmt bench: generating $N instances"
# one pydicom write, then byte copies with a same-length SOP Instance UID (fast enough for 10,000)
/usr/bin/python3 - "$WORK/corpus" "$N" <<'PY'
import os, sys, random
import pydicom
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
ds = pydicom.dcmread("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm")
base = "2.25.%d" % random.getrandbits(64)
placeholder = base + ".9999999"
ds.StudyInstanceUID = base + ".1"
ds.SeriesInstanceUID = base + ".2"
ds.PatientID = "BENCH-STGCMT"
ds.SOPInstanceUID = placeholder
ds.file_meta.MediaStorageSOPInstanceUID = placeholder
template = os.path.join(out, "template")
ds.save_as(template)
data = open(template, "rb").read()
os.remove(template)
for i in range(n):
    uid = "%s.%07d" % (base, i)
    open(os.path.join(out, uid + ".dcm"), "wb").write(data.replace(placeholder.encode(), uid.encode()))
PY
(cd "$ROOT" && ./strata run --data "$WORK/data" --http-port "$HTTP" --dicom-port "$DICOM" \
  --https-port "$HTTPS" --mgmt-port "$MGMT" >"$WORK/strata.log" 2>&1) &
PID=$!
for _ in $(seq 1 480); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP/strata/" || true)
  [ "$code" = 401 ] && break
  sleep 0.5
done
[ "$code" = 401 ] || { echo "Strata did not start" >&2; tail -50 "$WORK/strata.log" >&2; exit 1; }

echo "stgcmt bench: storing $N instances"
rc=0
TCP_NODELAY=1 storescu -aec STRATA +sd 127.0.0.1 "$DICOM" "$WORK/corpus" >"$WORK/storescu.log" 2>&1 || rc=$?
if [ "$rc" != 0 ]; then
  echo "storescu exited with $rc:" >&2
  grep -v '^I:' "$WORK/storescu.log" | tail -5 >&2
fi

echo "stgcmt bench: requesting storage commitment of $N instances"
OUT=$("$ROOT/strata" dicom stgcmt -c "STRATA@127.0.0.1:$DICOM" -b BENCH --wait 600 "$WORK/corpus" || true)
printf '%s\n' "$OUT" | grep -v '^FAILED' | head -3 || true
printf '%s\n' "$OUT" | grep '^FAILED' | head -3 || true
MS=$(echo "$OUT" | sed -n 's/.*(\([0-9]*\) ms)$/\1/p')
echo "stgcmt: $N instances, N-ACTION to N-EVENT-REPORT: ${MS} ms ($(( N * 1000 / (MS > 0 ? MS : 1) )) instances/s)"

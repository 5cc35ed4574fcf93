#!/usr/bin/env bash
# Starts a DICOM peer on loopback for side-by-side measurements, waits until it listens.
#
#   peers.sh start storescp|storescp-fork|strata-storescp|orthanc PORT WORKDIR   -> prints the PID
#   peers.sh stop PID
#
#   storescp         DCMTK's receiver, one process, AE STORESCP, files under WORKDIR/in
#   storescp-fork    the same with --fork (a child process per association)
#   strata-storescp  our receiver (./strata dicom storescp), AE STORESCP, files under WORKDIR/in
#   orthanc          Orthanc, AE ORTHANC, SQLite index + storage under WORKDIR, HTTP on PORT+1000
# Logs go to WORKDIR/<peer>.log. DCMTK and Orthanc come from Debian (dcmtk, orthanc).
set -euo pipefail
export TCP_NODELAY=1
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?start|stop}
if [ "$cmd" = stop ]; then
  pid=${2:?PID}
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  exit 0
fi
[ "$cmd" = start ] || { echo "usage: peers.sh start PEER PORT WORKDIR | stop PID" >&2; exit 2; }
peer=${2:?peer}; port=${3:?port}; work=${4:?workdir}
mkdir -p "$work/in"
log="$work/$peer.log"
case "$peer" in
  storescp) storescp -aet STORESCP -od "$work/in" +xa "$port" >"$log" 2>&1 & ;;
  storescp-fork) storescp --fork -aet STORESCP -od "$work/in" +xa "$port" >"$log" 2>&1 & ;;
  strata-storescp)
    "$here/../../strata" dicom storescp -b STORESCP --host 127.0.0.1 --port "$port" -o "$work/in" >"$log" 2>&1 & ;;
  orthanc)
    cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$work/storage", "IndexDirectory": "$work/index",
  "DicomAet": "ORTHANC", "DicomPort": $port, "HttpPort": $((port + 1000)),
  "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "DicomCheckCalledAet": false, "StorageCompression": false, "Plugins": [] }
JSON
    Orthanc "$work/orthanc.json" >"$log" 2>&1 & ;;
  *) echo "peers.sh: unknown peer $peer" >&2; exit 2 ;;
esac
pid=$!
for _ in $(seq 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill "$pid" 2>/dev/null || true
echo "peers.sh: $peer did not listen on $port (see $log)" >&2
tail -5 "$log" >&2
exit 1

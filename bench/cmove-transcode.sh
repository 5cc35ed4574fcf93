#!/usr/bin/env bash
# bench: issue 9 - C-MOVE of a JPEG-LS study transcoded to Explicit VR LE vs the same C-MOVE without transcoding
#
# Starts its own Strata (./strata run, throw-away data directory, free ports), stores a study of
# INSTANCES (default 100) 512 x 512 12-bit CT instances compressed by DCMTK's dcmcjpls, then times
# DCMTK movescu of the whole study to two DCMTK storescp destinations, best of 3 each, back to back:
#   JLSSCP  accepts JPEG-LS lossless: Strata sends what it stores, no transcoding
#   ELESCP  accepts CT Image Storage in Explicit VR Little Endian only: Strata decodes every instance
# Both storescps receive without writing (--ignore). Figure: decoded MB/s of each, and the ratio;
# then the transcoding C-MOVE again with transcoding ahead switched off (retrieve.transcode-ahead = 0).
# Target (issue 9): transcoding >= 0.7x the C-MOVE without transcoding.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/cmove-transcode"
rm -rf "$out"; mkdir -p "$out"
n=${INSTANCES:-100}
corpus=$(bench_corpus cmove --patients 1 --studies-per-patient 1 --series-per-study 1 --instances-per-series "$n")
mkdir -p "$out/jls"
for f in $(find "$corpus" -name '*.dcm' | sort); do dcmcjpls "$f" "$out/jls/$(basename "$f")"; done
study=$(dcmdump +P 0020,000d "$(find "$out/jls" -name '*.dcm' | head -1)" | sed -n 's/.*\[\(.*\)\].*/\1/p' | head -1)
mb=$(find "$corpus" -name '*.dcm' -print0 | xargs -0 -n 1 dcmdump +P 0028,0010 +P 0028,0011 2>/dev/null \
  | awk '/\(0028,0010\)/ { r = $3 } /\(0028,0011\)/ { t += r * $3 * 2 } END { printf "%.1f", t / 1e6 }')

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

http=$(bench_free_port); dicom=$(bench_free_port); https=$(bench_free_port); mgmt=$(bench_free_port)
password=bench-$RANDOM
# started directly (no subshell): TERM to this PID is what makes ./strata run stop WildFly
STRATA_ADMIN_PASSWORD=$password "$BENCH_ROOT/strata" run --data "$out/data" --http-port "$http" \
  --dicom-port "$dicom" --https-port "$https" --mgmt-port "$mgmt" >"$out/strata.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  echoscu -aec STRATA 127.0.0.1 "$dicom" >/dev/null 2>&1 && break
  sleep 1
done
echoscu -aec STRATA 127.0.0.1 "$dicom" >/dev/null 2>&1 || { echo "Strata did not start" >&2; tail -30 "$out/strata.log" >&2; exit 1; }

cat >"$out/storescp.cfg" <<'CFG'
[[TransferSyntaxes]]
[ExplicitLE]
TransferSyntax1 = LittleEndianExplicit
[[PresentationContexts]]
[ExplicitLEOnly]
PresentationContext1 = VerificationSOPClass\ExplicitLE
PresentationContext2 = CTImageStorage\ExplicitLE
[[Profiles]]
[ExplicitLEOnly]
PresentationContexts = ExplicitLEOnly
CFG
destination() { # aet storescp-options...
  local aet=$1 port; shift
  port=$(bench_free_port)
  storescp -aet "$aet" --ignore "$@" "$port" >"$out/$aet.log" 2>&1 &
  pids+=($!)
  curl -sf -u "admin:$password" -X PUT -H 'Content-Type: application/json' \
      -d "{\"host\":\"127.0.0.1\",\"port\":$port}" "http://127.0.0.1:$http/strata/api/aes/$aet" >/dev/null \
    || { echo "cannot register $aet" >&2; exit 1; }
}
destination JLSSCP +xt
destination ELESCP -xf "$out/storescp.cfg" ExplicitLEOnly

storescu -xt -aec STRATA 127.0.0.1 "$dicom" +sd "$out/jls" >"$out/storescu.log" 2>&1 \
  || { echo "storescu failed" >&2; tail -5 "$out/storescu.log" >&2; exit 1; }

move() { # aet: prints decoded MB/s of one C-MOVE of the study; fails unless every sub-operation succeeded
  local aet=$1 s e
  s=$(date +%s.%N)
  movescu -v -S -aec STRATA -aem "$aet" 127.0.0.1 "$dicom" -k QueryRetrieveLevel=STUDY \
    -k "StudyInstanceUID=$study" >"$out/movescu.$aet.log" 2>&1
  e=$(date +%s.%N)
  grep -q 'Received Final Move Response (Success)' "$out/movescu.$aet.log" \
    || { echo "C-MOVE to $aet failed:" >&2; tail -5 "$out/movescu.$aet.log" >&2; exit 1; }
  awk -v s="$s" -v e="$e" -v m="$mb" 'BEGIN { printf "%.1f\n", m / (e - s) }'
}
move JLSSCP >/dev/null # warm-up: JIT, caches
move ELESCP >/dev/null
plain=$(bench_best move JLSSCP)
transcoded=$(bench_best move ELESCP)
# the same transcoding C-MOVE with transcoding ahead switched off (setting retrieve.transcode-ahead = 0:
# every instance decoded on the sending thread while it is sent), to show what transcoding ahead gains
curl -sf -u "admin:$password" -X PUT -H 'Content-Type: application/json' -d '{"value":"0"}' \
    "http://127.0.0.1:$http/strata/api/settings/retrieve.transcode-ahead" >/dev/null \
  || { echo "cannot set retrieve.transcode-ahead" >&2; exit 1; }
serial=$(bench_best move ELESCP)
bench_summary "issue 9 C-MOVE of $n JPEG-LS instances ($mb MB decoded): without transcoding $plain MB/s, transcoding to Explicit VR LE $transcoded MB/s: ratio $(awk -v a="$transcoded" -v b="$plain" 'BEGIN { printf "%.2f", a / b }') (target >= 0.7; transcoding ahead off: $serial MB/s); load $(cut -d' ' -f1-3 /proc/loadavg)"

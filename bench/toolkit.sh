#!/usr/bin/env bash
# bench: issues 3 and 9 - toolkit JMH benchmarks (header parse, read+write, codec decode) vs dcmdump, pydicom, cp, DCMTK/GDCM decoders
#
# Issue 3: header parse (stop before Pixel Data) of the 1,000-file corpus, files/s: our Part10Reader
#   (JMH) vs `dcmdump -q -M` with all files as arguments (one process) vs pydicom dcmread
#   (stop_before_pixels, one process). Targets: >= 5x pydicom, >= 1x dcmdump.
#   Full read + write of a 0.5 MB CT, MB/s, vs raw file copy (both JMH, file to file). Target >= 70 %.
#   Strata reads Pixel Data as a bulk data reference and the writer copies it with transferTo; the
#   figure with Pixel Data read into memory is printed too. The benchmark's setup checks that every
#   variant writes a file equal to the source byte for byte.
# Issue 9: decode, MB of decoded pixels/s, one thread, JVM warm (JMH, one frame per operation) vs
#   dcmdrle / dcmdjpls / dcmdjpeg (GDCM gdcmconv --raw for JPEG 2000) on the same multi-frame files
#   (time of the whole command, which also reads the file and writes the result to the page cache).
#   Targets: >= 1.0x for RLE and JPEG-LS, >= 0.5x for JPEG baseline and JPEG 2000.
# BENCH_JMH="-f 1 -wi 3 -w 2s -i 5 -r 2s" sets the JMH run; TOOLKIT_ONLY=decode runs issue 9's part only. Raw results under target/bench/toolkit/.
. "$(dirname "$0")/lib/common.sh"
out="$BENCH_OUT/toolkit"
rm -rf "$out"; mkdir -p "$out"
py=/usr/bin/python3
jmh_opts=${BENCH_JMH:--f 1 -wi 3 -w 2s -i 5 -r 2s}
bench_tools_jar
(cd "$BENCH_ROOT" && ./mvnw -B -ntp -q -DskipTests -pl dicom/bench -am package) >&2
jmh_cp="$BENCH_ROOT/dicom/bench/target/classes:$BENCH_ROOT/dicom/bench/target/lib/*"
jmh() { # result-name benchmark-regex [jmh args]
  local name=$1; shift
  # shellcheck disable=SC2086
  java -cp "$jmh_cp" org.openjdk.jmh.Main $jmh_opts -rf json -rff "$out/$name.json" "$@" >"$out/$name.txt" 2>&1 \
    || { tail -20 "$out/$name.txt" >&2; return 1; }
}
score() { $py "$BENCH_ROOT/bench/lib/jmh-result.py" "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# --- issue 3 -------------------------------------------------------------------------------------
if [ "${TOOLKIT_ONLY:-}" != decode ]; then # TOOLKIT_ONLY=decode: issue 9's decode part alone
corpus=$(bench_corpus c1k)
files=$(find "$corpus" -name '*.dcm' | wc -l)
ct="$out/ct.dcm"
cp "$(find "$corpus" -name '*.dcm' | sort | head -1)" "$ct"
ct_mb=$(awk -v b="$(stat -c %s "$ct")" 'BEGIN { print b / 1e6 }')

jmh header "HeaderParseBenchmark" -p "corpus=$corpus"
ours=$(score "$out/header.json" parseHeader)
dcmdump_run() { # files/s of one dcmdump over all files
  local t
  t=$(bench_time xargs -a "$out/files.txt" dcmdump -q -M)
  awk -v n="$files" -v t="$t" 'BEGIN { printf "%.1f", n / t }'
}
find "$corpus" -name '*.dcm' | sort >"$out/files.txt"
[ "$(xargs -a "$out/files.txt" dcmdump -q -M | grep -c '(0002,0010)')" -eq "$files" ] \
  || { echo "dcmdump did not parse every file" >&2; exit 1; }
dcmdump_rate=$(bench_best dcmdump_run)
pydicom_rate=$($py "$BENCH_ROOT/bench/lib/header-parse.py" "$corpus" 3)
bench_summary "issue 3 header parse, $files files: Strata $ours files/s, dcmdump -q -M $dcmdump_rate files/s (ratio $(ratio "$ours" "$dcmdump_rate"), target >= 1), pydicom $pydicom_rate files/s (ratio $(ratio "$ours" "$pydicom_rate"), target >= 5)"

jmh readwrite "ReadWriteBenchmark" -p "file=$ct"
rw=$(score "$out/readwrite.json" .readWrite); copy=$(score "$out/readwrite.json" rawCopy)
rw_mem=$(score "$out/readwrite.json" readWriteInMemory)
bench_summary "issue 3 read+write of a $(printf '%.2f' "$ct_mb") MB CT: Strata $(awk -v r="$rw" -v m="$ct_mb" 'BEGIN { printf "%.0f", r * m }') MB/s, raw copy $(awk -v r="$copy" -v m="$ct_mb" 'BEGIN { printf "%.0f", r * m }') MB/s: $(awk -v a="$rw" -v b="$copy" 'BEGIN { printf "%.0f", 100 * a / b }') % (target >= 70 %); Pixel Data read into memory instead: $(awk -v r="$rw_mem" -v m="$ct_mb" 'BEGIN { printf "%.0f", r * m }') MB/s"

fi

# --- issue 9 -------------------------------------------------------------------------------------
frames=${BENCH_FRAMES:-100}
mf12=$(bench_corpus mf12 --patients 1 --studies-per-patient 1 --series-per-study 1 --instances-per-series 1 --frames "$frames")
mf8=$(bench_corpus mf8 --patients 1 --studies-per-patient 1 --series-per-study 1 --instances-per-series 1 --frames "$frames" --bits-stored 8)
codec="$out/codec"; mkdir -p "$codec"
dcmcrle "$mf12"/*.dcm "$codec/rle.dcm"
dcmcjpls "$mf12"/*.dcm "$codec/jpegls.dcm"
dcmcjpeg +eb "$mf8"/*.dcm "$codec/jpeg.dcm"
gdcmconv --j2k "$mf12"/*.dcm "$codec/j2k.dcm"
declare -A ref=([rle]="dcmdrle" [jpegls]="dcmdjpls" [jpeg]="dcmdjpeg" [j2k]="gdcmconv --raw")
declare -A target=([rle]=1.0 [jpegls]=1.0 [jpeg]=0.5 [j2k]=0.5)
declare -A label=([rle]="RLE" [jpegls]="JPEG-LS lossless" [jpeg]="JPEG baseline 8-bit" [j2k]="JPEG 2000 lossless")
params=""
for c in rle jpegls jpeg j2k; do params="$params,$codec/$c.dcm"; done
jmh decode "DecodeBenchmark" -p "file=${params#,}"
for c in rle jpegls jpeg j2k; do
  f="$codec/$c.dcm"
  frame_mb=$(awk -v c="$c" 'BEGIN { print 512 * 512 * (c == "jpeg" ? 1 : 2) / 1e6 }') # make-corpus: 512 x 512
  ops=$(score "$out/decode.json" decodeFrame "file=$f")
  ours=$(awk -v o="$ops" -v m="$frame_mb" 'BEGIN { printf "%.1f", o * m }')
  # shellcheck disable=SC2086
  ref_run() { local t; t=$(bench_time ${ref[$c]} "$f" "$codec/$c.out.dcm"); awk -v t="$t" -v m="$frame_mb" -v n="$frames" 'BEGIN { printf "%.1f", m * n / t }'; }
  theirs=$(bench_best ref_run)
  rm -f "$codec/$c.out.dcm"
  bench_summary "issue 9 decode ${label[$c]} ($frames frames, $(stat -c %s "$f") bytes): Strata $ours MB/s, ${ref[$c]} $theirs MB/s: ratio $(ratio "$ours" "$theirs") (target >= ${target[$c]})"
done

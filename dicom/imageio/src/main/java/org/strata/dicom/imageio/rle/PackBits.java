package org.strata.dicom.imageio.rle;

import java.io.ByteArrayOutputStream;

/** The byte-oriented run-length scheme of PS3.5 G.3 (PackBits). */
final class PackBits {

    private PackBits() {
    }

    /**
     * Decodes one RLE segment (PS3.5 G.3.2) into {@code out}, stopping when the output is full or the
     * input ends. Returns the number of bytes produced.
     */
    static int decode(byte[] in, int start, int end, byte[] out) {
        int i = start;
        int o = 0;
        while (i < end && o < out.length) {
            int n = in[i++];
            if (n >= 0) {                       // n+1 literal bytes follow
                int len = Math.min(Math.min(n + 1, end - i), out.length - o);
                System.arraycopy(in, i, out, o, len);
                i += n + 1;
                o += len;
            } else if (n != -128) {             // next byte repeated -n+1 times; -128 is a no-op
                if (i >= end) {
                    break;
                }
                byte b = in[i++];
                int len = Math.min(-n + 1, out.length - o);
                for (int k = 0; k < len; k++) {
                    out[o++] = b;
                }
            }
        }
        return o;
    }

    /**
     * Encodes one row of bytes (PS3.5 G.3.1: rows are encoded separately, runs never cross a row).
     * Runs of 3 or more equal bytes become replicate runs; everything else literal runs of up to 128.
     */
    static void encodeRow(byte[] row, int off, int len, ByteArrayOutputStream out) {
        int end = off + len;
        int i = off;
        int literalStart = i;
        while (i < end) {
            int run = 1;
            while (i + run < end && run < 128 && row[i + run] == row[i]) {
                run++;
            }
            if (run >= 3) {
                flushLiteral(row, literalStart, i, out);
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                literalStart = i;
            } else {
                i += run;
                if (i - literalStart >= 128) {
                    flushLiteral(row, literalStart, literalStart + 128, out);
                    literalStart += 128;
                }
            }
        }
        flushLiteral(row, literalStart, end, out);
    }

    private static void flushLiteral(byte[] row, int from, int to, ByteArrayOutputStream out) {
        while (from < to) {
            int n = Math.min(128, to - from);
            out.write(n - 1);
            out.write(row, from, n);
            from += n;
        }
    }
}

package org.strata.dicom.imageio.jpeg;

import java.util.Arrays;

import org.strata.dicom.imageio.PixelDataException;

/**
 * A JPEG Huffman table (T.81 Annex C) given as BITS (codes per length 1..16) and HUFFVAL, with the
 * decoding tables of F.2.2.3 and the encoding table of C.2, and the optimal table construction of
 * Annex K.2.
 */
final class HuffmanTable {

    private final int[] bits;        // bits[1..16]
    private final int[] values;
    private final int[] maxCode = new int[18];
    private final int[] valPtr = new int[17];
    private final int[] minCode = new int[17];
    private final int[] codeOf = new int[256];
    private final int[] sizeOf = new int[256];

    HuffmanTable(int[] bits, int[] values) {
        this.bits = bits.clone();
        this.values = values.clone();
        int total = 0;
        for (int l = 1; l <= 16; l++) {
            total += bits[l];
        }
        if (total != values.length || total > 256) {
            throw new PixelDataException("JPEG: Huffman table with " + total + " codes and " + values.length + " values");
        }
        // C.2: canonical code assignment
        int code = 0;
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            valPtr[l] = k;
            minCode[l] = code;
            for (int i = 0; i < bits[l]; i++) {
                codeOf[values[k] & 0xFF] = code;
                sizeOf[values[k] & 0xFF] = l;
                k++;
                code++;
            }
            maxCode[l] = bits[l] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    int[] bits() {
        return bits.clone();
    }

    int[] values() {
        return values.clone();
    }

    /** F.2.2.3 DECODE. */
    int decode(JpegBitReader in) {
        int code = in.readBit();
        for (int l = 1; l <= 16; l++) {
            if (code <= maxCode[l]) {
                return values[valPtr[l] + code - minCode[l]];
            }
            code = (code << 1) | in.readBit();
        }
        throw new PixelDataException("JPEG: invalid Huffman code");
    }

    void encode(int symbol, JpegBitWriter out) {
        if (sizeOf[symbol] == 0) {
            throw new IllegalStateException("no Huffman code for symbol " + symbol);
        }
        out.writeBits(codeOf[symbol], sizeOf[symbol]);
    }

    /** K.2: an optimal table for the given symbol frequencies (length-limited to 16 bits). */
    static HuffmanTable optimal(long[] frequencies) {
        long[] freq = Arrays.copyOf(frequencies, 257);
        freq[256] = 1;                                   // reserved so that no code is all 1 bits
        int[] codeSize = new int[257];
        int[] others = new int[257];
        Arrays.fill(others, -1);
        while (true) {
            int v1 = -1;
            int v2 = -1;
            for (int i = 0; i < 257; i++) {              // least frequencies; ties go to the larger index
                if (freq[i] > 0 && (v1 < 0 || freq[i] <= freq[v1])) {
                    v1 = i;
                }
            }
            for (int i = 0; i < 257; i++) {
                if (freq[i] > 0 && i != v1 && (v2 < 0 || freq[i] <= freq[v2])) {
                    v2 = i;
                }
            }
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0) {
                v1 = others[v1];
                codeSize[v1]++;
            }
            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0) {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }
        int[] count = new int[33 + 257];
        for (int i = 0; i < 257; i++) {
            if (codeSize[i] > 0) {
                count[codeSize[i]]++;
            }
        }
        for (int i = count.length - 1; i > 16; i--) {    // K.3 Adjust_BITS
            while (count[i] > 0) {
                int j = i - 2;
                while (count[j] == 0) {
                    j--;
                }
                count[i] -= 2;
                count[i - 1]++;
                count[j + 1] += 2;
                count[j]--;
            }
        }
        int i = 16;
        while (count[i] == 0) {
            i--;
        }
        count[i]--;                                      // drop the reserved code
        int[] bits = new int[17];
        System.arraycopy(count, 1, bits, 1, 16);
        int n = 0;
        int[] values = new int[256];
        for (int size = 1; size <= 32 + 256; size++) {   // K.4 Sort_input
            for (int s = 0; s < 256; s++) {
                if (codeSize[s] == size) {
                    values[n++] = s;
                }
            }
        }
        return new HuffmanTable(bits, Arrays.copyOf(values, n));
    }
}

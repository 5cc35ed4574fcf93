package org.strata.dicom.imageio.render;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;

/**
 * A VOI LUT of the VOI LUT Sequence (PS3.3 C.11.2.1.1): LUT Descriptor (entries, 0 meaning 65536;
 * first mapped value; bits per entry) and LUT Data; values below the first entry map to the first,
 * above the last to the last; the output range 0..2^bits-1 is scaled to 0..255.
 */
record VoiLut(int[] entries, int firstMapped, int bits) {

    /** The first LUT of the data set's VOI LUT Sequence, or {@code null}. */
    static VoiLut first(Attributes ds) {
        Sequence seq = ds.getSequence(Tag.VOILUTSequence);
        if (seq == null || seq.isEmpty()) {
            return null;
        }
        Attributes item = seq.get(0);
        int[] desc = item.getInts(Tag.LUTDescriptor);
        byte[] data = item.getBytes(Tag.LUTData);
        if (desc == null || desc.length != 3 || data == null) {
            return null;
        }
        int n = desc[0] == 0 ? 65536 : desc[0] & 0xFFFF;
        int bits = desc[2];
        int[] entries = new int[n];
        boolean words = data.length >= 2 * n;
        for (int i = 0; i < n; i++) {
            if (words) {
                entries[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
            } else {
                entries[i] = i < data.length ? data[i] & 0xFF : 0;
            }
        }
        // first mapped value is US or SS: 16-bit two's complement when read as unsigned and above 32767
        int first = desc[1] > 32767 && item.getVR(Tag.LUTDescriptor) == org.strata.dicom.core.VR.SS
                ? desc[1] - 65536 : desc[1];
        return new VoiLut(entries, first, bits);
    }

    double apply(double x) {
        int i = (int) Math.max(0, Math.min(entries.length - 1, Math.floor(x) - firstMapped));
        double max = (1 << bits) - 1;
        return Math.min(255, entries[i] * 255.0 / max);
    }
}

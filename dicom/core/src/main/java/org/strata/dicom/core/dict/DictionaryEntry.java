package org.strata.dicom.core.dict;

import org.strata.dicom.core.VR;

/**
 * One data element of PS3.6 Table 6-1 (or 7-1, 8-1).
 *
 * @param tag the tag, with the mask digits of a repeating group set to 0
 * @param mask bits of {@code tag} that are fixed (-1 for a single element)
 * @param vrs the VR as listed, e.g. {@code "US or SS"}, or {@code "NONE"} for item delimiters
 * @param vm the value multiplicity, e.g. {@code "1-n"}
 * @param retired whether the element is retired
 * @param keyword the keyword, e.g. {@code PatientName}
 * @param name the name, e.g. {@code Patient's Name}
 */
public record DictionaryEntry(int tag, int mask, String vrs, String vm, boolean retired, String keyword,
        String name) {

    /** The VR to assume when none is encoded: the first alternative, OW for "OB or OW" (PS3.5 A.1). */
    public VR defaultVR() {
        if (vrs.startsWith("OB or OW")) {
            return VR.OW;
        }
        VR vr = VR.ofCode(vrs.length() >= 2 ? vrs.substring(0, 2) : vrs);
        return vr == null ? VR.UN : vr;
    }
}

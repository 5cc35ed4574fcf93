package org.strata.dicom.net.pdu;

import java.util.Arrays;

/** SOP Class Extended Negotiation sub-item (PS3.7 D.3.3.5): application information per SOP class. */
public record SopClassExtendedNegotiation(String sopClassUid, byte[] info) {

    public SopClassExtendedNegotiation {
        info = info.clone();
    }

    @Override
    public byte[] info() {
        return info.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SopClassExtendedNegotiation e && e.sopClassUid.equals(sopClassUid)
                && Arrays.equals(e.info, info);
    }

    @Override
    public int hashCode() {
        return sopClassUid.hashCode() * 31 + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "SopClassExtendedNegotiation[" + sopClassUid + ", " + Arrays.toString(info) + "]";
    }
}

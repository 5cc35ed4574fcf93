package org.strata.jca;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.strata.dicom.net.assoc.Association;
import org.strata.dicom.net.assoc.ExtendedNegotiationPolicy;
import org.strata.dicom.net.pdu.SopClassExtendedNegotiation;
import org.strata.jca.api.QueryRequest.Extension;

/**
 * SOP Class Extended Negotiation of the C-FIND models (PS3.4 C.5.1.1): the archive accepts
 * relational queries (byte 1) and combined date-time matching (byte 2) when proposed, and
 * declines fuzzy semantic matching of person names (byte 3) and timezone adjustment (byte 4).
 */
final class QueryNegotiation implements ExtendedNegotiationPolicy {

    private final List<String> findModels;

    QueryNegotiation(List<String> findModels) {
        this.findModels = findModels;
    }

    @Override
    public Optional<byte[]> answer(String sopClassUid, byte[] proposed) {
        if (!findModels.contains(sopClassUid) || proposed.length == 0) {
            return Optional.empty();
        }
        // PS3.4 Table C.5-2: the SCP answers as many bytes as it understands, 1 = supported
        byte[] answer = new byte[Math.min(proposed.length, 4)];
        answer[0] = (byte) (proposed[0] == 1 ? 1 : 0);
        if (answer.length > 1) {
            answer[1] = (byte) (proposed[1] == 1 ? 1 : 0);
        }
        return Optional.of(answer);
    }

    /** What the association's A-ASSOCIATE-AC accepted for {@code sopClassUid}. */
    static Set<Extension> accepted(Association as, String sopClassUid) {
        Set<Extension> accepted = EnumSet.noneOf(Extension.class);
        if (as.accept() == null || as.accept().userInformation() == null) {
            return accepted;
        }
        for (SopClassExtendedNegotiation ext : as.accept().userInformation().extendedNegotiations()) {
            if (ext.sopClassUid().equals(sopClassUid)) {
                byte[] info = ext.info();
                if (info.length > 0 && info[0] == 1) {
                    accepted.add(Extension.RELATIONAL);
                }
                if (info.length > 1 && info[1] == 1) {
                    accepted.add(Extension.COMBINED_DATE_TIME);
                }
            }
        }
        return accepted;
    }
}

package org.strata.dicom.net.pdu;

import java.util.List;
import java.util.Optional;

/**
 * A-ASSOCIATE-AC PDU, PS3.8 9.3.3. Called/calling AE titles echo the request (they are not tested
 * by the receiver, but we send them as received).
 */
public record AssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContext, List<PresentationContextAc> presentationContexts,
        UserInformation userInformation) implements Pdu {

    public AssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    public Optional<PresentationContextAc> presentationContext(int id) {
        return presentationContexts.stream().filter(pc -> pc.id() == id).findFirst();
    }

    @Override
    public PduType type() {
        return PduType.A_ASSOCIATE_AC;
    }
}

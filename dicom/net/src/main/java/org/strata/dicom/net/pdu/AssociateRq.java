package org.strata.dicom.net.pdu;

import java.util.List;
import java.util.Optional;

/** A-ASSOCIATE-RQ PDU, PS3.8 9.3.2. AE titles are kept without their space padding. */
public record AssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContext, List<PresentationContextRq> presentationContexts,
        UserInformation userInformation) implements Pdu {

    /** DICOM Application Context Name, PS3.7 A.2.1. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }

    public AssociateRq(String calledAeTitle, String callingAeTitle, List<PresentationContextRq> presentationContexts,
            UserInformation userInformation) {
        this(1, calledAeTitle, callingAeTitle, DICOM_APPLICATION_CONTEXT, presentationContexts, userInformation);
    }

    public Optional<PresentationContextRq> presentationContext(int id) {
        return presentationContexts.stream().filter(pc -> pc.id() == id).findFirst();
    }

    @Override
    public PduType type() {
        return PduType.A_ASSOCIATE_RQ;
    }
}

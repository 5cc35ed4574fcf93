package org.strata.dicom.net.dimse;

import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.PresentationContextRq;
import org.strata.dicom.net.pdu.UserInformation;

/** Builds an A-ASSOCIATE-RQ, numbering presentation contexts 1, 3, 5, ... (PS3.8 9.3.2.2). */
public final class AssociateRqBuilder {

    public static final String IMPLICIT_VR_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";

    private final String callingAeTitle;
    private final String calledAeTitle;
    private final List<PresentationContextRq> contexts = new ArrayList<>();
    private UserInformation userInformation = UserInformation.builder().build();

    public AssociateRqBuilder(String callingAeTitle, String calledAeTitle) {
        this.callingAeTitle = callingAeTitle;
        this.calledAeTitle = calledAeTitle;
    }

    /** Adds one presentation context unless the same abstract syntax with the same transfer syntaxes is there. */
    public AssociateRqBuilder addContext(String abstractSyntax, String... transferSyntaxes) {
        List<String> ts = List.of(transferSyntaxes);
        boolean present = contexts.stream().anyMatch(pc -> pc.abstractSyntax().equals(abstractSyntax)
                && pc.transferSyntaxes().equals(ts));
        if (!present) {
            if (contexts.size() == 128) {
                throw new IllegalStateException("at most 128 presentation contexts (PS3.8 9.3.2.2)");
            }
            contexts.add(new PresentationContextRq(contexts.size() * 2 + 1, abstractSyntax, ts));
        }
        return this;
    }

    public AssociateRqBuilder userInformation(UserInformation ui) {
        this.userInformation = ui;
        return this;
    }

    public AssociateRq build() {
        return new AssociateRq(calledAeTitle, callingAeTitle, contexts, userInformation);
    }
}

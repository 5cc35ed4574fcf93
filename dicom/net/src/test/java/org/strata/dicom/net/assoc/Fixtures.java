package org.strata.dicom.net.assoc;

import java.util.List;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.PresentationContextRq;
import org.strata.dicom.net.pdu.UserInformation;

final class Fixtures {

    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String IVLE = "1.2.840.10008.1.2";
    static final String EVLE = "1.2.840.10008.1.2.1";
    static final String JPEG = "1.2.840.10008.1.2.4.50";

    private Fixtures() {
    }

    static ApplicationEntityConfig scp(String aet) {
        return ApplicationEntityConfig.of(aet, List.of(
                new TransferCapability(VERIFICATION, Role.SCP, List.of(IVLE)),
                new TransferCapability(CT, Role.SCP, List.of(EVLE, IVLE)),
                new TransferCapability(MR, Role.SCU, List.of(IVLE))));
    }

    static AssociateRq request(String called, UserInformation ui, PresentationContextRq... pcs) {
        return new AssociateRq(called, "TESTSCU", List.of(pcs), ui);
    }

    static AssociateRq echoRequest(String called) {
        return request(called, UserInformation.builder().build(),
                new PresentationContextRq(1, VERIFICATION, List.of(IVLE)));
    }
}

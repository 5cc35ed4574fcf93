package org.strata.jca;

import java.util.List;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/** What the listener accepts in association negotiation. */
final class AcceptedCapabilities {

    private AcceptedCapabilities() {
    }

    /**
     * Verification with the default transfer syntax, and every other abstract syntax with the
     * first transfer syntax the requestor proposes (stored as received). The SCU role too, for any
     * storage SOP class a C-GET requestor offers to receive (role selection, PS3.7 D.3.3.4).
     */
    static List<TransferCapability> all() {
        return List.of(
                new TransferCapability(DimseServiceRegistry.VERIFICATION, Role.SCP,
                        List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2")),
                new TransferCapability(TransferCapability.ANY, Role.SCP, List.of(TransferCapability.ANY)),
                new TransferCapability(TransferCapability.ANY, Role.SCU, List.of(TransferCapability.ANY)));
    }
}

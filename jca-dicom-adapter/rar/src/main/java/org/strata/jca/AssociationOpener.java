package org.strata.jca;

import java.io.IOException;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.pdu.RoleSelection;
import org.strata.dicom.net.pdu.UserInformation;
import org.strata.jca.api.AssociationSpec;
import org.strata.jca.api.RemoteTarget;

/** Opens the association of an outbound managed connection with the toolkit (PS3.8 7.1.1). */
final class AssociationOpener {

    private AssociationOpener() {
    }

    static DimseClient open(NetRuntime runtime, AssociationSpec spec) throws IOException {
        RemoteTarget t = spec.target();
        if (t.tls()) {
            throw new IOException("outbound DICOM over TLS to " + t.calledAeTitle() + " is not configured");
        }
        UserInformation.Builder ui = UserInformation.builder().maxPduLength(ListenerActivation.MAX_PDU_LENGTH);
        AssociateRqBuilder rq = new AssociateRqBuilder(t.callingAeTitle(), t.calledAeTitle());
        for (AssociationSpec.ProposedContext pc : spec.contexts()) {
            rq.addContext(pc.sopClassUid(), pc.transferSyntaxes().toArray(String[]::new));
        }
        if (t.role() == RemoteTarget.Role.SCP) {
            spec.contexts().stream().map(AssociationSpec.ProposedContext::sopClassUid).distinct()
                    .forEach(sopClass -> ui.addRoleSelection(new RoleSelection(sopClass, false, true))); // PS3.7 D.3.3.4
        }
        DimseClient client = DimseClient.open(runtime, new RemoteAe(t.calledAeTitle(), t.host(), t.port()),
                rq.userInformation(ui.build()).build(), Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho());
        if (t.role() == RemoteTarget.Role.SCP) {
            for (AssociationSpec.ProposedContext pc : spec.contexts()) {
                if (!acceptedScpRole(client, pc.sopClassUid())) {
                    client.close();
                    throw new IOException(client.association().name() + ": " + t.calledAeTitle()
                            + " did not accept the SCP role for " + pc.sopClassUid());
                }
            }
        }
        return client;
    }

    private static boolean acceptedScpRole(DimseClient client, String sopClassUid) {
        return client.association().accept().userInformation().roleSelections().stream()
                .anyMatch(r -> r.sopClassUid().equals(sopClassUid) && r.scp());
    }
}

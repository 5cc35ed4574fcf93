package org.strata.dicom.net.assoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.pdu.AssociateAc;
import org.strata.dicom.net.pdu.AssociateRj;
import org.strata.dicom.net.pdu.AssociateRq;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.Pdu;
import org.strata.dicom.net.pdu.PresentationContextAc;
import org.strata.dicom.net.pdu.PresentationContextResult;
import org.strata.dicom.net.pdu.PresentationContextRq;
import org.strata.dicom.net.pdu.RejectReason;
import org.strata.dicom.net.pdu.RejectResult;
import org.strata.dicom.net.pdu.RoleSelection;
import org.strata.dicom.net.pdu.SopClassExtendedNegotiation;
import org.strata.dicom.net.pdu.UserInformation;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ: an A-ASSOCIATE-AC with a result per presentation
 * context (PS3.8 9.3.3.2), role selection (PS3.7 D.3.3.4), extended negotiation (D.3.3.5), user
 * identity (D.3.3.7) and asynchronous operations window (D.3.3.3); or an A-ASSOCIATE-RJ.
 */
public final class Negotiator {

    private final ApplicationEntityConfig ae;
    private final long maxPduLength;
    private final AsyncOpsWindow ourWindow;
    private final UserIdentityVerifier identityVerifier;
    private final ExtendedNegotiationPolicy extendedNegotiation;

    public Negotiator(ApplicationEntityConfig ae, long maxPduLength, AsyncOpsWindow ourWindow,
            UserIdentityVerifier identityVerifier, ExtendedNegotiationPolicy extendedNegotiation) {
        this.ae = ae;
        this.maxPduLength = maxPduLength;
        this.ourWindow = ourWindow;
        this.identityVerifier = identityVerifier;
        this.extendedNegotiation = extendedNegotiation;
    }

    public Pdu negotiate(AssociateRq rq) {
        if ((rq.protocolVersion() & 1) == 0) { // PS3.8 9.3.2: bit 0 is version 1
            return new AssociateRj(RejectResult.PERMANENT, RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!AssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return new AssociateRj(RejectResult.PERMANENT, RejectReason.APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!ae.acceptedCallingAeTitles().isEmpty() && !ae.acceptedCallingAeTitles().contains(rq.callingAeTitle())) {
            return new AssociateRj(RejectResult.PERMANENT, RejectReason.CALLING_AE_NOT_RECOGNIZED);
        }
        UserInformation rqUi = rq.userInformation();
        Optional<byte[]> identity = identityVerifier.verify(rqUi.userIdentityRq());
        if (identity.isEmpty()) { // PS3.7 D.3.3.7.2: refused identity, A-ASSOCIATE-RJ
            return new AssociateRj(RejectResult.PERMANENT, RejectReason.USER_NO_REASON);
        }
        UserInformation.Builder ui = UserInformation.builder().maxPduLength(maxPduLength);
        Map<String, RoleSelection> roles = new HashMap<>();
        for (RoleSelection proposed : rqUi.roleSelections()) {
            RoleSelection answer = new RoleSelection(proposed.sopClassUid(),
                    proposed.scu() && capability(proposed.sopClassUid(), Role.SCP) != null,
                    proposed.scp() && capability(proposed.sopClassUid(), Role.SCU) != null);
            roles.put(proposed.sopClassUid(), answer);
            ui.addRoleSelection(answer);
        }
        List<PresentationContextAc> pcs = new ArrayList<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            pcs.add(presentationContext(pc, roles.get(pc.abstractSyntax())));
        }
        for (SopClassExtendedNegotiation ext : rqUi.extendedNegotiations()) {
            extendedNegotiation.answer(ext.sopClassUid(), ext.info())
                    .ifPresent(info -> ui.addExtendedNegotiation(new SopClassExtendedNegotiation(ext.sopClassUid(), info)));
        }
        if (rqUi.asyncOpsWindow() != null) {
            ui.asyncOpsWindow(new AsyncOpsWindow(min(rqUi.asyncOpsWindow().maxInvoked(), ourWindow.maxInvoked()),
                    min(rqUi.asyncOpsWindow().maxPerformed(), ourWindow.maxPerformed())));
        }
        if (rqUi.userIdentityRq() != null && rqUi.userIdentityRq().positiveResponseRequested()) {
            ui.userIdentityServerResponse(identity.get());
        }
        return new AssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(), pcs, ui.build());
    }

    /** Window sizes: 0 means unlimited (PS3.7 D.3.3.3). */
    private static int min(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    private PresentationContextAc presentationContext(PresentationContextRq pc, RoleSelection role) {
        // Default roles: requestor SCU, acceptor SCP. With role selection, our role is the one the
        // requestor leaves to us (PS3.7 D.3.3.4).
        boolean weScp = role == null || role.scu();
        boolean weScu = role != null && role.scp();
        TransferCapability cap = weScp ? capability(pc.abstractSyntax(), Role.SCP) : null;
        if (cap == null && weScu) {
            cap = capability(pc.abstractSyntax(), Role.SCU);
        }
        if (cap == null) {
            return new PresentationContextAc(pc.id(), PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, null);
        }
        String ts = cap.select(pc.transferSyntaxes());
        return ts == null
                ? new PresentationContextAc(pc.id(), PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, null)
                : new PresentationContextAc(pc.id(), PresentationContextResult.ACCEPTANCE, ts);
    }

    private TransferCapability capability(String sopClass, Role role) {
        TransferCapability wildcard = null;
        for (TransferCapability tc : ae.transferCapabilities()) {
            if (tc.role() == role && tc.sopClassUid().equals(sopClass)) {
                return tc;
            }
            if (tc.role() == role && tc.sopClassUid().equals(TransferCapability.ANY)) {
                wildcard = tc;
            }
        }
        return wildcard;
    }
}

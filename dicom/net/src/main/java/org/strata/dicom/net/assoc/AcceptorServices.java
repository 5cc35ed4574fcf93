package org.strata.dicom.net.assoc;

import java.util.function.Function;
import org.strata.dicom.net.pdu.AsyncOpsWindow;

/**
 * The behaviour an acceptor plugs in (runtime objects, not configuration): the upper layer user of
 * each new association, user identity verification, extended negotiation and our operations window.
 */
public record AcceptorServices(Function<Association, UpperLayerUser> users, UserIdentityVerifier identityVerifier,
        ExtendedNegotiationPolicy extendedNegotiation, AsyncOpsWindow asyncOpsWindow) {

    public static AcceptorServices of(Function<Association, UpperLayerUser> users) {
        return new AcceptorServices(users, UserIdentityVerifier.ACCEPT_ALL, ExtendedNegotiationPolicy.NONE,
                AsyncOpsWindow.SYNCHRONOUS);
    }

    public AcceptorServices withIdentityVerifier(UserIdentityVerifier v) {
        return new AcceptorServices(users, v, extendedNegotiation, asyncOpsWindow);
    }

    public AcceptorServices withExtendedNegotiation(ExtendedNegotiationPolicy p) {
        return new AcceptorServices(users, identityVerifier, p, asyncOpsWindow);
    }

    public AcceptorServices withAsyncOpsWindow(AsyncOpsWindow w) {
        return new AcceptorServices(users, identityVerifier, extendedNegotiation, w);
    }
}

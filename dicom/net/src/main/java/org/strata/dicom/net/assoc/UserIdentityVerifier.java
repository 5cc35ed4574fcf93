package org.strata.dicom.net.assoc;

import java.util.Optional;
import org.strata.dicom.net.pdu.UserIdentityRq;

/** Decides on a proposed user identity (PS3.7 D.3.3.7). */
@FunctionalInterface
public interface UserIdentityVerifier {

    /** Accepts every association, with or without identity; sends no server response. */
    UserIdentityVerifier ACCEPT_ALL = id -> Optional.of(new byte[0]);

    /**
     * @param identity the proposed identity, or {@code null} when the request carries none
     * @return the server response to send when positive response was requested (may be empty);
     *         {@link Optional#empty()} to refuse the association
     */
    Optional<byte[]> verify(UserIdentityRq identity);
}

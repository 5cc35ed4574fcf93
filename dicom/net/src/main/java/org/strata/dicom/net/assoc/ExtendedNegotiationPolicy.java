package org.strata.dicom.net.assoc;

import java.util.Optional;

/** Answers a SOP Class Extended Negotiation sub-item (PS3.7 D.3.3.5). */
@FunctionalInterface
public interface ExtendedNegotiationPolicy {

    /** Returns no item: the requestor then assumes no extended behaviour (PS3.7 D.3.3.5). */
    ExtendedNegotiationPolicy NONE = (sopClass, info) -> Optional.empty();

    /** @return the application information to answer with, or empty for no answer item */
    Optional<byte[]> answer(String sopClassUid, byte[] proposed);
}

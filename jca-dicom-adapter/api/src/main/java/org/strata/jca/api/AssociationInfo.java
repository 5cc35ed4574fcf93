package org.strata.jca.api;

/**
 * Who is on the other end of an association.
 *
 * @param name          the association's name for log lines, e.g. {@code MODALITY1->STRATA(3)}
 * @param callingAeTitle the peer's AE title
 * @param calledAeTitle  our AE title as the peer addressed it
 * @param remoteAddress  the peer's IP address
 */
public record AssociationInfo(String name, String callingAeTitle, String calledAeTitle, String remoteAddress) {
}

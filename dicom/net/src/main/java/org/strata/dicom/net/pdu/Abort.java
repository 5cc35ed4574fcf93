package org.strata.dicom.net.pdu;

/** A-ABORT PDU, PS3.8 9.3.8. The reason is only significant for the service-provider source. */
public record Abort(AbortSource source, AbortReason reason) implements Pdu {

    public static Abort byUser() {
        return new Abort(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
    }

    public static Abort byProvider(AbortReason reason) {
        return new Abort(AbortSource.SERVICE_PROVIDER, reason);
    }

    @Override
    public PduType type() {
        return PduType.A_ABORT;
    }
}

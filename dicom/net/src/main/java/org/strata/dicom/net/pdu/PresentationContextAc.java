package org.strata.dicom.net.pdu;

/**
 * Presentation context item of an A-ASSOCIATE-AC (PS3.8 9.3.3.2). The transfer syntax is only
 * significant when the context was accepted.
 */
public record PresentationContextAc(int id, PresentationContextResult result, String transferSyntax) {

    public boolean accepted() {
        return result == PresentationContextResult.ACCEPTANCE;
    }
}

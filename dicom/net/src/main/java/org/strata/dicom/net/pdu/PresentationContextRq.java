package org.strata.dicom.net.pdu;

import java.util.List;

/**
 * Presentation context item of an A-ASSOCIATE-RQ (PS3.8 9.3.2.2): an odd ID 1..255, one abstract
 * syntax and the transfer syntaxes proposed for it.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContextRq {
        if (id < 1 || id > 255 || id % 2 == 0) {
            throw new IllegalArgumentException("presentation context ID must be odd 1..255: " + id);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}

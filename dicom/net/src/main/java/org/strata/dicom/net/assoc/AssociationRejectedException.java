package org.strata.dicom.net.assoc;

import java.io.IOException;
import org.strata.dicom.net.pdu.AssociateRj;

/** The called AE answered with an A-ASSOCIATE-RJ (PS3.8 7.1.1.7-9). */
public class AssociationRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient AssociateRj reject;

    public AssociationRejectedException(String association, AssociateRj reject) {
        super(association + ": association rejected: " + reject);
        this.reject = reject;
    }

    public AssociateRj reject() {
        return reject;
    }
}

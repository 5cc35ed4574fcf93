package org.strata.jca;

import jakarta.resource.spi.ConnectionRequestInfo;
import org.strata.jca.api.AssociationSpec;

/**
 * The connection request of {@link org.strata.jca.api.DicomConnector#connect}. The container keeps
 * one sub-pool per distinct value (pool by CRI, ironjacamar.xml); values are equal when their
 * remote target is (AE, host, port, TLS, calling AE, role), whatever contexts they need. A pooled
 * association that did not propose a request's contexts therefore does not match and is released
 * before the new one opens: a destination that serves one association at a time (DCMTK storescp
 * without --fork) is never left waiting behind an idle association of ours.
 */
record AssociationRequestInfo(AssociationSpec spec) implements ConnectionRequestInfo {

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociationRequestInfo other && other.spec.target().equals(spec.target());
    }

    @Override
    public int hashCode() {
        return spec.target().hashCode();
    }
}

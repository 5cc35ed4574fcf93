package org.strata.jca;

import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.time.Instant;
import javax.naming.Reference;
import org.strata.jca.api.AdapterStatus;

/**
 * The administered object behind {@link AdapterStatus}: reports on its resource adapter.
 * Referenceable and Serializable as JCA 2.1 13.4.2.3 requires of an associated admin object.
 */
public class AdapterStatusObject implements AdapterStatus, ResourceAdapterAssociation, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private transient StrataResourceAdapter adapter;
    private Reference reference;

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.adapter = (StrataResourceAdapter) resourceAdapter;
    }

    @Override
    public boolean isActive() {
        return adapter != null && adapter.isActive();
    }

    @Override
    public Instant startedAt() {
        return adapter == null ? null : adapter.startedAt();
    }
}

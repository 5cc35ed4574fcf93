package org.strata.jca;

import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.time.Instant;
import org.strata.jca.api.AdapterStatus;

/** The administered object behind {@link AdapterStatus}: reports on its resource adapter. */
public class AdapterStatusObject implements AdapterStatus, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private transient StrataResourceAdapter adapter;

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

package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.strata.ejb.hsm.LocationCache;

/**
 * {@code /strata/api/caches}: the storage manager's location cache (Infinispan):
 * {@code GET /caches/locations} → {@code {"backend":"infinispan","entries":…,"hits":…,"misses":…}}.
 */
@Path("caches")
@Produces(MediaType.APPLICATION_JSON)
public class CachesResource {

    @Inject
    LocationCache locations;

    @GET
    @Path("locations")
    public LocationCache.Stats locations() {
        return locations.stats();
    }
}

package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.strata.ejb.system.SystemInfo;
import org.strata.ejb.system.SystemInfoService;

/** {@code GET /strata/api/system}: version, AE title, DICOM port, database, adapter state. */
@Path("system")
public class SystemResource {

    @Inject
    SystemInfoService systemInfoService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SystemInfo get() {
        return systemInfoService.info();
    }
}

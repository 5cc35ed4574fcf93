package org.strata.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /strata/api, protected like the console (role strata-admin). */
@ApplicationPath("api")
public class RestApplication extends Application {
}

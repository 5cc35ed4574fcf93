package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.strata.ejb.config.SettingsService;

/** {@code /strata/api/settings}: the archive settings kept in the database. */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    /** JSON form of one setting. */
    public record SettingJson(String name, String value) {
    }

    /** JSON body of a PUT. */
    public record ValueJson(String value) {
    }

    @Inject
    SettingsService settings;

    @GET
    public List<SettingJson> list() {
        return settings.all().stream().map(s -> new SettingJson(s.getName(), s.getValue())).toList();
    }

    @GET
    @Path("{name}")
    public SettingJson get(@PathParam("name") String name) {
        return settings.get(name).map(v -> new SettingJson(name, v))
                .orElseThrow(() -> new NotFoundException("no setting " + name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingJson put(@PathParam("name") String name, ValueJson body) {
        if (body == null || body.value() == null) {
            throw new IllegalArgumentException("body must be {\"value\": \"...\"}");
        }
        if (name.length() > 128 || body.value().length() > 4000) {
            throw new IllegalArgumentException("name is limited to 128 and value to 4000 characters");
        }
        settings.put(name, body.value());
        return new SettingJson(name, body.value());
    }
}

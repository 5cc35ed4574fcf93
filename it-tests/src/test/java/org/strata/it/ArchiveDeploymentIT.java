package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real EAR on a managed WildFly: resource adapter active, persistence unit on EclipseLink
 * against the H2 datasource, console and API behind the admin login.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveDeploymentIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    private final Http anonymous = Http.anonymous(Deployments.httpPort());
    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

    @Test
    void consoleAsksForLoginWithoutCredentials() throws Exception {
        HttpResponse<String> r = anonymous.get("/strata/");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Strata\""),
                r.headers().toString());
    }

    @Test
    void consoleRefusesAWrongPassword() throws Exception {
        assertEquals(401, Http.admin(Deployments.httpPort(), "wrong-password").get("/strata/").statusCode());
    }

    @Test
    void consoleAnswersAfterLogin() throws Exception {
        HttpResponse<String> r = admin.get("/strata/");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<td id=\"aeTitle\">STRATA</td>"), r.body());
        assertTrue(r.body().contains("<td id=\"adapter\">active</td>"), r.body());
    }

    @Test
    void apiNeedsLoginToo() throws Exception {
        assertEquals(401, anonymous.get("/strata/api/system").statusCode());
    }

    @Test
    void resourceAdapterIsActive() throws Exception {
        String system = admin.get("/strata/api/system").body();
        assertEquals("true", Http.field(system, "adapterActive"), system);
    }

    @Test
    void persistenceUnitRunsOnEclipseLinkAgainstH2() throws Exception {
        String system = admin.get("/strata/api/system").body();
        assertTrue(Http.field(system, "persistenceProvider").startsWith("org.eclipse.persistence."), system);
        assertTrue(Http.field(system, "database").startsWith("H2 "), system);
    }

    @Test
    void settingIsWrittenAndReadBack() throws Exception {
        String value = "written-" + System.nanoTime();
        HttpResponse<String> put = admin.putJson("/strata/api/settings/it.roundtrip", "{\"value\":\"" + value + "\"}");
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> get = admin.get("/strata/api/settings/it.roundtrip");
        assertEquals(200, get.statusCode());
        assertEquals(value, Http.field(get.body(), "value"));
        assertEquals(404, admin.get("/strata/api/settings/it.never-written").statusCode());
    }
}

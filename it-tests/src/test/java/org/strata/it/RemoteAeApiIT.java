package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The remote AE table through {@code /strata/api/aes} on the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteAeApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());

    @Test
    void anEntryIsCreatedReplacedListedAndDeleted() throws Exception {
        HttpResponse<String> created = admin.putJson("/strata/api/aes/STORESCP",
                "{\"host\":\"127.0.0.1\",\"port\":11113,\"tls\":false,\"description\":\"DCMTK receiver\"}");
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> replaced = admin.putJson("/strata/api/aes/STORESCP",
                "{\"host\":\"localhost\",\"port\":11114,\"tls\":true}");
        assertEquals(200, replaced.statusCode(), replaced.body());

        String entry = admin.get("/strata/api/aes/STORESCP").body();
        assertEquals("localhost", Http.field(entry, "host"));
        assertEquals("11114", Http.field(entry, "port"));
        assertEquals("true", Http.field(entry, "tls"));
        assertTrue(admin.get("/strata/api/aes").body().contains("\"aeTitle\":\"STORESCP\""));

        assertEquals(204, admin.delete("/strata/api/aes/STORESCP").statusCode());
        assertEquals(404, admin.get("/strata/api/aes/STORESCP").statusCode());
        assertEquals(404, admin.delete("/strata/api/aes/STORESCP").statusCode());
        assertFalse(admin.get("/strata/api/aes").body().contains("STORESCP"));
    }

    @Test
    void invalidEntriesAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> longTitle = admin.putJson("/strata/api/aes/ABCDEFGHIJKLMNOPQ", "{\"host\":\"h\",\"port\":104}");
        assertEquals(400, longTitle.statusCode());
        assertEquals("AE title 'ABCDEFGHIJKLMNOPQ' is longer than 16 characters", Http.field(longTitle.body(), "error"));

        HttpResponse<String> badPort = admin.putJson("/strata/api/aes/PEER", "{\"host\":\"h\",\"port\":70000}");
        assertEquals(400, badPort.statusCode());
        assertEquals("port 70000 is not in 1..65535", Http.field(badPort.body(), "error"));

        assertEquals(400, admin.putJson("/strata/api/aes/PEER", "{\"port\":104}").statusCode());
        assertEquals(404, admin.get("/strata/api/aes/PEER").statusCode(), "nothing stored after a refusal");
    }

    @Test
    void theTableNeedsTheAdminRole() throws Exception {
        assertEquals(401, Http.anonymous(Deployments.httpPort()).get("/strata/api/aes").statusCode());
    }
}

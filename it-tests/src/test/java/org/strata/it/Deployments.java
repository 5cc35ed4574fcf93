package org.strata.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR as built by the ear module: no micro-deployment, nothing left out. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive strataEar() {
        File ear = new File(System.getProperty("strata.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("EAR not built: " + ear);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    static int httpPort() {
        return Integer.getInteger("it.http.port");
    }

    static String adminPassword() {
        return System.getProperty("it.admin.password");
    }
}

package org.strata.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away PKI made with openssl and keytool at test time: a CA with a server certificate
 * (subjectAltName localhost and 127.0.0.1) and a client certificate, and a rogue CA nobody trusts
 * with its own client. PEM files for DCMTK, PKCS#12 stores for the archive.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    final Path dir;

    TestCertificates(Path dir) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        authority("ca");
        authority("rogue-ca");
        signed("server", "ca", "DNS:localhost,IP:127.0.0.1");
        signed("client", "ca", null);
        signed("rogue", "rogue-ca", null);
        exec("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", pem("ca").toString(), "-keystore",
                trustStore().toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** PKCS#12 store with the certificate and key of {@code name}. */
    Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    /** PKCS#12 store trusting the test CA only. */
    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    private void authority(String name) throws IOException, InterruptedException {
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", key(name).toString(), "-out", pem(name).toString());
    }

    private void signed(String name, String ca, String subjectAltName) throws IOException, InterruptedException {
        Path csr = dir.resolve(name + ".csr");
        exec("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout",
                key(name).toString(), "-out", csr.toString());
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, subjectAltName == null ? "" : "subjectAltName=" + subjectAltName + "\n");
        exec("openssl", "x509", "-req", "-in", csr.toString(), "-CA", pem(ca).toString(), "-CAkey",
                key(ca).toString(), "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out",
                pem(name).toString());
        exec("openssl", "pkcs12", "-export", "-inkey", key(name).toString(), "-in", pem(name).toString(),
                "-certfile", pem(ca).toString(), "-name", name, "-passout", "pass:" + PASSWORD, "-out",
                keyStore(name).toString());
    }

    private void exec(String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("pki.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }
}

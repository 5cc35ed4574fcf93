package org.strata.dicom.net.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.dicom.net.config.TlsConfig;

/**
 * Generates a throw-away PKI with openssl and keytool at test time: a CA, certificates signed by it,
 * and a rogue CA whose certificates nobody trusts. PEM files for DCMTK, PKCS#12 stores for us. The
 * server certificate names {@code localhost} and {@code 127.0.0.1} in its subjectAltName;
 * {@code elsewhere} is signed by the CA too but names only {@code elsewhere.example}.
 */
final class TestPki {

    static final String PASSWORD = "changeit";
    final Path dir;

    TestPki(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        ca("ca");
        ca("rogue-ca");
        leaf("server", "ca", "DNS:localhost,IP:127.0.0.1");
        leaf("client", "ca", null);
        leaf("rogue", "rogue-ca", null);
        leaf("elsewhere", "ca", "DNS:elsewhere.example");
        exec("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", pem("ca").toString(), "-keystore",
                dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** Our side as {@code name}, trusting the test CA. */
    TlsConfig config(String name) {
        return TlsConfig.of(dir.resolve(name + ".p12"), PASSWORD, dir.resolve("trust.p12"), PASSWORD);
    }

    private void ca(String name) throws IOException, InterruptedException {
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", key(name).toString(), "-out", pem(name).toString());
    }

    private void leaf(String name, String ca, String subjectAltName) throws IOException, InterruptedException {
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
                dir.resolve(name + ".p12").toString());
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

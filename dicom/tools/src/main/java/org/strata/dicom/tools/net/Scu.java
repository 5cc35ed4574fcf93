package org.strata.dicom.tools.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.DictionaryEntry;
import org.strata.dicom.core.dict.ElementDictionary;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.ReadMode;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.HostnameVerification;
import org.strata.dicom.net.config.TlsConfig;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.pdu.AssociateRq;

/**
 * What the SCU commands share: {@code -c AET@HOST:PORT} (called), {@code -b AET} (calling, default
 * STRATA-SCU), {@code --timeout SECONDS}, TLS ({@code --tls-keystore}, {@code --tls-truststore},
 * {@code --tls-password}, {@code --tls-verify-host no} to accept a server certificate that does not
 * name the host, e.g. for a peer dialled by IP address), and query keys {@code -m Keyword=value} / {@code -r Keyword}.
 */
final class Scu {

    static final String USAGE_COMMON = "-c AET@HOST:PORT [-b CALLING_AET] [--timeout SECONDS]"
            + " [--tls-keystore P12 --tls-truststore P12 --tls-password PW [--tls-verify-host yes|no]]";

    final RemoteAe called;
    final String calling;
    final Timeouts timeouts;
    final TlsConfig tls;

    Scu(Args a) {
        called = RemoteAe.parse(a.require("-c", "AET@HOST:PORT"));
        calling = a.get("-b", "STRATA-SCU");
        Duration t = Duration.ofSeconds(a.getInt("--timeout", 30));
        timeouts = new Timeouts(t, t, Duration.ofMinutes(5), t, Duration.ofMinutes(10));
        tls = tls(a);
    }

    static TlsConfig tls(Args a) {
        if (!a.has("--tls-keystore") && !a.has("--tls-truststore")) {
            return null;
        }
        String pw = a.get("--tls-password", "");
        String ks = a.get("--tls-keystore", null);
        String verify = a.get("--tls-verify-host", "yes");
        if (!verify.equals("yes") && !verify.equals("no")) {
            throw new IllegalArgumentException("--tls-verify-host takes yes or no, not " + verify);
        }
        return TlsConfig.of(ks == null ? null : Path.of(ks), pw, Path.of(a.require("--tls-truststore", "P12")), pw)
                .withHostnameVerification(verify.equals("yes") ? HostnameVerification.ON : HostnameVerification.OFF);
    }

    DimseClient open(NetRuntime runtime, AssociateRq rq, DimseServiceRegistry incoming) throws IOException {
        return DimseClient.open(runtime, called, rq, timeouts, tls, incoming);
    }

    /**
     * For one blocking call at a time (asynchronous operations window 1): the calling thread reads
     * each response itself, no reader thread hands it over ({@link ReadMode#CALLER}).
     */
    DimseClient openSynchronous(NetRuntime runtime, AssociateRq rq) throws IOException {
        return DimseClient.open(runtime, called, rq, timeouts, tls, new DimseServiceRegistry(), ReadMode.CALLER);
    }

    /** Query keys: {@code -m Keyword=value} matching keys, {@code -r Keyword} return keys (PS3.4 C.2.2). */
    static Attributes keys(Args a, String level) {
        Attributes keys = new Attributes();
        ElementDictionary dict = ElementDictionary.standard();
        if (level != null) {
            keys.setString(0x00080052, VR.CS, level); // Query/Retrieve Level
        }
        for (String m : a.all("-m")) {
            int eq = m.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected -m Keyword=value, got " + m);
            }
            DictionaryEntry e = entry(dict, m.substring(0, eq));
            keys.setString(e.tag(), e.defaultVR(), m.substring(eq + 1));
        }
        for (String r : a.all("-r")) {
            DictionaryEntry e = entry(dict, r);
            if (!keys.contains(e.tag())) {
                keys.setString(e.tag(), e.defaultVR());
            }
        }
        return keys;
    }

    private static DictionaryEntry entry(ElementDictionary dict, String keyword) {
        return dict.lookup(keyword).orElseThrow(() -> new IllegalArgumentException("unknown keyword " + keyword));
    }

    static byte[] encode(Attributes attrs, String tsUid) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DicomWriter.write(attrs, b, TransferSyntax.of(tsUid));
        return b.toByteArray();
    }

    static Attributes decode(byte[] data, String tsUid) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(data), TransferSyntax.of(tsUid));
    }

    /** Prints a data set one element per line: {@code Keyword=value}. */
    static void print(Attributes attrs, PrintStream out) {
        ElementDictionary dict = ElementDictionary.standard();
        for (int i = 0; i < attrs.size(); i++) {
            String kw = dict.keywordOf(attrs.tagAt(i));
            out.println("  " + (kw.isEmpty() ? String.format("(%08X)", attrs.tagAt(i)) : kw) + "="
                    + String.join("\\", attrs.stringsAt(i)));
        }
    }
}

package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * storescu sends every Part 10 file of pydicom's test data, each in its own transfer syntax
 * (proposed with the storescu option for it), and C-FIND then finds every instance.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EveryTestFileStorageIT {

    /** The storescu option that proposes each transfer syntax (none: uncompressed ones by default). */
    static final Map<String, String> PROPOSE = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", ""), Map.entry("1.2.840.10008.1.2.1", ""),
            Map.entry("1.2.840.10008.1.2.2", "-xb"), Map.entry("1.2.840.10008.1.2.1.99", "-xd"),
            Map.entry("1.2.840.10008.1.2.4.50", "-xy"), Map.entry("1.2.840.10008.1.2.4.51", "-xx"),
            Map.entry("1.2.840.10008.1.2.4.57", "-xs"), Map.entry("1.2.840.10008.1.2.4.70", "-xs"),
            Map.entry("1.2.840.10008.1.2.4.80", "-xt"), Map.entry("1.2.840.10008.1.2.4.81", "-xu"),
            Map.entry("1.2.840.10008.1.2.4.90", "-xv"), Map.entry("1.2.840.10008.1.2.4.91", "-xw"),
            Map.entry("1.2.840.10008.1.2.5", "-xr"));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @Test
    void everyFileIsStoredInItsTransferSyntaxAndFound() throws Exception {
        Map<String, List<String>> filesByTs = new LinkedHashMap<>();
        TreeSet<String> uids = new TreeSet<>();
        for (String line : storable()) {
            String[] f = line.split("\t");
            filesByTs.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
            uids.add(f[2]);
        }
        assertTrue(filesByTs.keySet().containsAll(List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.90",
                "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1.99")), "the corpus covers compressed syntaxes: " + filesByTs.keySet());
        for (Map.Entry<String, List<String>> e : filesByTs.entrySet()) {
            String option = PROPOSE.get(e.getKey());
            assertTrue(option != null, "no storescu option for " + e.getKey());
            List<String> args = new ArrayList<>();
            if (!option.isEmpty()) {
                args.add(option);
            }
            // -R: propose only the SOP classes of the files; the files keep their own syntax
            args.addAll(List.of("-R", "-v", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port")));
            args.addAll(e.getValue());
            Dcmtk.Result r = Dcmtk.run("storescu", args);
            assertEquals(0, r.exitCode(), e.getKey() + ": " + r.output());
            assertEquals(e.getValue().size(), count(r.output(), "Received Store Response (Success)"),
                    e.getKey() + ": every file stored:\n" + r.output());
        }
        assertEquals(uids, found(uids));
    }

    private static List<String> storable() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/list_storable.py",
                StorageInteropIT.PYDICOM_FILES.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().toList();
    }

    private static TreeSet<String> found(TreeSet<String> uids) throws Exception {
        Dcmtk.Result r = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + String.join("\\", uids));
        assertEquals(0, r.exitCode(), r.output());
        return new TreeSet<>(Dcmtk.values(r.output(), "0008,0018"));
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}

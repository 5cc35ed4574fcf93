package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Modality Worklist SCP (PS3.4 K) on the deployed EAR: items created through {@code /strata/api/mwl}
 * from src/test/resources/mwl/items.json, queried with DCMTK's {@code findscu -W}; the expected
 * items per query come from src/test/python/mwl_expected.py (pydicom) reading the same file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorklistIT {

    static final Path ITEMS = Path.of("src/test/resources/mwl/items.json");
    static final String SPS_ID = "0040,0009";

    private final Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
    private static boolean scheduled;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    /** Replaces the worklist with the items of items.json (once per run). */
    private synchronized void schedule() throws Exception {
        if (scheduled) {
            return;
        }
        for (String id : spsIds(admin.get("/strata/api/mwl").body())) {
            assertEquals(204, admin.delete("/strata/api/mwl/" + id).statusCode());
        }
        for (String item : splitItems(Files.readString(ITEMS, StandardCharsets.UTF_8))) {
            HttpResponse<String> r = admin.postJson("/strata/api/mwl", item);
            assertEquals(201, r.statusCode(), r.body());
        }
        scheduled = true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "station AE title | ScheduledProcedureStepSequence/ScheduledStationAETitle=CT1",
        "station AE title wild card | ScheduledProcedureStepSequence/ScheduledStationAETitle=CT*",
        "date range | ScheduledProcedureStepSequence/ScheduledProcedureStepStartDate=20261201-20261203",
        "open date range | ScheduledProcedureStepSequence/ScheduledProcedureStepStartDate=20261204-",
        "date and time range | ScheduledProcedureStepSequence/ScheduledProcedureStepStartDate=20261202,"
                + "ScheduledProcedureStepSequence/ScheduledProcedureStepStartTime=1000-1159",
        "date range and time range | ScheduledProcedureStepSequence/ScheduledProcedureStepStartDate=20261130-20261201,"
                + "ScheduledProcedureStepSequence/ScheduledProcedureStepStartTime=2300-0900",
        "modality | ScheduledProcedureStepSequence/Modality=MR",
        "station and modality | ScheduledProcedureStepSequence/ScheduledStationAETitle=CT2,"
                + "ScheduledProcedureStepSequence/Modality=CT",
        "patient name wild card, any case | PatientName=doe*",
        "patient name single value | PatientName=DOE^JOHN",
        "patient name with ? | PatientName=?OE^*",
        "patient ID | PatientID=MWL-P3",
        "accession number | AccessionNumber=ACC104",
        "sequence key in a sequence | ScheduledProcedureStepSequence/ScheduledProtocolCodeSequence/CodeValue=HEAD",
        "nothing matches | ScheduledProcedureStepSequence/Modality=PT",
        "universal | PatientName="})
    void findscuReturnsWhatPydicomExpects(String name, String keys) throws Exception {
        schedule();
        List<String> keyList = keys.isBlank() ? List.of() : Arrays.asList(keys.strip().split(","));
        assertEquals(expected(keyList), found(keyList), name);
    }

    @Test
    void returnKeysComeFromTheItemIncludingSequenceItems() throws Exception {
        schedule();
        Dcmtk.Result r = findscu(List.of("-k", "PatientID=MWL-P5", "-k", "PatientBirthDate", "-k", "PatientSex",
                "-k", "RequestedProcedureDescription", "-k", "ScheduledProcedureStepSequence[0].Modality",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledProtocolCodeSequence[0].CodeMeaning",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStatus"));
        assertEquals(List.of("19700101"), Dcmtk.values(r.output(), "0010,0030"), r.output());
        assertEquals(List.of("M"), Dcmtk.values(r.output(), "0010,0040"), r.output());
        assertEquals(List.of("Procedure SPS105"), Dcmtk.values(r.output(), "0032,1060"), r.output());
        assertEquals(List.of("CT"), Dcmtk.values(r.output(), "0008,0060"), r.output());
        assertEquals(List.of("Protocol ABDOMEN"), Dcmtk.values(r.output(), "0008,0104"), r.output());
        assertEquals(List.of("SCHEDULED"), Dcmtk.values(r.output(), "0040,0020"), r.output());
    }

    @Test
    void restRefusesBadItemsAndAnswersUnknownIds() throws Exception {
        schedule();
        HttpResponse<String> noStep = admin.postJson("/strata/api/mwl",
                "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"X\"]}}");
        assertEquals(400, noStep.statusCode(), noStep.body());
        assertTrue(noStep.body().contains("Scheduled Procedure Step Sequence"), noStep.body());
        assertEquals(400, admin.postJson("/strata/api/mwl", "[not json").statusCode());
        String duplicate = splitItems(Files.readString(ITEMS, StandardCharsets.UTF_8)).get(0);
        assertEquals(400, admin.postJson("/strata/api/mwl", duplicate).statusCode());
        HttpResponse<String> one = admin.get("/strata/api/mwl/SPS103");
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("SMITH^ANNA"), one.body());
        assertEquals(404, admin.get("/strata/api/mwl/NO-SUCH-SPS").statusCode());
        assertEquals(404, admin.delete("/strata/api/mwl/NO-SUCH-SPS").statusCode());
    }

    private static TreeSet<String> expected(List<String> keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/mwl_expected.py",
                ITEMS.toString()));
        cmd.addAll(keys);
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        return new TreeSet<>(out.lines().filter(l -> !l.isBlank()).toList());
    }

    private static TreeSet<String> found(List<String> keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID"));
        for (String k : keys) {
            args.add("-k");
            args.add(k.replace("/", "[0]."));
        }
        Dcmtk.Result r = findscu(args);
        List<String> ids = Dcmtk.values(r.output(), SPS_ID);
        assertEquals(new TreeSet<>(ids).size(), ids.size(), "each item answered once: " + r.output());
        return new TreeSet<>(ids);
    }

    static Dcmtk.Result findscu(List<String> keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("-W", "-aec", "STRATA", "127.0.0.1",
                System.getProperty("it.dicom.port")));
        args.addAll(keys);
        Dcmtk.Result r = Dcmtk.run("findscu", args);
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    /** The Scheduled Procedure Step IDs in a DICOM JSON list (0040,0009 values). */
    static List<String> spsIds(String json) {
        Matcher m = Pattern.compile("\"00400009\"\\s*:\\s*\\{\\s*\"vr\"\\s*:\\s*\"SH\"\\s*,\\s*\"Value\"\\s*:\\s*\\[\\s*\"([^\"]+)\"")
                .matcher(json);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The top-level objects of a JSON array, as text (items.json is written by us, one level of nesting rules). */
    static List<String> splitItems(String array) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < array.length(); i++) {
            char c = array.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                items.add(array.substring(start, i + 1));
            }
        }
        return items;
    }
}

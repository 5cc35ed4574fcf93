package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DCMTK's findscu against the deployed archive, at every level and with every matching type;
 * the expected answers come from pydicom reading the same files (src/test/python).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryInteropIT {

    static final List<String> CORPUS = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm",
            "waveform_ecg.dcm", "reportsi.dcm", "test-SR.dcm", "SC_rgb_small_odd.dcm");

    /** DCMTK prints tags in lower-case hex. */
    static final Map<String, String> TAGS = Map.of("PatientID", "0010,0020", "StudyInstanceUID", "0020,000d",
            "SeriesInstanceUID", "0020,000e", "SOPInstanceUID", "0008,0018");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    /** This run's Issuer of Patient ID: every query is scoped to the copies made with it. */
    static final String ISSUER = "QIT" + Long.toHexString(System.nanoTime());

    static Path copies;

    private static Path file(String name) {
        return copies.resolve(name);
    }

    @BeforeAll
    static void storeTheCorpus() throws Exception {
        copies = java.nio.file.Files.createTempDirectory("query-corpus");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/make_query_corpus.py",
                copies.toString(), ISSUER));
        CORPUS.forEach(n -> cmd.add(StorageInteropIT.PYDICOM_FILES.resolve(n).toString()));
        Process p = new ProcessBuilder(cmd).start();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        Dcmtk.Result r = Dcmtk.run("storescu", Stream.concat(Stream.of("-aec", "STRATA", "127.0.0.1",
                System.getProperty("it.dicom.port")), CORPUS.stream().map(n -> file(n).toString())).toList());
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("Store Failed"), r.output());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "patient by ID (single value)        | PATIENT | PatientID         | PatientID=id11111",
        "patient by name wild card           | PATIENT | PatientID         | PatientName=L*",
        "every study (universal)             | STUDY   | StudyInstanceUID  | PatientName=",
        "studies by name wild card *         | STUDY   | StudyInstanceUID  | PatientName=Compressed*",
        "studies by name wild card ?         | STUDY   | StudyInstanceUID  | PatientName=?ast*",
        "studies up to a date (range)        | STUDY   | StudyInstanceUID  | StudyDate=-20031231",
        "studies between dates (range)       | STUDY   | StudyInstanceUID  | StudyDate=20030101-20041231",
        "studies from a date (range)         | STUDY   | StudyInstanceUID  | StudyDate=20040101-",
        "studies with no accession (empty)   | STUDY   | StudyInstanceUID  | AccessionNumber=\"\"",
        "studies of a modality               | STUDY   | StudyInstanceUID  | ModalitiesInStudy=RTPLAN",
        "series of a modality                | SERIES  | SeriesInstanceUID | Modality=RTDOSE",
        "series by modality wild card        | SERIES  | SeriesInstanceUID | Modality=S*",
        "images of a SOP class               | IMAGE   | SOPInstanceUID    | SOPClassUID=1.2.840.10008.5.1.4.1.1.2",
        "images of a patient's studies       | IMAGE   | SOPInstanceUID    | PatientID=4MR1",
        "studies between times (range)       | STUDY   | StudyInstanceUID  | StudyTime=1000-1600",
        "date and time ranges apart          | STUDY   | StudyInstanceUID  | StudyDate=20030716-20040119,StudyTime=150000-080000",
        "series key ignored (hierarchical)   | STUDY   | StudyInstanceUID  | Modality=RTDOSE",
        "sequence: code value                | STUDY   | StudyInstanceUID  | ProcedureCodeSequence[0].CodeValue=PC1",
        "sequence: two keys of one item      | STUDY   | StudyInstanceUID  | ProcedureCodeSequence[0].CodeValue=PX2,ProcedureCodeSequence[0].CodeMeaning=Extra*",
        "sequence: keys of different items   | STUDY   | StudyInstanceUID  | ProcedureCodeSequence[0].CodeValue=PC1,ProcedureCodeSequence[0].CodeMeaning=Extra*",
        "sequence: referenced study          | STUDY   | StudyInstanceUID  | ReferencedStudySequence[0].ReferencedSOPInstanceUID=1.2.826.0.1.3680043.9.7.2",
        "sequence: patient level             | PATIENT | PatientID         | IssuerOfPatientIDQualifiersSequence[0].UniversalEntityID=UEID1",
        "sequence: patient key at study      | STUDY   | StudyInstanceUID  | IssuerOfPatientIDQualifiersSequence[0].UniversalEntityID=UEID0",
        "sequence: series level              | SERIES  | SeriesInstanceUID | RequestAttributesSequence[0].RequestedProcedureID=RP1,RequestAttributesSequence[0].ScheduledProcedureStepID=SPS?",
        "sequence: nested sequence           | SERIES  | SeriesInstanceUID | RequestAttributesSequence[0].ScheduledProtocolCodeSequence[0].CodeValue=PROT2",
        "sequence: series key ignored        | STUDY   | StudyInstanceUID  | RequestAttributesSequence[0].RequestedProcedureID=RP1",
        "sequence: with an indexed key       | SERIES  | SeriesInstanceUID | Modality=CT,RequestAttributesSequence[0].ScheduledProcedureStepID=SPS*",
    })
    void findscuGetsWhatPydicomComputes(String name, String level, String returnKey, String keys) throws Exception {
        String scoped = keys + ",IssuerOfPatientID=" + ISSUER;
        String caseLine = "case|" + level + "|" + returnKey + "|" + scoped.replace(',', ';');
        TreeSet<String> expected = expected(caseLine);
        assertEquals(expected, found(level, returnKey, scoped.split(",")), name);
    }

    @ParameterizedTest(name = "list of UIDs at {0} level")
    @CsvSource({"STUDY", "SERIES", "IMAGE"})
    void listOfUidMatching(String level) throws Exception {
        String ct = expected("ct|STUDY|StudyInstanceUID|PatientID=1CT1;IssuerOfPatientID=" + ISSUER).first();
        String mr = expected("mr|STUDY|StudyInstanceUID|PatientID=4MR1;IssuerOfPatientID=" + ISSUER).first();
        String key = "StudyInstanceUID=" + ct + "\\" + mr;
        String ret = level.equals("STUDY") ? "StudyInstanceUID" : level.equals("SERIES") ? "SeriesInstanceUID" : "SOPInstanceUID";
        TreeSet<String> expected = expected("case|" + level + "|" + ret + "|" + key + ";IssuerOfPatientID=" + ISSUER);
        assertEquals(2, expected.size());
        assertEquals(expected, found(level, ret, key, "IssuerOfPatientID=" + ISSUER));
    }

    /** PS3.4 C.2.2.2.6: a match returns its matching items only, with the requested item keys only. */
    @Test
    void sequenceMatchReturnsOnlyTheMatchingItemsWithTheRequestedKeys() throws Exception {
        TreeSet<String> studies = expected("all|STUDY|StudyInstanceUID|IssuerOfPatientID=" + ISSUER);
        List<String> args = List.of("-S", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k", "IssuerOfPatientID=" + ISSUER,
                "-k", "ProcedureCodeSequence[0].CodeValue=PX*", "-k", "ProcedureCodeSequence[0].CodeMeaning");
        Dcmtk.Result r = Dcmtk.run("findscu", args);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(studies, new TreeSet<>(Dcmtk.values(r.output(), TAGS.get("StudyInstanceUID"))));
        List<String> codes = Dcmtk.values(r.output(), "0008,0100");
        assertEquals(studies.size(), codes.size(), "one item per study (the second one): " + r.output());
        assertTrue(codes.stream().allMatch(c -> c.startsWith("PX")), codes.toString());
        assertTrue(Dcmtk.values(r.output(), "0008,0102").isEmpty(), "Coding Scheme Designator was not asked for");
        assertEquals(studies.size(), Dcmtk.values(r.output(), "0008,0104").size());
    }

    /** PS3.4 C.4.1.2.2.2: negotiated, a series-level key selects the studies having such a series. */
    @Test
    void relationalQueryMatchesKeysBelowTheLevel() throws Exception {
        TreeSet<String> expected = expected("r|STUDY/R|StudyInstanceUID|Modality=RTDOSE;IssuerOfPatientID=" + ISSUER);
        assertEquals(1, expected.size());
        Attributes keys = studyKeys().setString(Tag.Modality, VR.CS, "RTDOSE");
        NegotiatedFind found = NegotiatedFind.run(new byte[] {1}, keys, Tag.StudyInstanceUID);
        assertArrayEquals(new byte[] {1}, found.accepted(), "relational queries accepted in the A-ASSOCIATE-AC");
        assertEquals(0x0000, found.status());
        assertEquals(expected, found.values());
    }

    /**
     * PS3.4 C.4.1.2.2.2 with C.2.2.2.6: negotiated, a series-level sequence key selects the
     * studies (and patients) having such a series; with an indexed series key as well, one
     * instance must meet both. Which series carry which item values depends on this run's UIDs,
     * so each answer is compared with pydicom's; {@link #relationalSequenceKeysSplitTheStudies}
     * shows that the key selects.
     */
    @ParameterizedTest(name = "relational {0} query, Modality {1}, {2}={3}")
    @CsvSource(delimiter = '|', value = {
        "STUDY   |    | RequestedProcedureID     | RP1",
        "STUDY   | CT | ScheduledProcedureStepID | SPS*",
        "STUDY   | MR | ScheduledProcedureStepID | SPS1",
        "PATIENT |    | ScheduledProcedureStepID | SPS2"})
    void relationalQueryMatchesSequenceKeysBelowTheLevel(String level, String modality, String itemKey, String value)
            throws Exception {
        String ret = level.equals("STUDY") ? "StudyInstanceUID" : "PatientID";
        String condition = "RequestAttributesSequence[0]." + itemKey + "=" + value
                + (modality == null ? "" : ";Modality=" + modality);
        TreeSet<String> expected = expected("rs|" + level + "/R|" + ret + "|" + condition + ";IssuerOfPatientID=" + ISSUER);
        assertEquals(expected, relationalSequenceFind(level, modality, itemKey, value));
    }

    /** Every series has Requested Procedure ID RP0 or RP1: the two relational answers cover every study. */
    @Test
    void relationalSequenceKeysSplitTheStudies() throws Exception {
        TreeSet<String> all = expected("all|STUDY|StudyInstanceUID|IssuerOfPatientID=" + ISSUER);
        TreeSet<String> rp0 = relationalSequenceFind("STUDY", null, "RequestedProcedureID", "RP0");
        TreeSet<String> rp1 = relationalSequenceFind("STUDY", null, "RequestedProcedureID", "RP1");
        assertEquals(expected("r0|STUDY/R|StudyInstanceUID|RequestAttributesSequence[0].RequestedProcedureID=RP0;"
                + "IssuerOfPatientID=" + ISSUER), rp0);
        TreeSet<String> union = new TreeSet<>(rp0);
        union.addAll(rp1);
        assertEquals(all, union);
        assertTrue(rp0.size() + rp1.size() >= all.size() && !all.isEmpty(), rp0 + " / " + rp1);
    }

    private static TreeSet<String> relationalSequenceFind(String level, String modality, String itemKey, String value)
            throws Exception {
        Attributes keys = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, level)
                .setString(level.equals("STUDY") ? Tag.StudyInstanceUID : Tag.PatientID,
                        level.equals("STUDY") ? VR.UI : VR.LO, "")
                .setString(Tag.IssuerOfPatientID, VR.LO, ISSUER);
        if (modality != null) {
            keys.setString(Tag.Modality, VR.CS, modality);
        }
        keys.newSequence(Tag.RequestAttributesSequence).newItem().setString(
                itemKey.equals("RequestedProcedureID") ? Tag.RequestedProcedureID : Tag.ScheduledProcedureStepID,
                VR.SH, value);
        NegotiatedFind found = NegotiatedFind.run(new byte[] {1}, keys,
                level.equals("STUDY") ? Tag.StudyInstanceUID : Tag.PatientID);
        assertArrayEquals(new byte[] {1}, found.accepted());
        assertEquals(0x0000, found.status());
        return found.values();
    }

    /** PS3.4 C.2.2.2.5.1: negotiated, a date range and a time range are one range of date-times. */
    @Test
    void combinedDateTimeMatchingTreatsDateAndTimeAsOneRange() throws Exception {
        TreeSet<String> expected = expected("dt|STUDY/DT|StudyInstanceUID|StudyDate=20030716-20040119;"
                + "StudyTime=150000-080000;IssuerOfPatientID=" + ISSUER);
        assertEquals(3, expected.size(), "apart, these ranges match nothing; together three studies");
        Attributes keys = studyKeys().setString(Tag.StudyDate, VR.DA, "20030716-20040119")
                .setString(Tag.StudyTime, VR.TM, "150000-080000");
        NegotiatedFind found = NegotiatedFind.run(new byte[] {0, 1}, keys, Tag.StudyInstanceUID);
        assertArrayEquals(new byte[] {0, 1}, found.accepted());
        assertEquals(expected, found.values());
    }

    /**
     * PS3.4 C.4.1.2.2.1: with the AE's strict setting, a hierarchical series query without the
     * Study Instance UID is refused (A900); with it, or with relational queries negotiated, answered.
     */
    @Test
    void strictHierarchicalQueriesNeedTheUniqueKeysAbove() throws Exception {
        String study = expected("ct|STUDY|StudyInstanceUID|PatientID=1CT1;IssuerOfPatientID=" + ISSUER).first();
        Http admin = Http.admin(Deployments.httpPort(), Deployments.adminPassword());
        String setting = "/strata/api/settings/query.strict-hierarchical.STRATA";
        assertEquals(200, admin.putJson(setting, "{\"value\":\"true\"}").statusCode());
        try {
            Attributes series = new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "SERIES")
                    .setString(Tag.SeriesInstanceUID, VR.UI, "").setString(Tag.Modality, VR.CS, "CT")
                    .setString(Tag.IssuerOfPatientID, VR.LO, ISSUER);
            NegotiatedFind refused = NegotiatedFind.run(new byte[0], series, Tag.SeriesInstanceUID);
            assertEquals(0xA900, refused.status());
            assertTrue(refused.values().isEmpty());
            NegotiatedFind relational = NegotiatedFind.run(new byte[] {1}, series, Tag.SeriesInstanceUID);
            assertEquals(0x0000, relational.status());
            assertEquals(1, relational.values().size());
            series.setString(Tag.StudyInstanceUID, VR.UI, study);
            NegotiatedFind hierarchical = NegotiatedFind.run(new byte[0], series, Tag.SeriesInstanceUID);
            assertEquals(0x0000, hierarchical.status());
            assertEquals(relational.values(), hierarchical.values());
        } finally {
            admin.putJson(setting, "{\"value\":\"false\"}");
        }
    }

    private static Attributes studyKeys() {
        return new Attributes().setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY")
                .setString(Tag.StudyInstanceUID, VR.UI, "").setString(Tag.IssuerOfPatientID, VR.LO, ISSUER);
    }

    private static TreeSet<String> expected(String caseLine) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/expected_matches.py"));
        CORPUS.forEach(n -> cmd.add(file(n).toString()));
        cmd.add("--");
        cmd.add(caseLine);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
        String values = out.replaceFirst("[\\r\\n]+$", "").split("\t", -1)[1]; // an empty answer ends in a tab
        // an empty value (a patient without Patient ID) is left out everywhere: "NAME\t" is both no match and
        // one match with an empty value
        TreeSet<String> set = new TreeSet<>(Arrays.asList(values.split(",")));
        set.remove("");
        return set;
    }

    private static TreeSet<String> found(String level, String returnKey, String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of(level.equals("PATIENT") ? "-P" : "-S", "-aec", "STRATA",
                "127.0.0.1", System.getProperty("it.dicom.port"), "-k", "QueryRetrieveLevel=" + level, "-k", returnKey));
        for (String k : keys) {
            args.add("-k");
            args.add(k);
        }
        Dcmtk.Result r = Dcmtk.run("findscu", args);
        assertEquals(0, r.exitCode(), r.output());
        List<String> values = Dcmtk.values(r.output(), TAGS.get(returnKey));
        assertEquals(new TreeSet<>(values).size(), values.size(), "each match answered once: " + values);
        TreeSet<String> set = new TreeSet<>(values);
        set.remove(""); // as in expected(): its output cannot tell a lone empty value from no match
        return set;
    }
}

package org.strata.dicom.core.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Dcmtk;
import org.strata.dicom.core.io.Part10Reader;

/**
 * Our dump against DCMTK's {@code dcmdump +L -Un +U8} over the corpus: same elements in the same
 * nesting, same VRs, same values (numbers compared numerically, text after trimming padding).
 */
class DcmdumpCrossCheckTest {

    /** Files where DCMTK's reading differs from ours (and pydicom's), and why. */
    static final java.util.Map<String, String> NOT_COMPARED = java.util.Map.of(
            "test_files/meta_missing_tsyntax.dcm",
            "dcmdump drops the illegal group 0001 elements inside items; we and pydicom keep them",
            "test_files/nested_priv_SQ.dcm",
            "dcmdump drops the illegal group 0001 elements inside items; we and pydicom keep them");

    @Test
    void dumpMatchesDcmdump() throws Exception {
        int files = 0;
        for (Path p : Corpus.parsable()) {
            Dcmtk.Result dcmdump = Dcmtk.run("dcmdump", List.of("-q", "+L", "-Un", "+U8"), p);
            if (dcmdump.exitCode() != 0 || NOT_COMPARED.containsKey(Corpus.relative(p))) {
                continue;
            }
            StringBuilder ours = new StringBuilder();
            new DumpWriter(ours, DumpWriter.Options.FULL).write(Part10Reader.read(p));
            // +U8 rewrites or adds (0008,0005) Specific Character Set as ISO_IR 192: not compared
            List<DumpLine> expected = withoutCharset(DumpLine.parseDataset(dcmdump.stdout()));
            List<DumpLine> actual = withoutCharset(DumpLine.parseDataset(ours.toString()));
            String rel = Corpus.relative(p);
            assertEquals(expected.stream().map(DumpLine::tag).toList(), actual.stream().map(DumpLine::tag).toList(),
                    rel + ": elements");
            for (int i = 0; i < expected.size(); i++) {
                DumpLine e = expected.get(i);
                DumpLine a = actual.get(i);
                String at = rel + " line " + i + " " + e.tag();
                // DCMTK prints its internal pseudo-VR "up" for UL offsets in DICOMDIRs, "??" for unknown
                String vr = e.vr().equals("up") ? "UL" : e.vr().equals("??") ? "UN" : e.vr();
                assertEquals(e.depth() + " " + e.tag() + " " + vr, a.depth() + " " + a.tag() + " " + a.vr(), at);
                assertTrue(sameValue(e, a), at + ": dcmdump " + e.value() + " vs ours " + a.value());
            }
            files++;
        }
        assertTrue(files > 140, "files compared: " + files);
    }

    private static List<DumpLine> withoutCharset(List<DumpLine> lines) {
        return lines.stream().filter(l -> !l.tag().equals("0008,0005")).toList();
    }

    private static boolean sameValue(DumpLine e, DumpLine a) {
        if (e.value().equals(a.value())) {
            return true;
        }
        if (e.vr().equals("SQ") || e.vr().equals("na")) {
            // sequences and items: compare the number of items / elements only
            return count(e.value()).equals(count(a.value()));
        }
        if (e.value().startsWith("[") && a.value().startsWith("[")) {
            return normalize(e.value()).equals(normalize(a.value()));
        }
        String[] ev = e.value().split("\\\\");
        String[] av = a.value().split("\\\\");
        if (ev.length != av.length) {
            return false;
        }
        for (int i = 0; i < ev.length; i++) {
            try {
                double x = Double.parseDouble(ev[i]);
                double y = Double.parseDouble(av[i]);
                if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x))) {
                    return false;
                }
            } catch (NumberFormatException ex) {
                if (!ev[i].equals(av[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String count(String text) {
        int i = text.indexOf("#=");
        return i < 0 ? text : text.substring(i).replaceAll("[^0-9]", "");
    }

    private static String normalize(String bracketed) {
        String inner = bracketed.substring(1, bracketed.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (String v : inner.split("\\\\", -1)) {
            sb.append(v.strip()).append('\\');
        }
        return sb.toString();
    }
}

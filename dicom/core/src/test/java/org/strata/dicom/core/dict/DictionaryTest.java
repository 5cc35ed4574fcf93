package org.strata.dicom.core.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;

/** The dictionary, generated constants and runtime lookup agree with PS3.6 (and with DCMTK's dicom.dic). */
class DictionaryTest {

    private final ElementDictionary dict = ElementDictionary.standard();

    @Test
    void generatedConstantsMatchPs36() {
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals(0x7FE00010, Tag.PixelData);
        assertEquals(0x60003000, Tag.OverlayData);
        assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
    }

    @Test
    void lookupByTagAndKeyword() {
        DictionaryEntry pn = dict.lookup(Tag.PatientName).orElseThrow();
        assertEquals("PatientName", pn.keyword());
        assertEquals(VR.PN, pn.defaultVR());
        assertEquals("1", pn.vm());
        assertFalse(pn.retired());
        assertEquals(Tag.StudyInstanceUID, dict.lookup("StudyInstanceUID").orElseThrow().tag());
        assertTrue(dict.lookup(0x00000001).orElseThrow().retired());
    }

    @Test
    void repeatingGroupsResolveByMask() {
        assertEquals("OverlayData", dict.keywordOf(0x60023000));
        assertEquals("OverlayRows", dict.keywordOf(0x601E0010));
        assertEquals(VR.OW, dict.vrOf(0x60023000));
        assertEquals("CurveData", dict.keywordOf(0x50103000));
    }

    @Test
    void privateTagsAndGroupLengths() {
        assertEquals(VR.LO, dict.vrOf(0x00091010 & 0xFFFF0000 | 0x0010));
        assertEquals(VR.UN, dict.vrOf(0x00091001 | 0x1000));
        assertEquals(VR.UL, dict.vrOf(0x00080000));
        assertEquals("PrivateCreator", dict.keywordOf(0x00290010));
        assertEquals(0x00290011, Tags.privateCreatorOf(0x00291120));
        assertTrue(Tags.isPrivate(0x00291120));
        assertFalse(Tags.isPrivate(0x00080020));
        assertEquals(VR.US, dict.vrOf(Tag.Rows));
        assertTrue(dict.isUsOrSs(Tag.SmallestImagePixelValue));
    }

    /** Every element of DCMTK's dicom.dic with a single standard tag has our VR and keyword. */
    @Test
    void agreesWithDcmtkDictionary() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("/usr/share/libdcmtk17/dicom.dic"));
        int compared = 0;
        int keywordsEqual = 0;
        int vrsEqual = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 5 || !f[0].matches("\\([0-9A-F]{4},[0-9A-F]{4}\\)") || f[4].startsWith("dicom/private")
                    || f[4].contains("DICONDE") || f[4].contains("DICOS")) {
                continue;
            }
            int tag = Tags.parse(f[0]);
            if (Tags.isGroupLength(tag) || Tags.isPrivate(tag) || dict.lookup(tag).isEmpty()) {
                continue;
            }
            DictionaryEntry e = dict.lookup(tag).orElseThrow();
            compared++;
            // DCMTK prefixes retired keywords with RETIRED_
            if (e.keyword().equals(f[2].replaceFirst("^RETIRED_", ""))) {
                keywordsEqual++;
            }
            VR dcmtkVR = VR.ofCode(f[1]);
            if (dcmtkVR != null && e.vrs().length() == 2) {
                assertEquals(dcmtkVR, e.defaultVR(), f[0] + " " + f[2]);
                vrsEqual++;
            }
        }
        assertTrue(compared > 4000, "compared " + compared);
        // keywords of a few elements were renamed between the two dictionaries' releases
        assertTrue(keywordsEqual > compared * 0.97, keywordsEqual + " of " + compared);
        assertTrue(vrsEqual > compared * 0.9, vrsEqual + " VRs of " + compared);
    }
}

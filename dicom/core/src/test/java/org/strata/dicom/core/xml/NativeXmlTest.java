package org.strata.dicom.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.json.DicomJsonWriter;

/** PS3.19 Native DICOM Model: XML → data set gives the same data set (compared via its JSON) for the corpus. */
class NativeXmlTest {

    @Test
    void xmlRoundTripPreservesEveryCorpusDataset() throws Exception {
        for (Path p : Corpus.parsable()) {
            Attributes ds = Part10Reader.read(p).dataset();
            Attributes back = NativeXmlReader.read(new ByteArrayInputStream(xml(ds).getBytes(StandardCharsets.UTF_8)));
            assertEquals(normalize(DicomJsonWriter.toJson(ds)), DicomJsonWriter.toJson(back), Corpus.relative(p));
        }
    }

    @Test
    void personNameIsWrittenByComponent() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        String xml = xml(ds);
        assertTrue(xml.contains("<DicomAttribute tag=\"00100010\" vr=\"PN\" keyword=\"PatientName\">"
                + "<PersonName number=\"1\"><Alphabetic><FamilyName>Yamada</FamilyName><GivenName>Tarou</GivenName>"
                + "</Alphabetic><Ideographic><FamilyName>山田</FamilyName>"), xml);
    }

    @Test
    void rejectsOtherDocuments() {
        assertThrows(IOException.class, () -> NativeXmlReader.read(
                new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Accepted difference: a PN of only component separators ("^^^^") has no components, so
     * PS3.19 XML carries nothing for it and it reads back empty.
     */
    private static String normalize(String json) {
        return json.replaceAll(",\"Value\":\\[\\{\"Alphabetic\":\"\\^+\"\\}\\]", "");
    }

    private static String xml(Attributes ds) throws IOException {
        StringWriter w = new StringWriter();
        new NativeXmlWriter(Long.MAX_VALUE).write(ds, w);
        return w.toString();
    }
}

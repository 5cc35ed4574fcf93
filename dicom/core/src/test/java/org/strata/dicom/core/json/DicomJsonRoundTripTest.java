package org.strata.dicom.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;

/** JSON → data set → JSON is stable for every corpus file, also with bulk data by reference. */
class DicomJsonRoundTripTest {

    @Test
    void jsonToDatasetToJsonIsStable() throws Exception {
        for (Path p : Corpus.parsable()) {
            String json = DicomJsonWriter.toJson(Part10Reader.read(p).dataset());
            assertEquals(json, DicomJsonWriter.toJson(DicomJsonReader.read(json)), Corpus.relative(p));
        }
    }

    @Test
    void bulkDataUrisRoundTrip() throws Exception {
        Path p = Corpus.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
        Attributes ds = Part10Reader.read(p, ReadOptions.builder()
                .bulkData(ReadOptions.BulkDataSelector.largerThan(1024)).build()).dataset();
        StringBuilder sb = new StringBuilder();
        new DicomJsonWriter(sb, new DicomJsonWriter.Options(1024)).write(ds);
        Attributes back = DicomJsonReader.read(sb.toString());
        BulkData bulk = assertInstanceOf(BulkData.class, back.getValue(Tag.PixelData));
        assertEquals(ds.getValue(Tag.PixelData), bulk);
        assertEquals(128 * 128 * 2, bulk.readBytes().length);
    }

    @Test
    void personNameGroupsAndNumbers() {
        Attributes ds = DicomJsonReader.read("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\","
                + "\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]},\"00200013\":{\"vr\":\"IS\",\"Value\":[7]},"
                + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,0.25]}}");
        assertEquals("山田^太郎", ds.getPersonName(Tag.PatientName).ideographic());
        assertEquals(512, ds.getInt(Tag.Rows, 0));
        assertEquals(7, ds.getInt(Tag.InstanceNumber, 0));
        assertEquals(0.25, ds.getDoubles(Tag.PixelSpacing)[1]);
        assertEquals(VR.US, ds.getVR(Tag.Rows));
    }

    @Test
    void malformedJsonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DicomJsonReader.read("{\"00100010\":{\"vr\":\"XX\"}}"));
        assertThrows(IllegalArgumentException.class, () -> DicomJsonReader.read("{\"00100010\":"));
    }
}

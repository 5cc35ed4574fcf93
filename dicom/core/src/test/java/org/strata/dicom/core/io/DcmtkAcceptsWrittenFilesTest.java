package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Dcmtk;
import org.strata.dicom.core.Tag;

/**
 * Every file we write (each corpus file in its own syntax and, when native, in every
 * uncompressed syntax) is accepted by DCMTK: {@code dcmdump +E} exits 0 and reports no error.
 */
class DcmtkAcceptsWrittenFilesTest {

    @TempDir
    Path dir;

    @Test
    void dcmdumpAcceptsEveryFileWeWrite() throws Exception {
        int checked = 0;
        for (Path p : Corpus.parsable()) {
            DicomFile f = Part10Reader.read(p);
            if (f.fileMeta().isEmpty()) {
                f = new DicomFile(null, FileMetaInformation.create(f.dataset(), f.transferSyntax().uid()),
                        f.dataset(), f.transferSyntax());
            }
            boolean nativePixels = !(f.dataset().getValue(Tag.PixelData) instanceof org.strata.dicom.core.Fragments);
            List<TransferSyntax> targets = nativePixels
                    ? List.of(TransferSyntax.uncompressed()) : List.of(f.transferSyntax());
            for (TransferSyntax ts : targets) {
                Path out = dir.resolve("out.dcm");
                Part10Writer.write(out, new DicomFile(f.preamble(), f.fileMeta(), f.dataset(), ts));
                Dcmtk.Result r = Dcmtk.run("dcmdump", List.of("+E"), out);
                String what = Corpus.relative(p) + " as " + ts.uid();
                assertEquals(0, r.exitCode(), what + ": " + r.stderr());
                assertFalse(r.stderr().contains("E: "), what + ": " + r.stderr());
                assertTrue(r.stdout().contains("# Dicom-Data-Set"), what);
                Files.delete(out);
                checked++;
            }
        }
        assertTrue(checked > 300, "files checked: " + checked);
    }
}

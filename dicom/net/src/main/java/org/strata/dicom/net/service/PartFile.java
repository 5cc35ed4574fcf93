package org.strata.dicom.net.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.DataSetSink;

/**
 * A Part 10 file (PS3.10 7.1) being received: preamble and meta information written on opening,
 * the data set appended as it arrives, under a temporary name until {@link #keep} renames it, so a
 * file never appears half written.
 */
final class PartFile implements DataSetSink {

    private final Path tmp;
    private final OutputStream out;
    private boolean done;

    private PartFile(Path tmp, OutputStream out) {
        this.tmp = tmp;
        this.out = out;
    }

    static PartFile open(Path directory, String sopClassUid, String sopInstanceUid, String transferSyntax)
            throws IOException {
        Path tmp = Files.createTempFile(directory, sopInstanceUid, ".part");
        PartFile f = new PartFile(tmp, new BufferedOutputStream(Files.newOutputStream(tmp), 65536));
        try {
            f.out.write(new byte[128]);
            f.out.write(new byte[] {'D', 'I', 'C', 'M'});
            new DicomWriter(f.out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                    .writeDataset(FileMetaInformation.create(sopClassUid, sopInstanceUid, transferSyntax));
        } catch (IOException | RuntimeException e) {
            f.abandon();
            throw e;
        }
        return f;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    /** Closes the file and renames it to {@code target}; on failure the temporary file is gone. */
    void keep(Path target) throws IOException {
        try {
            out.close();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            abandon();
        }
    }

    @Override
    public synchronized void abandon() {
        if (done) {
            return;
        }
        done = true;
        try {
            out.close();
        } catch (IOException e) {
            // the file is deleted anyway
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            System.getLogger(PartFile.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete " + tmp + ": " + e.getMessage());
        }
    }
}

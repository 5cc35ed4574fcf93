package org.strata.dicom.net.service;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseService;
import org.strata.dicom.net.dimse.Status;

/**
 * A C-STORE SCP (PS3.4 B.2) writing each received instance as a Part 10 file
 * {@code <directory>/<SOP Instance UID>.dcm}: meta information from the command, then the data set
 * streamed as received. Written to a temporary name, then renamed, so a file never appears half written.
 */
public final class StorageDirectory implements DimseService {

    private static final System.Logger LOG = System.getLogger(StorageDirectory.class.getName());
    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");

    private final Path directory;

    public StorageDirectory(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public DimseResponse handle(DimseRequestContext rq) throws DimseException, IOException {
        if (rq.commandField() != CommandField.C_STORE_RQ) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " is not C-STORE");
        }
        String iuid = rq.sopInstanceUid();
        if (iuid == null || !UID.matcher(iuid).matches()) {
            throw new DimseException(Status.INVALID_ARGUMENT_VALUE, "bad SOP Instance UID " + iuid);
        }
        Path target = directory.resolve(iuid + ".dcm");
        Path tmp = Files.createTempFile(directory, iuid, ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 65536)) {
                out.write(new byte[128]);
                out.write(new byte[] {'D', 'I', 'C', 'M'});
                new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT)
                        .writeDataset(FileMetaInformation.create(rq.sopClassUid(), iuid, rq.transferSyntax()));
                rq.dataSet().transferTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new DimseException(Status.OUT_OF_RESOURCES, "cannot store " + iuid + ": " + e.getMessage(), e);
        }
        LOG.log(Level.DEBUG, "{0}: stored {1}", rq.association().name(), target);
        return DimseResponse.SUCCESS;
    }
}

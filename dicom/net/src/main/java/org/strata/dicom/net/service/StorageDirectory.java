package org.strata.dicom.net.service;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataSetSink;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.SinkService;
import org.strata.dicom.net.dimse.Status;

/**
 * A C-STORE SCP (PS3.4 B.2) writing each received instance as a Part 10 file
 * {@code <directory>/<SOP Instance UID>.dcm}: meta information from the command, then the data set
 * as received. As a {@link SinkService} the association's reader thread writes the data set to the
 * file itself; the file is renamed into place only when it is complete.
 */
public final class StorageDirectory implements SinkService {

    private static final System.Logger LOG = System.getLogger(StorageDirectory.class.getName());
    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");

    private final Path directory;

    public StorageDirectory(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public DataSetSink openSink(DimseRequestContext rq) throws IOException {
        if (!storable(rq)) {
            return null; // handle() refuses it with the right status
        }
        return PartFile.open(directory, rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntax());
    }

    private static boolean storable(DimseRequestContext rq) {
        return rq.commandField() == CommandField.C_STORE_RQ && rq.sopInstanceUid() != null
                && UID.matcher(rq.sopInstanceUid()).matches();
    }

    @Override
    public DimseResponse handle(DimseRequestContext rq) throws DimseException, IOException {
        if (rq.commandField() != CommandField.C_STORE_RQ) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " is not C-STORE");
        }
        String iuid = rq.sopInstanceUid();
        if (!storable(rq)) {
            throw new DimseException(Status.INVALID_ARGUMENT_VALUE, "bad SOP Instance UID " + iuid);
        }
        Path target = directory.resolve(iuid + ".dcm");
        PartFile file = rq.sink() instanceof PartFile f ? f : null;
        try {
            if (file == null) {
                file = PartFile.open(directory, rq.sopClassUid(), iuid, rq.transferSyntax());
                rq.dataSet().transferTo(file.output());
            } else if (rq.sinkFailure() != null) {
                throw rq.sinkFailure();
            }
            file.keep(target);
        } catch (IOException e) {
            if (file != null) {
                file.abandon();
            }
            throw new DimseException(Status.OUT_OF_RESOURCES, "cannot store " + iuid + ": " + e.getMessage(), e);
        }
        LOG.log(Level.DEBUG, "{0}: stored {1}", rq.association().name(), target);
        return DimseResponse.SUCCESS;
    }
}

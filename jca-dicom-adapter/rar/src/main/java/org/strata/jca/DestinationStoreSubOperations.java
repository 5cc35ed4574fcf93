package org.strata.jca;

import java.io.IOException;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.jca.api.DimseStatus;

/**
 * C-MOVE sub-operations on a pooled association to the move destination: an I/O failure drops
 * the association from the pool; close returns it.
 */
final class DestinationStoreSubOperations extends ChannelStoreSubOperations {

    private final DicomConnectionHandle handle;

    DestinationStoreSubOperations(DicomConnectionHandle handle, DimseChannel channel, String moveOriginatorAeTitle,
                                  int moveOriginatorMessageId) {
        super(channel, moveOriginatorAeTitle, moveOriginatorMessageId);
        this.handle = handle;
    }

    @Override
    public DimseStatus store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, DataSet dataSet)
            throws IOException {
        try {
            return super.store(sopClassUid, sopInstanceUid, transferSyntaxUid, dataSet);
        } catch (IOException | RuntimeException e) {
            handle.failed(e);
            throw e;
        }
    }

    @Override
    public void close() {
        handle.close();
    }
}

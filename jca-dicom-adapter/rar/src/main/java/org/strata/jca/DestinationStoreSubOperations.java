package org.strata.jca;

import java.io.IOException;
import org.strata.dicom.net.dimse.DimseClient;

/** Sub-operations on an association the adapter opened to a move destination; close releases it. */
final class DestinationStoreSubOperations extends ChannelStoreSubOperations {

    private final DimseClient client;

    DestinationStoreSubOperations(DimseClient client, String moveOriginatorAeTitle, int moveOriginatorMessageId) {
        super(client.channel(), moveOriginatorAeTitle, moveOriginatorMessageId);
        this.client = client;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

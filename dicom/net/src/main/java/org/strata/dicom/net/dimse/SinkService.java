package org.strata.dicom.net.dimse;

import java.io.IOException;

/**
 * A service that only writes a request's data set somewhere (a C-STORE SCP writing files): the
 * association's reader thread writes the PDVs straight to the sink the service opens and, once the
 * data set is complete, runs {@link #handle} itself (with {@link DimseRequestContext#sink()} set)
 * and sends the response: no thread hand-over per PDV or per message, as in DCMTK's storescp. So
 * {@code handle} must be short for a sunk request (close and rename a file), since the association
 * reads nothing meanwhile. Services that parse, forward or index the data set stay plain
 * {@link DimseService}s, run on a pooled thread and read {@link DimseRequestContext#dataSet()}.
 */
public interface SinkService extends DimseService {

    /**
     * Reader thread, when the request's command set has arrived: the sink for its data set, or
     * {@code null} to get it as a stream instead (e.g. for a request {@link #handle} will refuse).
     * An {@link IOException} also means "as a stream": the handler then meets the problem itself.
     */
    DataSetSink openSink(DimseRequestContext request) throws IOException;
}

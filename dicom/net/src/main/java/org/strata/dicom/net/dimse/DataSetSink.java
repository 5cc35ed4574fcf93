package org.strata.dicom.net.dimse;

import java.io.OutputStream;

/**
 * Where the association's reader thread writes the data set of a received request for a
 * {@link SinkService} (e.g. a file being written), fragment by fragment as the PDVs arrive.
 */
public interface DataSetSink {

    /** Reader thread: the stream the data set's bytes are written to, in order. */
    OutputStream output();

    /**
     * The data set will not be used (association closed mid-way, or the handler did not take it): release what the sink holds. Must be harmless after the handler kept the data.
     */
    void abandon();
}

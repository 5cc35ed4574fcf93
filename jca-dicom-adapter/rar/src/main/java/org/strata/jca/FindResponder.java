package org.strata.jca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseRequestContext;
import org.strata.jca.api.QueryResponses;

/** Sends each C-FIND match as a pending response on the request's presentation context. */
final class FindResponder implements QueryResponses {

    private final DimseRequestContext rq;
    private final TransferSyntax ts;

    FindResponder(DimseRequestContext rq) {
        this.rq = rq;
        this.ts = TransferSyntax.of(rq.transferSyntax());
    }

    @Override
    public boolean send(Attributes match) {
        if (rq.cancelled()) {
            return false;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            new DicomWriter(bytes, ts, WriteOptions.DEFAULT).writeDataset(match);
            rq.sendPending(DataWriter.of(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send C-FIND response on " + rq.association().name(), e);
        }
        return !rq.cancelled();
    }

    @Override
    public boolean cancelled() {
        return rq.cancelled();
    }
}

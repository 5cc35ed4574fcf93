package org.strata.dicom.imageio.transcode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.core.io.WriteOptions;

/**
 * The target of a transcoded data set: elements before Pixel Data, the Pixel Data element written
 * piece by piece, elements after it. Deflated Explicit VR Little Endian (PS3.5 A.5) is one deflate
 * stream (RFC 1951, no zlib header) around the whole data set, so it is applied here rather than
 * by each {@link DicomWriter}.
 */
final class TranscodeOutput {

    private final OutputStream target;
    private final Deflater deflater;
    private final DeflaterOutputStream deflating;
    private final OutputStream out;
    private final TransferSyntax plain;

    TranscodeOutput(OutputStream target, TransferSyntax ts) {
        this.target = target;
        this.deflater = ts.deflated() ? new Deflater(Deflater.DEFAULT_COMPRESSION, true) : null;
        this.deflating = deflater != null ? new DeflaterOutputStream(target, deflater, 16 * 1024) : null;
        this.out = new BufferedOutputStream(deflating != null ? deflating : target, 64 * 1024);
        this.plain = plain(ts);
    }

    /** The syntax the elements are written in before deflate. */
    static TransferSyntax plain(TransferSyntax ts) {
        return ts.deflated() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : ts;
    }

    TransferSyntax syntax() {
        return plain;
    }

    OutputStream stream() {
        return out;
    }

    void dataset(Attributes elements) throws IOException {
        new DicomWriter(out, plain, WriteOptions.DEFAULT).writeDataset(elements);
    }

    /** Flushes and ends the deflate stream; the target stays open. */
    void finish() throws IOException {
        out.flush();
        if (deflating != null) {
            deflating.finish();
            deflater.end();
        }
        target.flush();
    }
}

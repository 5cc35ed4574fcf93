package org.strata.dicom.imageio.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;
import org.strata.dicom.imageio.PixelCodecs;

/**
 * One native frame of a data set in memory (Pixel Data as bytes, {@link BulkData} or
 * {@link Fragments}), decoding only that frame: for rendering and other single-frame consumers.
 */
public final class FrameAccess {

    /** A native frame and its layout (the decoded descriptor, e.g. RGB after lossy JPEG). */
    public record Frame(byte[] samples, ImageDescriptor descriptor) {
    }

    private FrameAccess() {
    }

    /** Frame {@code index} (0-based) of {@code file}. */
    public static Frame frame(DicomFile file, int index, PixelCodecs codecs) throws IOException {
        Attributes ds = file.dataset();
        PixelModule module = PixelModule.of(ds);
        if (index < 0 || index >= module.frames()) {
            throw new TranscodeException("no frame " + index + " in " + module.frames() + " frames");
        }
        Object value = ds.getValue(Tag.PixelData);
        if (value == null) {
            throw new TranscodeException("no Pixel Data");
        }
        if (value instanceof Fragments fragments) {
            return encapsulated(fragments, file.transferSyntax().uid(), ds, module, index, codecs);
        }
        long length = module.nativeFrameLength();
        if (module.descriptor().photometricInterpretation().endsWith("_422")) {
            throw new TranscodeException("native " + module.descriptor().photometricInterpretation()
                    + " is not supported here");
        }
        byte[] frame;
        if (value instanceof BulkData bulk) {
            try (InputStream in = bulk.openStream()) {
                in.skipNBytes(length * index);
                frame = PixelElementIO.readFully(in, (int) length);
            }
            if (bulk.bigEndian() && module.descriptor().bitsAllocated() > 8) {
                PixelElementIO.swap16(frame, frame.length);
            }
        } else {
            byte[] all = (byte[]) value;
            if (all.length < length * (index + 1)) {
                throw new TranscodeException("Pixel Data too short for frame " + index);
            }
            frame = java.util.Arrays.copyOfRange(all, (int) (length * index), (int) (length * (index + 1)));
        }
        return new Frame(frame, module.descriptor());
    }

    private static Frame encapsulated(Fragments fragments, String ts, Attributes ds, PixelModule module, int index,
            PixelCodecs codecs) throws IOException {
        PixelCodec codec = codecs.forTransferSyntax(ts)
                .orElseThrow(() -> new TranscodeException("no decoder for transfer syntax " + ts));
        Iterator<Object> it = fragments.list().iterator();
        byte[] bot = bytes(it.next());
        FragmentFrames frames = new FragmentFrames(() -> it.hasNext() ? bytes(it.next()) : null,
                offsets(bot), module.frames(), ts);
        List<byte[]> frame = null;
        for (int i = 0; i <= index; i++) {
            frame = frames.next();
        }
        try {
            return new Frame(codec.decode(frame, module.descriptor()), codec.decodedDescriptor(module.descriptor()));
        } catch (RuntimeException e) {
            throw new TranscodeException(codec.name() + " cannot decode: " + e.getMessage(), index, e);
        }
    }

    private static long[] offsets(byte[] bot) {
        long[] o = new long[bot.length / 4];
        for (int i = 0; i < o.length; i++) {
            o[i] = (bot[4 * i] & 0xFFL) | (bot[4 * i + 1] & 0xFFL) << 8 | (bot[4 * i + 2] & 0xFFL) << 16
                    | (bot[4 * i + 3] & 0xFFL) << 24;
        }
        return o;
    }

    private static byte[] bytes(Object fragment) throws IOException {
        return fragment instanceof BulkData b ? b.readBytes() : (byte[]) fragment;
    }
}

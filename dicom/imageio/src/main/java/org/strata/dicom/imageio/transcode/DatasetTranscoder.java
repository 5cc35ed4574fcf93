package org.strata.dicom.imageio.transcode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.PixelCodec;

/**
 * Transcodes one data set stream (without File Meta Information) from one transfer syntax to
 * another: the elements before Pixel Data are parsed, Pixel Data is read frame by frame (native
 * frames by length, encapsulated frames by {@link FragmentFrames}), decoded and encoded one frame
 * at a time, and the elements after it are copied.
 */
final class DatasetTranscoder {

    private static final long MAX_FRAGMENT = 1L << 30;

    private final TranscodeOptions options;

    DatasetTranscoder(TranscodeOptions options) {
        this.options = options;
    }

    /** Fails early for pairs that cannot or must not be transcoded. */
    void checkPair(String src, String dst) throws TranscodeException {
        if (src.equals(dst)) {
            return;
        }
        if (TransferSyntaxCatalog.isVideo(src) || TransferSyntaxCatalog.isVideo(dst)) {
            throw new TranscodeException("video transfer syntaxes (MPEG2, H.264, HEVC) pass through only to "
                    + "themselves: " + src + " -> " + dst);
        }
        if (!TransferSyntaxCatalog.isNative(dst) && options.codecs().forTransferSyntax(dst).isEmpty()) {
            throw new TranscodeException("no encoder for transfer syntax " + dst);
        }
        if (TransferSyntaxCatalog.isLossy(dst) && !options.allowLossy()) {
            throw new TranscodeException("target " + dst + " is lossy and lossy compression was not allowed");
        }
    }

    void transcode(InputStream in, String srcUid, OutputStream out, String dstUid) throws IOException {
        checkPair(srcUid, dstUid);
        TransferSyntax src = TransferSyntax.of(srcUid);
        InputStream din = src.deflated()
                ? new BufferedInputStream(new InflaterInputStream(in, new Inflater(true), 16 * 1024), 64 * 1024)
                : in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
        TransferSyntax plainSrc = TranscodeOutput.plain(src);
        DicomReader reader = new DicomReader(din, plainSrc, ReadOptions.builder().stopBeforePixelData().build());
        Attributes ds = reader.readDataset();
        TranscodeOutput output = new TranscodeOutput(out, TransferSyntax.of(dstUid));
        if (reader.peekTag() == Tag.PixelData) {
            ds.remove(0x7FE00000); // group length of 7FE0 would be recalculated without Pixel Data
            PixelElementIO.Header header = PixelElementIO.readHeader(din, plainSrc);
            if (header.encapsulated() ? srcUid.equals(dstUid) : TransferSyntaxCatalog.isNative(dstUid)) {
                output.dataset(ds);
                PixelCopy.copy(din, plainSrc, header, output, ds.getInt(Tag.BitsAllocated, 16));
            } else if (header.encapsulated() && TransferSyntaxCatalog.isNative(srcUid)) {
                throw new TranscodeException("encapsulated Pixel Data in native transfer syntax " + srcUid);
            } else {
                transcodePixels(din, plainSrc, srcUid, header, ds, output, dstUid);
            }
            Attributes trailer = new DicomReader(din, plainSrc, ReadOptions.DEFAULT).readDataset();
            output.dataset(trailer);
        } else {
            output.dataset(ds);
        }
        output.finish();
    }

    private void transcodePixels(InputStream in, TransferSyntax src, String srcUid, PixelElementIO.Header header,
            Attributes ds, TranscodeOutput output, String dstUid) throws IOException {
        PixelModule module = PixelModule.of(ds);
        FrameReader frames = header.encapsulated()
                ? encapsulatedFrames(in, srcUid, ds, module)
                : nativeFrames(in, src, header, module);
        ImageDescriptor decoded = frames.descriptor();
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
        if (TransferSyntaxCatalog.isNative(dstUid)) {
            new NativeFrameWriter(output).write(ds, decoded, frames, module.frames());
        } else {
            PixelCodec encoder = options.codecs().forTransferSyntax(dstUid).orElseThrow();
            new EncapsulatedFrameWriter(output, encoder, dstUid).write(ds, decoded, frames, module.frames());
        }
        frames.finish();
    }

    private FrameReader encapsulatedFrames(InputStream in, String srcUid, Attributes ds, PixelModule module)
            throws IOException {
        PixelCodec decoder = options.codecs().forTransferSyntax(srcUid)
                .orElseThrow(() -> new TranscodeException("no decoder for transfer syntax " + srcUid));
        byte[] bot = PixelElementIO.readItem(in, MAX_FRAGMENT);
        if (bot == null) {
            throw new TranscodeException("encapsulated Pixel Data without Basic Offset Table item (PS3.5 A.4)");
        }
        FragmentFrames fragments = new FragmentFrames(() -> PixelElementIO.readItem(in, MAX_FRAGMENT),
                offsets(bot, ds), module.frames(), srcUid);
        ImageDescriptor stored = module.descriptor();
        ImageDescriptor decoded = decoder.decodedDescriptor(stored);
        return new FrameReader() {
            private int index;

            @Override
            public ImageDescriptor descriptor() {
                return decoded;
            }

            @Override
            public byte[] next() throws IOException {
                List<byte[]> frame = fragments.next();
                if (frame == null) {
                    throw new TranscodeException("missing", index, null);
                }
                try {
                    byte[] f = decoder.decode(frame, stored);
                    if (f.length < decoded.frameLength()) {
                        throw new TranscodeException(decoder.name() + " decoded " + f.length + " bytes, expected "
                                + decoded.frameLength(), index, null);
                    }
                    return f;
                } catch (RuntimeException e) {
                    throw new TranscodeException(decoder.name() + " cannot decode: " + e.getMessage(), index, e);
                } finally {
                    index++;
                }
            }

            @Override
            public void finish() throws IOException {
                if (fragments.next() != null) {
                    throw new TranscodeException("more fragments than Number of Frames", index, null);
                }
            }
        };
    }

    /** Frame offsets from the Basic Offset Table, else the Extended Offset Table (PS3.5 A.4, PS3.3 C.7.6.3.1.8). */
    private static long[] offsets(byte[] bot, Attributes ds) {
        if (bot.length >= 4) {
            ByteBuffer b = ByteBuffer.wrap(bot).order(ByteOrder.LITTLE_ENDIAN);
            long[] o = new long[bot.length / 4];
            for (int i = 0; i < o.length; i++) {
                o[i] = b.getInt() & 0xFFFFFFFFL;
            }
            return o;
        }
        byte[] eot = ds.getBytes(Tag.ExtendedOffsetTable);
        if (eot != null && eot.length >= 8) {
            ByteBuffer b = ByteBuffer.wrap(eot).order(ByteOrder.LITTLE_ENDIAN);
            long[] o = new long[eot.length / 8];
            for (int i = 0; i < o.length; i++) {
                o[i] = b.getLong();
            }
            return o;
        }
        return new long[0];
    }

    private static FrameReader nativeFrames(InputStream in, TransferSyntax src, PixelElementIO.Header header,
            PixelModule module) throws TranscodeException {
        long frameLength = module.nativeFrameLength();
        long needed = frameLength * module.frames();
        if (header.length() < needed) {
            throw new TranscodeException("Pixel Data has " + header.length() + " bytes, " + module.frames()
                    + " frames of " + frameLength + " bytes need " + needed);
        }
        boolean swap = src.bigEndian() && header.vr() == VR.OW;
        return new FrameReader() {
            @Override
            public ImageDescriptor descriptor() {
                return module.descriptor();
            }

            @Override
            public byte[] next() throws IOException {
                byte[] f = PixelElementIO.readFully(in, (int) frameLength);
                if (swap) {
                    PixelElementIO.swap16(f, f.length);
                }
                return f;
            }

            @Override
            public void finish() throws IOException {
                in.skipNBytes(header.length() - needed);
            }
        };
    }
}

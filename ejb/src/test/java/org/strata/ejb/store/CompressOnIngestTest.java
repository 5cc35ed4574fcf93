package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.imageio.TransferSyntaxes;
import org.strata.dicom.imageio.transcode.TranscodeOptions;
import org.strata.dicom.imageio.transcode.Transcoder;
import org.strata.dicom.imageio.transcode.TransferSyntaxCatalog;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.transcode.IngestCompression;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreRequest;

/** Compress on arrival through the real store path: what is written, digested and indexed is the compressed data set. */
class CompressOnIngestTest {

    @TempDir
    Path root;

    @TempDir
    Path spool;

    StoreService service;
    final List<Indexer.Item> indexed = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = new StoreService();
        service.storage = OnlineStorage.of(StorageProviders.open(URI.create(root.toUri().toString()), TierConfig.empty()));
        Indexer indexer = mock(Indexer.class);
        when(indexer.index(any())).thenAnswer(call -> {
            List<Indexer.Item> items = call.getArgument(0);
            indexed.addAll(items);
            return items.stream().map(i -> IndexResult.stored()).toList();
        });
        service.commits = CommitCoordinator.of(indexer, mock(DatabaseSync.class));
        service.settings = mock(SettingsService.class);
        when(service.settings.get(any())).thenReturn(Optional.empty());
        when(service.settings.get(IngestCompression.SETTING + "TEST")).thenReturn(Optional.of("JPEGLSLossless"));
        service.compression = IngestCompression.of(service.settings, spool);
    }

    @Test
    void anUncompressedInstanceIsStoredAsJpegLsWithTheDigestOfTheStoredBytesAndTheSamePixels() throws Exception {
        assertEquals(DimseStatus.SUCCESS, service.store(StoreServiceTest.AS,
                StoreServiceTest.request(StoreServiceTest.CT_INSTANCE), StoreServiceTest.dataSet()));

        Indexer.Received r = onlyIndexed();
        assertEquals(TransferSyntaxes.JPEG_LS_LOSSLESS, r.transferSyntaxUid());
        byte[] stored = Files.readAllBytes(onlyObject());
        assertEquals(stored.length, r.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)), r.digest());
        DicomFile file = Part10Reader.read(new ByteArrayInputStream(stored), org.strata.dicom.core.io.ReadOptions.DEFAULT);
        assertEquals(TransferSyntaxes.JPEG_LS_LOSSLESS, file.fileMeta().getString(Tag.TransferSyntaxUID).trim());
        assertTrue(stored.length < Files.size(StoreServiceTest.CT), "compressed: " + stored.length + " bytes");

        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        new Transcoder(TranscodeOptions.DEFAULT).transcode(new ByteArrayInputStream(stored), decoded,
                TransferSyntaxCatalog.EXPLICIT_VR_LE);
        DicomFile original = Part10Reader.read(StoreServiceTest.CT);
        DicomFile back = Part10Reader.read(new ByteArrayInputStream(decoded.toByteArray()),
                org.strata.dicom.core.io.ReadOptions.DEFAULT);
        assertArrayEquals(original.dataset().getBytes(Tag.PixelData), back.dataset().getBytes(Tag.PixelData));
        assertEquals(original.dataset().getString(Tag.SOPInstanceUID), back.dataset().getString(Tag.SOPInstanceUID));
        assertSpoolEmpty();
    }

    @Test
    void anAlreadyCompressedInstanceIsStoredAsReceived() throws Exception {
        ByteArrayOutputStream rle = new ByteArrayOutputStream();
        new Transcoder(TranscodeOptions.DEFAULT).transcodeDataset(StoreServiceTest.dataSet(),
                TransferSyntaxCatalog.EXPLICIT_VR_LE, rle, TransferSyntaxes.RLE_LOSSLESS);
        StoreRequest rq = new StoreRequest(StoreServiceTest.CT_CLASS, StoreServiceTest.CT_INSTANCE,
                TransferSyntaxes.RLE_LOSSLESS, 0, null, 0);

        assertEquals(DimseStatus.SUCCESS, service.store(StoreServiceTest.AS, rq, new ByteArrayInputStream(rle.toByteArray())));

        assertEquals(TransferSyntaxes.RLE_LOSSLESS, onlyIndexed().transferSyntaxUid());
        byte[] stored = Files.readAllBytes(onlyObject());
        byte[] tail = java.util.Arrays.copyOfRange(stored, stored.length - rle.size(), stored.length);
        assertArrayEquals(rle.toByteArray(), tail, "the received data set, byte for byte");
        assertSpoolEmpty();
    }

    @Test
    void anInstanceTheCodecRefusesIsStoredAsReceived() throws Exception {
        // Bits Stored 17 > Bits Allocated 16: the JPEG-LS encoder cannot take it, the archive still must
        byte[] ds = StoreServiceTest.dataSet().readAllBytes();
        int at = indexOfBitsStored(ds);
        ds[at] = 17;

        DimseStatus status = service.store(StoreServiceTest.AS, StoreServiceTest.request(StoreServiceTest.CT_INSTANCE),
                new ByteArrayInputStream(ds));

        assertEquals(DimseStatus.SUCCESS, status);
        assertEquals(TransferSyntaxCatalog.EXPLICIT_VR_LE, onlyIndexed().transferSyntaxUid());
        byte[] stored = Files.readAllBytes(onlyObject());
        assertArrayEquals(ds, java.util.Arrays.copyOfRange(stored, stored.length - ds.length, stored.length));
        assertSpoolEmpty();
    }

    /** Offset of the value of Bits Stored (0028,0101) US in an Explicit VR LE data set. */
    private static int indexOfBitsStored(byte[] ds) {
        for (int i = 0; i + 8 < ds.length; i++) {
            if (ds[i] == 0x28 && ds[i + 1] == 0 && ds[i + 2] == 0x01 && ds[i + 3] == 0x01 && ds[i + 4] == 'U'
                    && ds[i + 5] == 'S') {
                return i + 8;
            }
        }
        throw new AssertionError("no Bits Stored");
    }

    private Indexer.Received onlyIndexed() {
        assertEquals(1, indexed.size());
        return indexed.get(0).received();
    }

    private Path onlyObject() throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = s.filter(Files::isRegularFile).toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }

    private void assertSpoolEmpty() throws Exception {
        try (Stream<Path> s = Files.list(spool)) {
            assertEquals(List.of(), s.toList());
        }
    }
}

package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.ejb.EJBException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.transcode.IngestCompression;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.StoreRequest;

/** The ingest path with failures injected: nothing may be left on the tier when a store fails. */
class StoreServiceTest {

    static final Path CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";
    static final String CT_INSTANCE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
    static final AssociationInfo AS = new AssociationInfo("TEST->STRATA(1)", "TEST", "STRATA", "127.0.0.1");

    @TempDir
    Path root;

    StoreService service;
    Indexer indexer;

    @BeforeEach
    void setUp() throws IOException {
        service = new StoreService();
        service.storage = OnlineStorage.of(StorageProviders.open(URI.create(root.toUri().toString()), TierConfig.empty()));
        indexer = mock(Indexer.class);
        service.commits = CommitCoordinator.of(indexer, mock(DatabaseSync.class));
        service.settings = mock(SettingsService.class);
        when(service.settings.get(any())).thenReturn(Optional.empty());
        service.compression = IngestCompression.of(service.settings, root);
    }

    /** CT_small.dcm's data set without its file meta information (Explicit VR Little Endian). */
    static InputStream dataSet() throws IOException {
        byte[] file = Files.readAllBytes(CT);
        int groupLength = (file[140] & 0xFF) | (file[141] & 0xFF) << 8 | (file[142] & 0xFF) << 16 | (file[143] & 0xFF) << 24;
        int start = 144 + groupLength;
        return new ByteArrayInputStream(file, start, file.length - start);
    }

    static StoreRequest request(String sopInstanceUid) {
        return new StoreRequest(CT_CLASS, sopInstanceUid, "1.2.840.10008.1.2.1", 0, null, 0);
    }

    long objects() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aStoredInstanceIsOneObject() throws Exception {
        when(indexer.index(any())).thenReturn(List.of(IndexResult.stored()));
        assertEquals(DimseStatus.SUCCESS, service.store(AS, request(CT_INSTANCE), dataSet()));
        assertEquals(1, objects());
    }

    @Test
    void aFailingDatabaseCommitLeavesNoObject() throws Exception {
        when(indexer.index(any())).thenThrow(new EJBException("commit failed (injected)"));
        DimseStatus status = service.store(AS, request(CT_INSTANCE), dataSet());
        assertEquals(0xA700, status.code());
        assertEquals(0, objects());
    }

    @Test
    void aDataSetThatIsNotTheCommandsInstanceLeavesNoObject() throws Exception {
        DimseStatus status = service.store(AS, request("1.2.3.4"), dataSet());
        assertEquals(0xA900, status.code());
        assertEquals("SOP Instance UID of data set differs from command", status.comment());
        assertEquals(0, objects());
    }

    @Test
    void aCorruptDataSetIsNotUnderstoodAndLeavesNoObject() throws Exception {
        byte[] corrupt = dataSet().readNBytes(600);
        corrupt[500] = (byte) 0xFF; // a length byte of some element now points far past the end
        corrupt[501] = (byte) 0xFF;
        DimseStatus status = service.store(AS, request(CT_INSTANCE), new ByteArrayInputStream(corrupt));
        assertEquals(0xC000, status.code() & 0xF000);
        assertEquals(0, objects());
    }

    @Test
    void anIgnoredDuplicateLeavesOnlyTheFirstCopy() throws Exception {
        when(indexer.index(any())).thenReturn(List.of(IndexResult.stored()), List.of(IndexResult.ignored()));
        service.store(AS, request(CT_INSTANCE), dataSet());
        assertEquals(DimseStatus.SUCCESS, service.store(AS, request(CT_INSTANCE), dataSet()));
        assertEquals(1, objects());
    }

    @Test
    void aReplacedCopyIsDeletedAfterTheNewOneIsIndexed() throws Exception {
        when(indexer.index(any())).thenReturn(List.of(IndexResult.stored()));
        service.store(AS, request(CT_INSTANCE), dataSet());
        String first;
        try (Stream<Path> s = Files.walk(root)) {
            first = s.filter(Files::isRegularFile).findFirst().orElseThrow().getFileName().toString();
        }
        when(indexer.index(any())).thenReturn(List.of(IndexResult.replaced(List.of(first))));
        assertEquals(DimseStatus.SUCCESS, service.store(AS, request(CT_INSTANCE), dataSet()));
        assertEquals(1, objects());
    }
}

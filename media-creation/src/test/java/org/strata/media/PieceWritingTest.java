package org.strata.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.core.UID;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.FileSet;
import org.strata.ejb.media.MediaSource;
import org.strata.hsm.spi.StorageProvider;

/**
 * One piece written as the media job writes it, from pydicom's test files (Debian python3-pydicom):
 * read from a (read-only) tier, transcoded straight into the file-set on a pool, extras, label
 * with its Code 128 barcode, ISO through xorriso and ZIP.
 */
class PieceWritingTest {

    static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final List<String> SOURCES = List.of("CT_small.dcm", "MR_small_RLE.dcm", "SC_rgb_jpeg_dcmtk.dcm",
            "SC_rgb_rle.dcm", "test-SR.dcm");

    @TempDir
    static Path work;
    static FileSet fileSet;
    static PieceExtras.Written extras;

    @BeforeAll
    static void writeOnePiece() throws IOException {
        List<MediaSource> sources = new ArrayList<>();
        for (String name : SOURCES) {
            var head = org.strata.dicom.media.Part10Head.read(FILES.resolve(name));
            sources.add(new MediaSource("", head.sopClassUid(), head.sopInstanceUid(), head.transferSyntaxUid(), name,
                    Files.size(FILES.resolve(name))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PieceComposer composer = new PieceComposer(new TestFiles(), ApplicationProfile.STD_GEN_CD, pool, () -> false);
            assertEquals(List.of(), composer.unconvertible(sources));
            List<PieceComposer.Planned> planned = composer.plan(sources);
            AtomicInteger written = new AtomicInteger();
            PieceComposer.Outcome outcome = composer.write(planned, work.resolve("pieces"), "TEST_SET", 700L << 20,
                    n -> written.accumulateAndGet(n, Math::max));
            assertEquals(List.of(), outcome.failedUids());
            assertEquals(1, outcome.pieces().size());
            assertEquals(SOURCES.size(), written.get());
            fileSet = outcome.pieces().get(0);
        } finally {
            pool.shutdown();
        }
        extras = PieceExtras.write(fileSet, ApplicationProfile.STD_GEN_CD, 1, 2, "Referral Dr X", "ACC-2026/42",
                work.resolve("labels/L.PNG"), work.resolve("labels/L.PDF"));
    }

    /** The online tier of the test: pydicom's files, the object id being the file name. */
    static final class TestFiles implements StorageProvider {
        @Override
        public String scheme() {
            return "file";
        }

        @Override
        public URI location() {
            return FILES.toUri();
        }

        @Override
        public PendingWrite create(String id) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public InputStream read(String id) throws IOException {
            return Files.newInputStream(FILES.resolve(id));
        }

        @Override
        public InputStream readRange(String id, long offset, long length) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public boolean exists(String id) {
            return Files.exists(FILES.resolve(id));
        }

        @Override
        public void delete(String id) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public long usableSpace() {
            return 0;
        }
    }

    @Test
    void theSizesPlannedBoundWhatIsWritten() throws IOException {
        for (FileSet.Entry e : fileSet.entries()) {
            assertTrue(Files.size(e.fileId().resolve(fileSet.root())) < 2 << 20, e.fileId().toString());
        }
    }

    @Test
    void everyInstanceIsOnThePieceInExplicitLittleEndian() {
        assertEquals(SOURCES.size(), fileSet.entries().size());
        fileSet.entries().forEach(e -> assertEquals(UID.ExplicitVRLittleEndian, e.transferSyntaxUid()));
        assertEquals("TEST_SET", extras.fileSetId());
    }

    @Test
    void indexReadmeAndThumbnailsDescribeThePiece() throws IOException {
        String index = Files.readString(fileSet.root().resolve("INDEX.HTM"));
        String readme = Files.readString(fileSet.root().resolve("README.TXT"));
        assertTrue(index.contains("Piece 1 of 2"), index);
        assertTrue(readme.contains("STD-GEN-CD") && readme.contains("DICOMDIR"), readme);
        List<String> images = new ArrayList<>();
        try (var list = Files.list(fileSet.root().resolve(Thumbnails.FOLDER))) {
            list.forEach(p -> images.add(p.getFileName().toString()));
        }
        Collections.sort(images);
        // one per series with pixel data: CT, MR (RLE), the RGB series (JPEG and RLE); the SR has none
        assertEquals(List.of("S0001.JPG", "S0002.JPG", "S0003.JPG"), images);
        for (String image : images) {
            BufferedImage thumb = ImageIO.read(fileSet.root().resolve(Thumbnails.FOLDER).resolve(image).toFile());
            assertEquals(Thumbnails.SIZE, Math.max(thumb.getWidth(), thumb.getHeight()), image);
            assertTrue(index.contains("src=\"IHE_PDI/" + image + "\""), image);
        }
    }

    @Test
    void theLabelIsAPngAndAPdfWithThePatientAndTheLabelText() throws IOException {
        BufferedImage png = ImageIO.read(extras.labelPng().toFile());
        assertEquals(LabelImage.SIZE, png.getWidth());
        byte[] pdf = Files.readAllBytes(extras.labelPdf());
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.4") && text.endsWith("%%EOF\n"));
        assertTrue(text.contains("(Referral Dr X) Tj") && text.contains("(Disc 1 of 2"), text);
        int startxref = Integer.parseInt(text.substring(text.lastIndexOf("startxref\n") + 10, text.lastIndexOf("\n%%EOF")));
        assertTrue(text.startsWith("xref", startxref), "startxref points at the xref table");
        String[] xref = text.substring(startxref).split("\n");
        assertTrue(text.contains("re f") && text.contains("(ACC-2026/42) Tj"), "barcode bars and value");
        for (int obj = 1; obj <= 6; obj++) {
            int offset = Integer.parseInt(xref[2 + obj].substring(0, 10));
            assertTrue(text.startsWith(obj + " 0 obj", offset), "object " + obj + " at its xref offset");
        }
    }

    /** zbarimg (Debian zbar-tools), an independent decoder, reads the Code 128 barcode off the label. */
    @Test
    void theBarcodeOnTheLabelDecodesToTheBarcodeValue() throws Exception {
        // stderr only carries zbar's D-Bus notice on machines without a system bus
        Process p = new ProcessBuilder("zbarimg", "--raw", "-q", extras.labelPng().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String decoded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), decoded);
        assertEquals("ACC-2026/42", decoded.strip());
    }

    @Test
    void xorrisoWritesAnIsoThatListsTheFileSet() throws Exception {
        Path iso = work.resolve("piece.iso");
        IsoImage.write(fileSet.root(), extras.fileSetId(), 1, iso);
        Process p = new ProcessBuilder("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f")
                .redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), listing);
        assertTrue(listing.contains("'/DICOMDIR'") && listing.contains("'/INDEX.HTM'")
                && listing.contains("'/README.TXT'"), listing);
        for (FileSet.Entry e : fileSet.entries()) {
            assertTrue(listing.contains("'/" + String.join("/", e.fileId().components()) + "'"), e.fileId().toString());
        }
        assertTrue(Files.notExists(work.resolve("piece.iso.part")));
    }

    @Test
    void theZipHoldsTheSameTree() throws IOException {
        Path zip = work.resolve("piece.zip");
        ZipImage.write(fileSet.root(), zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("DICOMDIR") != null);
            for (FileSet.Entry e : fileSet.entries()) {
                String name = String.join("/", e.fileId().components());
                assertEquals(Files.size(e.fileId().resolve(fileSet.root())), z.getEntry(name).getSize(), name);
            }
        }
    }

    @Test
    void aSyntaxNoConversionReachesIsRefusedBeforeWriting() {
        InstanceStager stager = new InstanceStager(ApplicationProfile.STD_GEN_CD);
        assertTrue(stager.target("1.2.840.10008.1.2.4.100").isEmpty(), "MPEG-2 is not transcoded");
        assertEquals(UID.ExplicitVRLittleEndian, stager.target("1.2.840.10008.1.2.5").orElseThrow());
    }
}

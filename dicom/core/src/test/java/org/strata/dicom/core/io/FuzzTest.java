package org.strata.dicom.core.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Corpus;
import org.strata.dicom.core.Sequence;

/**
 * Seeded mutation fuzzing over the corpus (bit flips, truncations, corrupted lengths): parsing
 * either succeeds or throws {@link DicomParseException}; never another exception, an
 * OutOfMemoryError or a hang; what parses can be written again. The allocation limit is 1 MiB per value (surefire runs with a
 * bounded heap, see pom.xml).
 */
class FuzzTest {

    private static final int ITERATIONS = 100_000;
    private static final long SEED = 0x5EED_D1C0L;

    @Test
    void mutatedFilesFailOnlyWithTypedExceptions() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (Path p : Corpus.parsable()) {
            if (Files.size(p) <= 64 * 1024) {
                corpus.add(Files.readAllBytes(p));
            }
        }
        assertTrue(corpus.size() > 100, "corpus: " + corpus.size());
        ReadOptions options = ReadOptions.builder().maxValueLength(1 << 20).build();
        SplittableRandom random = new SplittableRandom(SEED);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] mutated = mutate(original, random);
            try {
                DicomFile f = Part10Reader.read(new ByteArrayInputStream(mutated), options);
                touch(f.dataset());
                if (parsed % 10 == 0) {
                    // whatever was parsed can be written again
                    new DicomWriter(java.io.OutputStream.nullOutputStream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                            WriteOptions.DEFAULT).writeDataset(f.dataset());
                }
                parsed++;
            } catch (DicomParseException e) {
                rejected++;
            } catch (Exception | StackOverflowError e) {
                throw new AssertionError("iteration " + i + " (seed " + SEED + "): " + e, e);
            }
        }
        assertTrue(parsed > 1000 && rejected > 1000, "parsed " + parsed + ", rejected " + rejected);
    }

    /** Decodes every value, as a consumer would. */
    private static void touch(Attributes attrs) {
        for (int i = 0; i < attrs.size(); i++) {
            if (attrs.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    touch(item);
                }
            } else {
                attrs.stringsAt(i);
            }
        }
    }

    private static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 2 -> {
                // corrupt a 32-bit or 16-bit length-like field
                int at = r.nextInt(Math.max(1, b.length - 4));
                int value = r.nextBoolean() ? -1 : r.nextInt();
                for (int k = 0; k < (r.nextBoolean() ? 4 : 2) && at + k < b.length; k++) {
                    b[at + k] = (byte) (value >>> (8 * k));
                }
            }
            default -> {
                int at = r.nextInt(b.length);
                b[at] = (byte) r.nextInt(256);
                b = java.util.Arrays.copyOf(b, Math.max(at, b.length - r.nextInt(16)));
            }
        }
        return b;
    }
}

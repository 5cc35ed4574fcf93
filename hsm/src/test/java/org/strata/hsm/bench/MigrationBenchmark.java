package org.strata.hsm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.strata.hsm.digest.DigestingStorage;
import org.strata.hsm.digest.StoredObject;
import org.strata.hsm.migrate.ObjectCopier;
import org.strata.hsm.spi.StorageProvider;
import org.strata.hsm.spi.StorageProviders;
import org.strata.hsm.spi.TierConfig;

/**
 * Migration throughput for bench/hsm-migrate.sh: stores the files of a corpus on a {@code file:}
 * tier, then times {@link ObjectCopier} (verified read, copy, read-back verification) from it to
 * a {@code tar:} tier and to an {@code s3:} tier, in batches of {@code batch} objects (a study).
 * Prints one line per target: {@code target files bytes seconds}.
 *
 * <p>Usage: {@code MigrationBenchmark CORPUS WORK S3_ENDPOINT BATCH}
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String s3Endpoint = args[2];
        int batch = Integer.parseInt(args[3]);
        Files.createDirectories(work.resolve("disk"));
        try (StorageProvider disk = open("file:" + work.resolve("disk").toAbsolutePath(), Map.of());
             StorageProvider tape = open("tar:" + work.resolve("library").toAbsolutePath(),
                     Map.of("volumeCapacity", "100000000000"));
             StorageProvider s3 = open("s3://bench", Map.of("endpoint", s3Endpoint, "accessKeyId", "local-identity",
                     "secretAccessKey", "local-credential"))) {
            List<StoredObject> objects = load(corpus, disk);
            long bytes = objects.stream().mapToLong(StoredObject::size).sum();
            time("tar", disk, tape, objects, batch, bytes);
            time("s3", disk, s3, objects, batch, bytes);
        }
    }

    private static void time(String name, StorageProvider from, StorageProvider to, List<StoredObject> objects,
                             int batch, long bytes) throws IOException {
        ObjectCopier copier = new ObjectCopier(from, to);
        long start = System.nanoTime();
        for (int i = 0; i < objects.size(); i += batch) {
            copier.copy(objects.subList(i, Math.min(objects.size(), i + batch)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %d %d %.3f%n", name, objects.size(), bytes, seconds);
    }

    private static List<StoredObject> load(Path corpus, StorageProvider disk) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        DigestingStorage digesting = new DigestingStorage(disk);
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                objects.add(digesting.store("obj-" + n++, in));
            }
        }
        return objects;
    }

    private static StorageProvider open(String uri, Map<String, String> settings) throws IOException {
        return StorageProviders.open(URI.create(uri), TierConfig.of(settings));
    }
}

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
import org.strata.hsm.tar.TarStorageProvider;

/**
 * Migration throughput for bench/hsm-migrate.sh: stores the files of a corpus on a {@code file:}
 * tier, then times {@link ObjectCopier} (verified read, copy, read-back verification) from it to
 * a {@code tar:} tier and to an {@code s3:} tier, in batches of {@code batch} objects (a study),
 * best of {@code runs} (each run onto an empty library / bucket). Then the recall of one study
 * (the first batch) from tape to a disk tier, with a fresh drive (volume not mounted, mount delay
 * {@code MOUNT_DELAY}): each instance read verified in volume order and committed on disk, as a
 * recall does. Prints one line per measure: {@code tar files bytes seconds cpu}, {@code s3 …
 * cpu serverCpu}, {@code recall-first files bytes seconds} (first instance on disk),
 * {@code recall files bytes seconds}. {@code cpu} is the CPU time (user + system, seconds) this
 * JVM spent in the best run, {@code serverCpu} the S3 server's (process {@code S3_PID}, from
 * {@code /proc}; -1 without it): load on a shared machine disturbs CPU time far less than wall time.
 *
 * <p>Usage: {@code MigrationBenchmark CORPUS WORK S3_ENDPOINT BATCH RUNS MOUNT_DELAY [S3_PID]}
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String s3Endpoint = args[2];
        int batch = Integer.parseInt(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String mountDelay = args.length > 5 ? args[5] : "PT0S";
        long s3Pid = args.length > 6 ? Long.parseLong(args[6]) : -1;
        Files.createDirectories(work.resolve("disk"));
        try (StorageProvider disk = open("file:" + work.resolve("disk").toAbsolutePath(), Map.of());
             StorageProvider s3 = open("s3://bench", Map.of("endpoint", s3Endpoint, "accessKeyId", "local-identity",
                     "secretAccessKey", "local-credential"))) {
            List<StoredObject> objects = load(corpus, disk);
            long bytes = objects.stream().mapToLong(StoredObject::size).sum();
            // untimed: the whole corpus to tape (quick) and three batches to S3, so that the timed
            // runs find the code compiled, as in a running server (C2 otherwise takes a fifth of the
            // first tape run's CPU and over a third of the S3 client's)
            List<StoredObject> warm = objects.subList(0, Math.min(3 * batch, objects.size()));
            try (StorageProvider tape = open("tar:" + work.resolve("library-warm").toAbsolutePath(),
                    Map.of("volumeCapacity", "100000000000"))) {
                time(disk, tape, objects, batch, -1);
            }
            deleteTree(work.resolve("library-warm"));
            time(disk, s3, warm, batch, -1);
            for (StoredObject o : warm) {
                s3.delete(o.id());
            }
            Run tarBest = null;
            Path library = null;
            for (int r = 0; r < runs; r++) {
                library = work.resolve("library-" + r);
                try (StorageProvider tape = open("tar:" + library.toAbsolutePath(), Map.of("volumeCapacity", "100000000000"))) {
                    tarBest = Run.best(tarBest, time(disk, tape, objects, batch, -1));
                }
            }
            System.out.printf("tar %d %d %.3f %.3f%n", objects.size(), bytes, tarBest.seconds, tarBest.cpu);
            Run s3Best = null;
            for (int r = 0; r < runs; r++) {
                s3Best = Run.best(s3Best, time(disk, s3, objects, batch, s3Pid));
                for (StoredObject o : objects) {
                    s3.delete(o.id());
                }
            }
            System.out.printf("s3 %d %d %.3f %.3f %.3f%n", objects.size(), bytes, s3Best.seconds, s3Best.cpu,
                    s3Best.serverCpu);
            recall(library, work.resolve("recalled"), objects.subList(0, Math.min(batch, objects.size())), mountDelay);
        }
    }

    /** Wall time, this JVM's CPU time and the S3 server's CPU time of one run, in seconds. */
    private record Run(double seconds, double cpu, double serverCpu) {
        static Run best(Run a, Run b) {
            return a == null || b.seconds < a.seconds ? b : a;
        }
    }

    private static Run time(StorageProvider from, StorageProvider to, List<StoredObject> objects, int batch, long serverPid)
            throws IOException {
        ObjectCopier copier = new ObjectCopier(from, to);
        double server0 = cpuOf(serverPid);
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < objects.size(); i += batch) {
            copier.copy(objects.subList(i, Math.min(objects.size(), i + batch)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double server = serverPid < 0 ? -1 : cpuOf(serverPid) - server0;
        System.err.printf("%s run: %.3f s, cpu %.3f s, server cpu %.3f s%n", to.scheme(), seconds, cpu, server);
        return new Run(seconds, cpu, server);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process, in seconds (Linux {@code /proc/PID/stat}, clock ticks of 1/100 s). */
    private static double cpuOf(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15 of the whole line
    }

    /** One study from tape back to disk, instance by instance in volume order, each verified. */
    private static void recall(Path library, Path into, List<StoredObject> study, String mountDelay) throws IOException {
        Files.createDirectories(into);
        long bytes = study.stream().mapToLong(StoredObject::size).sum();
        try (TarStorageProvider tape = (TarStorageProvider) open("tar:" + library.toAbsolutePath(),
                Map.of("volumeCapacity", "100000000000", "mountDelay", mountDelay));
             StorageProvider disk = open("file:" + into.toAbsolutePath(), Map.of())) {
            List<StoredObject> ordered = study.stream().sorted(java.util.Comparator.comparingLong(
                    (StoredObject o) -> tape.entry(o.id()).orElseThrow().dataOffset())).toList();
            DigestingStorage verified = new DigestingStorage(tape);
            long start = System.nanoTime();
            double first = -1;
            for (StoredObject o : ordered) {
                try (InputStream in = verified.readVerified(o);
                     StorageProvider.PendingWrite w = disk.create(o.id())) {
                    in.transferTo(w.stream());
                    w.commit();
                }
                if (first < 0) {
                    first = (System.nanoTime() - start) / 1e9;
                }
            }
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf("recall-first 1 %d %.3f%n", study.get(0).size(), first);
            System.out.printf("recall %d %d %.3f%n", study.size(), bytes, total);
        }
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

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static StorageProvider open(String uri, Map<String, String> settings) throws IOException {
        return StorageProviders.open(URI.create(uri), TierConfig.of(settings));
    }
}

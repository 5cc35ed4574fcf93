package org.strata.dicom.tools.net;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.service.Part10Source;

/**
 * C-STORE (PS3.7 9.1.1) of a list of files, as they are (no transcoding), dealt round-robin to N
 * associations sending at once; what {@code store} and {@code bench-store} share.
 */
final class StoreJob {

    /** Leaves room below the 128 presentation contexts an association may propose (PS3.8 9.3.2.2). */
    private static final int MAX_CONTEXTS = 120;

    /** What one {@link #send} did: instances stored and failed, bytes of the stored files, wall time. */
    record Result(int stored, int failed, long bytes, double seconds) {
    }

    private final Scu scu;
    private final int parallel;
    private final PrintStream err;
    private final AtomicInteger unreadable = new AtomicInteger();

    StoreJob(Scu scu, int parallel, PrintStream err) {
        this.scu = scu;
        this.parallel = parallel;
        this.err = err;
    }

    /** The DICOM files under the given files and directories, in name order; others count as failed. */
    List<Part10Source> scan(List<String> paths) throws IOException {
        return scan(paths, err, unreadable);
    }

    /** As {@link #scan(List)}: each file that is not DICOM is reported on {@code err} and counted. */
    static List<Part10Source> scan(List<String> paths, PrintStream err, AtomicInteger unreadable) throws IOException {
        List<Part10Source> sources = new ArrayList<>();
        for (String p : paths) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(p))) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                try {
                    sources.add(Part10Source.open(f));
                } catch (IOException | RuntimeException e) {
                    err.println("skipping " + f + ": not a DICOM file (" + e.getMessage() + ")");
                    unreadable.incrementAndGet();
                }
            }
        }
        return sources;
    }

    /** Sends {@code sources}; the files {@link #scan} skipped are counted as failed in the result. */
    Result send(List<Part10Source> sources) throws Exception {
        List<List<Part10Source>> shares = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < sources.size(); i++) {
            shares.get(i % parallel).add(sources.get(i));
        }
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(unreadable.getAndSet(0));
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (NetRuntime runtime = new NetRuntime("store", 2 * parallel + 2)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (List<Part10Source> share : shares) {
                if (!share.isEmpty()) {
                    jobs.add(pool.submit(() -> {
                        send(runtime, share, new Counters(stored, failed, bytes));
                        return null;
                    }));
                }
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(stored.get(), failed.get(), bytes.get(), (System.nanoTime() - t0) / 1e9);
    }

    private record Counters(AtomicInteger stored, AtomicInteger failed, AtomicLong bytes) {
    }

    private void send(NetRuntime runtime, List<Part10Source> share, Counters n) {
        send(scu, runtime, share, new Outcomes() {
            @Override
            public void answered(Part10Source s, DimseRsp rsp) {
                if (Status.isSuccessOrWarning(rsp.status())) {
                    n.stored().incrementAndGet();
                    try {
                        n.bytes().addAndGet(Files.size(s.file()));
                    } catch (IOException e) {
                        // the figure only: the instance was stored
                    }
                } else {
                    n.failed().incrementAndGet();
                    err.println(s.file() + ": status " + Status.toHex(rsp.status()) + " " + rsp.errorComment());
                }
            }

            @Override
            public void failed(Part10Source s, String reason) {
                n.failed().incrementAndGet();
                err.println(s.file() + ": " + reason);
            }
        });
    }

    /** What happened to each file sent by {@link #send(Scu, NetRuntime, List, Outcomes)}. */
    interface Outcomes {
        /** A response arrived (any status). */
        void answered(Part10Source source, DimseRsp rsp);

        /** No response: association or I/O failure. */
        void failed(Part10Source source, String reason);
    }

    /** C-STOREs {@code share} on as many associations as its presentation contexts need. */
    static void send(Scu scu, NetRuntime runtime, List<Part10Source> share, Outcomes outcomes) {
        int from = 0;
        while (from < share.size()) {
            AssociateRqBuilder rq = new AssociateRqBuilder(scu.calling, scu.called.aeTitle());
            Set<String> contexts = new LinkedHashSet<>();
            int to = from;
            while (to < share.size()) {
                Part10Source s = share.get(to);
                if (contexts.add(s.sopClassUid() + "|" + s.transferSyntax()) && contexts.size() > MAX_CONTEXTS) {
                    break;
                }
                rq.addContext(s.sopClassUid(), s.transferSyntax());
                to++;
            }
            int attempted = 0;
            String lost = "not sent";
            try (DimseClient c = scu.openSynchronous(runtime, rq.build())) {
                for (Part10Source s : share.subList(from, to)) {
                    attempted++;
                    try {
                        outcomes.answered(s, c.store(StoreRequest.of(s.sopClassUid(), s.sopInstanceUid(),
                                s.transferSyntax()), s.dataSet()));
                    } catch (IOException e) {
                        outcomes.failed(s, e.getMessage());
                        if (!c.association().established()) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                lost = "association with " + scu.called + " failed: " + e.getMessage();
            }
            for (Part10Source s : share.subList(from + attempted, to)) {
                outcomes.failed(s, lost);
            }
            from = to;
        }
    }
}

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
import java.util.stream.Stream;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.dimse.StoreRequest;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;

/**
 * {@code store -c AET@HOST:PORT [--parallel N] FILE|DIR...}: C-STORE (PS3.7 9.1.1) of every DICOM file,
 * as it is (no transcoding), on N associations at once.
 */
public final class StoreCommand implements Command {

    /** Leaves room below the 128 presentation contexts an association may propose (PS3.8 9.3.2.2). */
    private static final int MAX_CONTEXTS = 120;

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String summary() {
        return "C-STORE files/directories: " + Scu.USAGE_COMMON + " [--parallel N] FILE|DIR...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        int parallel = Math.max(1, a.getInt("--parallel", 1));
        AtomicInteger failed = new AtomicInteger();
        List<Part10Source> sources = scan(a.positional(), err, failed);
        List<List<Part10Source>> shares = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < sources.size(); i++) {
            shares.get(i % parallel).add(sources.get(i));
        }
        AtomicInteger stored = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (NetRuntime runtime = new NetRuntime("store", 2 * parallel + 2)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (List<Part10Source> share : shares) {
                if (!share.isEmpty()) {
                    jobs.add(pool.submit(() -> {
                        send(scu, runtime, share, out, err, stored, failed);
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
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf("stored %d, failed %d, %.2f s, %.1f inst/s%n", stored.get(), failed.get(), s, stored.get() / s);
        return failed.get() == 0 && !sources.isEmpty() ? 0 : 1;
    }

    static List<Part10Source> scan(List<String> paths, PrintStream err, AtomicInteger failed)
            throws IOException {
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
                    failed.incrementAndGet();
                }
            }
        }
        return sources;
    }

    /** What happened to each file sent by {@link #send}. */
    interface Outcomes {
        /** A response arrived (any status). */
        void answered(Part10Source source, DimseRsp rsp);

        /** No response: association or I/O failure. */
        void failed(Part10Source source, String reason);
    }

    private static void send(Scu scu, NetRuntime runtime, List<Part10Source> share, PrintStream out, PrintStream err,
            AtomicInteger stored, AtomicInteger failed) {
        send(scu, runtime, share, new Outcomes() {
            @Override
            public void answered(Part10Source s, DimseRsp rsp) {
                if (Status.isSuccessOrWarning(rsp.status())) {
                    stored.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    err.println(s.file() + ": status " + Status.toHex(rsp.status()) + " " + rsp.errorComment());
                }
            }

            @Override
            public void failed(Part10Source s, String reason) {
                failed.incrementAndGet();
                err.println(s.file() + ": " + reason);
            }
        });
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
            try (DimseClient c = scu.open(runtime, rq.build(), new DimseServiceRegistry())) {
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

package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;

/**
 * {@code bench-store -c AET@HOST:PORT [--parallel N] [--warmup N] DIR...}: the load driver of the store
 * benchmarks. Sends every file as {@code store} does, after an untimed warm-up pass over the first N
 * files (default 300: the JIT compiles the send path, as a long-running sender would have it; code run
 * once per file is compiled by C1 after about 200 calls, Tier3InvocationThreshold, checked every 128,
 * so with the former 50 the first ~200 timed files still ran it interpreted), and
 * prints the timed pass: {@code bench-store: N files, M MB, S s, R inst/s, T MB/s, C ms CPU/inst, F failed},
 * where C is this process's CPU time (user+sys, all threads) during the timed pass per stored
 * instance: the figure that decides whether a change to the send path helps on a loaded machine.
 */
public final class BenchStoreCommand implements Command {

    private static final int WARMUP = 300;

    @Override
    public String name() {
        return "bench-store";
    }

    @Override
    public String summary() {
        return "C-STORE load driver, prints inst/s and MB/s: " + Scu.USAGE_COMMON
                + " [--parallel N] [--warmup N] FILE|DIR...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        StoreJob job = new StoreJob(new Scu(a), Math.max(1, a.getInt("--parallel", 1)), err);
        List<Part10Source> sources = job.scan(a.positional());
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no DICOM files in " + a.positional());
        }
        int warmup = Math.min(sources.size(), Math.max(0, a.getInt("--warmup", WARMUP)));
        if (warmup > 0) {
            StoreJob.Result w = job.send(sources.subList(0, warmup));
            if (w.failed() > 0) {
                out.printf("bench-store: warm-up failed (%d of %d)%n", w.failed(), warmup);
                return 1;
            }
        }
        long cpu0 = processCpuNanos();
        StoreJob.Result r = job.send(sources);
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / Math.max(1, r.stored());
        out.printf("bench-store: %d files, %.1f MB, %.2f s, %.1f inst/s, %.1f MB/s, %.3f ms CPU/inst, %d failed%n",
                r.stored(), r.bytes() / 1e6, r.seconds(), r.stored() / r.seconds(), r.bytes() / 1e6 / r.seconds(),
                cpuMs, r.failed());
        return r.failed() == 0 ? 0 : 1;
    }

    /** User+system CPU time of this process so far (all threads). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

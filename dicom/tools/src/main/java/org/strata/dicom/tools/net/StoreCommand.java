package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;

/**
 * {@code store -c AET@HOST:PORT [--parallel N] FILE|DIR...}: C-STORE (PS3.7 9.1.1) of every DICOM file,
 * as it is (no transcoding), on N associations at once.
 */
public final class StoreCommand implements Command {

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
        StoreJob job = new StoreJob(new Scu(a), Math.max(1, a.getInt("--parallel", 1)), err);
        List<Part10Source> sources = job.scan(a.positional());
        StoreJob.Result r = job.send(sources);
        out.printf("stored %d, failed %d, %.2f s, %.1f inst/s%n", r.stored(), r.failed(), r.seconds(),
                r.stored() / r.seconds());
        return r.failed() == 0 && !sources.isEmpty() ? 0 : 1;
    }
}

package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.tools.Command;

/** {@code echo -c AET@HOST:PORT [-b AET] [--count N]}: C-ECHO (PS3.7 9.1.5). */
public final class EchoCommand implements Command {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "C-ECHO a remote AE: " + Scu.USAGE_COMMON + " [--count N]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        int count = a.getInt("--count", 1);
        int failed = 0;
        try (NetRuntime runtime = new NetRuntime("echo", 4);
                DimseClient c = scu.open(runtime, new AssociateRqBuilder(scu.calling, scu.called.aeTitle())
                        .addContext(DimseServiceRegistry.VERIFICATION, AssociateRqBuilder.IMPLICIT_VR_LE).build(),
                        new DimseServiceRegistry())) {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                DimseRsp rsp = c.echo();
                out.printf("C-ECHO %s: status %s (%d us)%n", scu.called, Status.toHex(rsp.status()),
                        (System.nanoTime() - t0) / 1000);
                if (rsp.status() != Status.SUCCESS) {
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

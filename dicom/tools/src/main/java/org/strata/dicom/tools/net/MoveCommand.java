package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Priority;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.tools.Command;

/** {@code move -c ... --dest AET [-M ...] [-L STUDY] -m Keyword=value}: C-MOVE (PS3.4 C.4.2). */
public final class MoveCommand implements Command {

    @Override
    public String name() {
        return "move";
    }

    @Override
    public String summary() {
        return "C-MOVE: " + Scu.USAGE_COMMON + " --dest AET [-M StudyRoot|PatientRoot] [-L LEVEL] -m Keyword=value";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        String dest = a.require("--dest", "AET");
        QueryModel model = QueryModel.of(a.get("-M", null));
        String ts = AssociateRqBuilder.IMPLICIT_VR_LE;
        byte[] keys = Scu.encode(Scu.keys(a, a.get("-L", "STUDY")), ts);
        try (NetRuntime runtime = new NetRuntime("move", 4);
                DimseClient c = scu.open(runtime, new AssociateRqBuilder(scu.calling, scu.called.aeTitle())
                        .addContext(model.move, ts).build(), new DimseServiceRegistry())) {
            DimseRsp fin = c.await(c.moveAsync(model.move, ts, Priority.MEDIUM, dest, DataWriter.of(keys),
                    rsp -> out.println("pending: " + counts(rsp))));
            out.printf("C-MOVE to %s: status %s, %s%n", dest, Status.toHex(fin.status()), counts(fin));
            return exitCode(fin);
        }
    }

    static String counts(DimseRsp rsp) {
        return String.format("remaining %d, completed %d, failed %d, warning %d",
                rsp.subOperations(CommandElement.NumberOfRemainingSuboperations),
                rsp.subOperations(CommandElement.NumberOfCompletedSuboperations),
                rsp.subOperations(CommandElement.NumberOfFailedSuboperations),
                rsp.subOperations(CommandElement.NumberOfWarningSuboperations));
    }

    /** Non-zero unless the retrieve succeeded and no sub-operation failed. */
    static int exitCode(DimseRsp fin) {
        return fin.status() == Status.SUCCESS
                && fin.subOperations(CommandElement.NumberOfFailedSuboperations) <= 0 ? 0 : 1;
    }
}

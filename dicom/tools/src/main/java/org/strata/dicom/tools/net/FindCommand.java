package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Priority;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.tools.Command;

/** {@code find -c ... [-M StudyRoot|PatientRoot] [-L STUDY] -m Keyword=value -r Keyword}: C-FIND (PS3.4 C.4.1). */
public final class FindCommand implements Command {

    @Override
    public String name() {
        return "find";
    }

    @Override
    public String summary() {
        return "C-FIND: " + Scu.USAGE_COMMON + " [-M StudyRoot|PatientRoot] [-L LEVEL] -m Keyword=value -r Keyword";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        QueryModel model = QueryModel.of(a.get("-M", null));
        Attributes keys = Scu.keys(a, a.get("-L", "STUDY"));
        String ts = AssociateRqBuilder.IMPLICIT_VR_LE;
        AtomicInteger matches = new AtomicInteger();
        try (NetRuntime runtime = new NetRuntime("find", 4);
                DimseClient c = scu.open(runtime, new AssociateRqBuilder(scu.calling, scu.called.aeTitle())
                        .addContext(model.find, ts).build(), new DimseServiceRegistry())) {
            DimseRsp fin = c.await(c.findAsync(model.find, ts, Priority.MEDIUM, DataWriter.of(Scu.encode(keys, ts)),
                    rsp -> {
                        out.println("match " + matches.incrementAndGet() + ":");
                        try {
                            Scu.print(Scu.decode(rsp.dataSet(), rsp.transferSyntax()), out);
                        } catch (java.io.IOException e) {
                            err.println("undecodable match: " + e.getMessage());
                        }
                    }));
            out.printf("C-FIND %s: %d matches, final status %s%n", scu.called, matches.get(), Status.toHex(fin.status()));
            return fin.status() == Status.SUCCESS ? 0 : 1;
        }
    }
}

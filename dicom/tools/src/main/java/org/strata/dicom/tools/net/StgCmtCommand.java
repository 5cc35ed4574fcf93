package org.strata.dicom.tools.net;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseException;
import org.strata.dicom.net.dimse.DimseResponse;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.NRequest;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.pdu.UserInformation;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;

/**
 * {@code stgcmt -c AET@HOST:PORT [-b AET] [--port N] [--wait S] [--tx UID] [--ref CLASS=INSTANCE]
 * FILE|DIR...}: Storage Commitment Push Model SCU (PS3.4 J.3). Sends the N-ACTION "Request Storage
 * Commitment" for the instances of the files (and {@code --ref}s), then waits for the
 * N-EVENT-REPORT: on the same association, or with {@code --port} on a listener of our AE, the
 * association released after the N-ACTION-RSP (the SCP then opens a new one as SCP by role
 * selection); with {@code --no-wait} it releases and leaves the report to whatever listens at our
 * AE's address. Prints the report; exits 0 only when every instance was committed.
 */
public final class StgCmtCommand implements Command {

    static final String STGCMT = UID.StorageCommitmentPushModel;
    static final String EXPLICIT = AssociateRqBuilder.EXPLICIT_VR_LE;
    static final String IMPLICIT = AssociateRqBuilder.IMPLICIT_VR_LE;

    /** A received N-EVENT-REPORT: how it came and its Event Information. */
    record Report(String how, int eventType, Attributes info) {
    }

    @Override
    public String name() {
        return "stgcmt";
    }

    @Override
    public String summary() {
        return "Storage Commitment SCU: " + Scu.USAGE_COMMON
                + " [--port N (report on a new association) | --no-wait] [--wait SECONDS] [--tx UID] [--ref CLASS=INSTANCE]"
                + " FILE|DIR...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of("--no-wait"));
        Scu scu = new Scu(a);
        AtomicInteger unreadable = new AtomicInteger();
        Attributes action = actionInformation(a, StoreJob.scan(a.positional(), err, unreadable));
        int requested = action.getSequence(Tag.ReferencedSOPSequence).size();
        if (requested == 0) {
            err.println("stgcmt: no instance to commit");
            return 1;
        }
        long waitSeconds = a.getInt("--wait", 60);
        CompletableFuture<Report> report = new CompletableFuture<>();
        try (NetRuntime runtime = new NetRuntime("stgcmt", 16)) {
            DicomListener listener = a.has("--port") ? listen(a, scu.calling, runtime, report) : null;
            try {
                long t0 = System.nanoTime();
                DimseRsp rsp;
                DimseClient c = scu.open(runtime, associateRq(scu), incoming("same association", report));
                try {
                    rsp = c.await(c.nAsync(new NRequest(CommandField.N_ACTION_RQ, null, STGCMT,
                            UID.StorageCommitmentPushModelInstance, null, 1, null),
                            encoded(c, action)));
                    out.printf("N-ACTION %s (transaction %s, %d instances): status %s%s%n", scu.called,
                            action.getString(Tag.TransactionUID), requested, Status.toHex(rsp.status()),
                            rsp.errorComment() == null ? "" : " " + rsp.errorComment());
                    if (rsp.status() != Status.SUCCESS) {
                        return 1;
                    }
                    if (a.has("--no-wait")) {
                        return 0; // the report goes to the AE table's address of our AE title
                    }
                    if (listener != null) {
                        c.release(); // PS3.4 J.3.3: the report now comes on a new association
                    }
                    return print(report.get(waitSeconds, TimeUnit.SECONDS), requested, unreadable.get(),
                            (System.nanoTime() - t0) / 1_000_000, out);
                } catch (TimeoutException e) {
                    err.println("stgcmt: no N-EVENT-REPORT within " + waitSeconds + " s");
                    return 2;
                } finally {
                    c.close();
                }
            } finally {
                if (listener != null) {
                    listener.close();
                }
            }
        }
    }

    /** PS3.4 J.3.2.1.1 Table J.3-1: Transaction UID and the Referenced SOP Sequence. */
    static Attributes actionInformation(Args a, List<Part10Source> files) {
        Attributes ds = new Attributes().setString(Tag.TransactionUID, VR.UI,
                a.get("--tx", org.strata.dicom.core.Uids.random()));
        Sequence refs = ds.newSequence(Tag.ReferencedSOPSequence);
        for (Part10Source f : files) {
            refs.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, f.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.sopInstanceUid());
        }
        for (String ref : a.all("--ref")) {
            int eq = ref.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected --ref CLASS=INSTANCE, got " + ref);
            }
            refs.newItem().setString(Tag.ReferencedSOPClassUID, VR.UI, ref.substring(0, eq))
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, ref.substring(eq + 1));
        }
        return ds;
    }


    private static org.strata.dicom.net.pdu.AssociateRq associateRq(Scu scu) {
        return new AssociateRqBuilder(scu.calling, scu.called.aeTitle()).addContext(STGCMT, EXPLICIT, IMPLICIT)
                .userInformation(UserInformation.builder().maxPduLength(256 * 1024).build()).build();
    }

    private static DataWriter encoded(DimseClient c, Attributes ds) throws IOException {
        String ts = c.channel().transferSyntax(c.presentationContext(STGCMT, null));
        return DataWriter.of(Scu.encode(ds, ts));
    }

    /** Receives the N-EVENT-REPORT (PS3.4 J.3.3) and answers success. */
    static DimseServiceRegistry incoming(String how, CompletableFuture<Report> report) {
        return DimseServiceRegistry.withEcho().register(STGCMT, rq -> {
            if (rq.commandField() != CommandField.N_EVENT_REPORT_RQ) {
                throw new DimseException(Status.UNRECOGNIZED_OPERATION, rq.commandField() + " not expected");
            }
            Attributes info = Scu.decode(rq.readDataSet(), rq.transferSyntax());
            report.complete(new Report(how + " " + rq.association().name(),
                    rq.command().getInt(CommandElement.EventTypeID, 0), info));
            return DimseResponse.SUCCESS;
        });
    }

    /** Our AE as the SCU-role acceptor of the report's association (PS3.7 D.3.3.4 role selection). */
    private static DicomListener listen(Args a, String aeTitle, NetRuntime runtime, CompletableFuture<Report> report)
            throws IOException {
        List<String> ts = List.of(EXPLICIT, IMPLICIT);
        ApplicationEntityConfig ae = ApplicationEntityConfig.of(aeTitle, List.of(
                new TransferCapability(DimseServiceRegistry.VERIFICATION, Role.SCP, ts),
                new TransferCapability(STGCMT, Role.SCU, ts), new TransferCapability(STGCMT, Role.SCP, ts)));
        DimseServiceRegistry registry = incoming("new association", report);
        return DicomListener.start(ListenerConfig.of(a.get("--host", "0.0.0.0"), a.getInt("--port", 0), ae),
                runtime, AcceptorServices.of(DimseChannel.factory(registry, runtime)));
    }

    /** Prints the report: counts, then each failure with its reason (PS3.3 C.14.1.1). */
    static int print(Report r, int requested, int unreadable, long millis, PrintStream out) {
        Sequence ok = r.info().getSequence(Tag.ReferencedSOPSequence);
        Sequence failed = r.info().getSequence(Tag.FailedSOPSequence);
        int committed = ok == null ? 0 : ok.size();
        int failures = failed == null ? 0 : failed.size();
        out.printf("N-EVENT-REPORT on %s: event type %d, transaction %s, %d committed, %d failed (%d ms)%n",
                r.how(), r.eventType(), r.info().getString(Tag.TransactionUID), committed, failures, millis);
        List<String> lines = new ArrayList<>();
        if (failed != null) {
            for (Attributes f : failed) {
                lines.add(String.format("FAILED %s %s reason %04X", f.getString(Tag.ReferencedSOPClassUID),
                        f.getString(Tag.ReferencedSOPInstanceUID), f.getInt(Tag.FailureReason, 0)));
            }
        }
        lines.forEach(out::println);
        boolean allCommitted = r.eventType() == 1 && failures == 0 && committed == requested && unreadable == 0;
        return allCommitted ? 0 : 1;
    }

}

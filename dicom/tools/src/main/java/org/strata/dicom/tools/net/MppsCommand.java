package org.strata.dicom.tools.net;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.CommandElement;
import org.strata.dicom.net.dimse.CommandField;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.NRequest;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;

/**
 * {@code mpps -c AET@HOST:PORT [-b AET] create|set ...}: Modality Performed Procedure Step SCU
 * (PS3.4 F.7). {@code create [--uid UID] [--sps-id ID] [--from FILE] FILE|DIR...} sends the N-CREATE
 * IN PROGRESS, built from the study's files (patient, study and scheduled step) or taken as-is
 * from a DICOM file; {@code set --uid UID --status COMPLETED|DISCONTINUED [--reason CODE]
 * [--from FILE] FILE|DIR...} sends the N-SET with end date/time and the performed series of the
 * files. Prints the status and the MPPS SOP Instance UID; exits 0 on success.
 */
public final class MppsCommand implements Command {

    static final String MPPS = UID.ModalityPerformedProcedureStep;

    @Override
    public String name() {
        return "mpps";
    }

    @Override
    public String summary() {
        return "MPPS SCU: " + Scu.USAGE_COMMON + " create [--uid UID] [--sps-id ID] [--from FILE] FILE|DIR... |"
                + " set --uid UID --status COMPLETED|DISCONTINUED [--reason CODE] [--from FILE] FILE|DIR...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        List<String> positional = a.positional();
        if (positional.isEmpty() || !(positional.get(0).equals("create") || positional.get(0).equals("set"))) {
            err.println("mpps: expected create or set");
            return 2;
        }
        boolean create = positional.get(0).equals("create");
        AtomicInteger unreadable = new AtomicInteger();
        List<Part10Source> files = StoreJob.scan(positional.subList(1, positional.size()), err, unreadable);
        Attributes ds = a.has("--from") ? readDataSet(Path.of(a.get("--from", null)))
                : create ? inProgress(a, files) : finished(a, files);
        String uid = a.get("--uid", null);
        if (!create && uid == null) {
            err.println("mpps set: --uid UID required");
            return 2;
        }
        Scu scu = new Scu(a);
        try (NetRuntime runtime = new NetRuntime("mpps", 8);
                DimseClient c = scu.open(runtime, new AssociateRqBuilder(scu.calling, scu.called.aeTitle())
                        .addContext(MPPS, AssociateRqBuilder.EXPLICIT_VR_LE, AssociateRqBuilder.IMPLICIT_VR_LE)
                        .build(), DimseServiceRegistry.withEcho())) {
            String ts = c.channel().transferSyntax(c.presentationContext(MPPS, null));
            DimseRsp rsp = c.await(c.nAsync(new NRequest(create ? CommandField.N_CREATE_RQ : CommandField.N_SET_RQ,
                    null, MPPS, uid, null, 0, null), DataWriter.of(Scu.encode(ds, ts))));
            String affected = rsp.command().getString(CommandElement.AffectedSOPInstanceUID);
            out.printf("%s MPPS %s: status %s%s%n", create ? "N-CREATE" : "N-SET", affected != null ? affected : uid,
                    Status.toHex(rsp.status()), rsp.errorComment() == null ? "" : " " + rsp.errorComment());
            return rsp.status() == Status.SUCCESS && unreadable.get() == 0 ? 0 : 1;
        }
    }

    static Attributes readDataSet(Path file) throws IOException {
        DicomFile f = Part10Reader.read(file, ReadOptions.builder().build());
        return f.dataset();
    }

    /** PS3.4 Table F.7.2-1, N-CREATE: patient, scheduled step and performed step in IN PROGRESS. */
    static Attributes inProgress(Args a, List<Part10Source> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("mpps create: give the study's files or --from FILE");
        }
        Attributes first = readDataSet(files.get(0).file());
        Attributes ds = new Attributes();
        copy(first, ds, Tag.SpecificCharacterSet, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
                Tag.StudyID);
        ds.newSequence(Tag.ReferencedPatientSequence);
        Attributes step = ds.newSequence(Tag.ScheduledStepAttributesSequence).newItem();
        copy(first, step, Tag.StudyInstanceUID, Tag.AccessionNumber);
        step.setString(Tag.ScheduledProcedureStepID, VR.SH, a.get("--sps-id", ""));
        step.setString(Tag.RequestedProcedureID, VR.SH, a.get("--requested-procedure-id", ""));
        step.newSequence(Tag.ReferencedStudySequence);
        step.setString(Tag.RequestedProcedureDescription, VR.LO);
        step.setString(Tag.ScheduledProcedureStepDescription, VR.LO);
        step.newSequence(Tag.ScheduledProtocolCodeSequence);
        LocalDateTime now = LocalDateTime.now();
        ds.setString(Tag.PerformedProcedureStepID, VR.SH, a.get("--pps-id", "PPS" + (System.currentTimeMillis() % 1_000_000_000L)));
        ds.setString(Tag.PerformedStationAETitle, VR.AE, a.get("-b", "STRATA-SCU"));
        ds.setString(Tag.PerformedStationName, VR.SH);
        ds.setString(Tag.PerformedLocation, VR.SH);
        ds.setString(Tag.PerformedProcedureStepStartDate, VR.DA, now.format(DateTimeFormatter.BASIC_ISO_DATE));
        ds.setString(Tag.PerformedProcedureStepStartTime, VR.TM, now.format(DateTimeFormatter.ofPattern("HHmmss")));
        ds.setString(Tag.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
        ds.setString(Tag.PerformedProcedureStepDescription, VR.LO);
        ds.setString(Tag.PerformedProcedureTypeDescription, VR.LO);
        ds.newSequence(Tag.ProcedureCodeSequence);
        ds.setString(Tag.PerformedProcedureStepEndDate, VR.DA);
        ds.setString(Tag.PerformedProcedureStepEndTime, VR.TM);
        ds.setString(Tag.Modality, VR.CS, first.getString(Tag.Modality, "OT"));
        ds.newSequence(Tag.PerformedProtocolCodeSequence);
        ds.newSequence(Tag.PerformedSeriesSequence);
        return ds;
    }

    /** PS3.4 Table F.7.2-1, N-SET to a final state: end date/time and the performed series of the files. */
    static Attributes finished(Args a, List<Part10Source> files) throws IOException {
        String status = a.get("--status", "COMPLETED");
        Attributes ds = new Attributes().setString(Tag.PerformedProcedureStepStatus, VR.CS, status);
        LocalDateTime now = LocalDateTime.now();
        if (!status.equals("IN PROGRESS")) {
            ds.setString(Tag.PerformedProcedureStepEndDate, VR.DA, now.format(DateTimeFormatter.BASIC_ISO_DATE));
            ds.setString(Tag.PerformedProcedureStepEndTime, VR.TM, now.format(DateTimeFormatter.ofPattern("HHmmss")));
        }
        if (a.has("--reason")) {
            ds.newSequence(Tag.PerformedProcedureStepDiscontinuationReasonCodeSequence).newItem()
                    .setString(Tag.CodeValue, VR.SH, a.get("--reason", null))
                    .setString(Tag.CodingSchemeDesignator, VR.SH, "DCM")
                    .setString(Tag.CodeMeaning, VR.LO, a.get("--reason", null).equals("110514")
                            ? "Incorrect worklist entry selected" : "Discontinued");
        }
        Map<String, Attributes> series = new LinkedHashMap<>();
        Sequence seq = ds.newSequence(Tag.PerformedSeriesSequence);
        for (Part10Source f : files) {
            Attributes inst = readDataSet(f.file());
            Attributes item = series.computeIfAbsent(inst.getString(Tag.SeriesInstanceUID), uid -> {
                Attributes s = seq.newItem().setString(Tag.SeriesInstanceUID, VR.UI, uid)
                        .setString(Tag.ProtocolName, VR.LO, inst.getString(Tag.ProtocolName, "STRATA"))
                        .setString(Tag.SeriesDescription, VR.LO, inst.getString(Tag.SeriesDescription, ""))
                        .setString(Tag.PerformingPhysicianName, VR.PN)
                        .setString(Tag.OperatorsName, VR.PN)
                        .setString(Tag.RetrieveAETitle, VR.AE);
                s.newSequence(Tag.ReferencedImageSequence);
                s.newSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence);
                return s;
            });
            item.getSequence(Tag.ReferencedImageSequence).newItem()
                    .setString(Tag.ReferencedSOPClassUID, VR.UI, f.sopClassUid())
                    .setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.sopInstanceUid());
        }
        return ds;
    }

    private static void copy(Attributes from, Attributes to, int... tags) {
        for (int tag : tags) {
            if (from.contains(tag)) {
                to.setValue(tag, from.getVR(tag), from.getValue(tag));
            } else if (tag != Tag.SpecificCharacterSet) {
                to.setString(tag, org.strata.dicom.core.dict.ElementDictionary.standard().lookup(tag)
                        .map(e -> e.defaultVR()).orElse(VR.LO));
            }
        }
    }
}

package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.strata.dicom.core.UID;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DataWriter;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Priority;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.pdu.RoleSelection;
import org.strata.dicom.net.pdu.UserInformation;
import org.strata.dicom.net.service.StorageDirectory;
import org.strata.dicom.tools.Command;

/**
 * {@code get -c ... [-o DIR] -m Keyword=value}: C-GET (PS3.4 C.4.3); the instances arrive as C-STORE
 * sub-operations on the same association, for which we propose the storage SOP classes with the SCP
 * role (PS3.7 D.3.3.4), and are written to DIR.
 */
public final class GetCommand implements Command {

    private static final int MAX_STORAGE_CONTEXTS = 120;

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String summary() {
        return "C-GET into a directory: " + Scu.USAGE_COMMON
                + " [-o DIR] [--sop-class UID]... [-M ...] [-L LEVEL] -m Keyword=value";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        QueryModel model = QueryModel.of(a.get("-M", null));
        String ts = AssociateRqBuilder.IMPLICIT_VR_LE;
        byte[] keys = Scu.encode(Scu.keys(a, a.get("-L", "STUDY")), ts);
        AssociateRqBuilder rq = new AssociateRqBuilder(scu.calling, scu.called.aeTitle()).addContext(model.get, ts);
        UserInformation.Builder ui = UserInformation.builder();
        for (String sopClass : storageSopClasses(a)) {
            rq.addContext(sopClass, AssociateRqBuilder.EXPLICIT_VR_LE, AssociateRqBuilder.IMPLICIT_VR_LE);
            ui.addRoleSelection(new RoleSelection(sopClass, false, true));
        }
        rq.userInformation(ui.build());
        DimseServiceRegistry incoming = new DimseServiceRegistry()
                .register(DimseServiceRegistry.ANY, new StorageDirectory(Path.of(a.get("-o", "."))));
        try (NetRuntime runtime = new NetRuntime("get", 8);
                DimseClient c = scu.open(runtime, rq.build(), incoming)) {
            DimseRsp fin = c.await(c.getAsync(model.get, ts, Priority.MEDIUM, DataWriter.of(keys),
                    rsp -> out.println("pending: " + MoveCommand.counts(rsp))));
            out.printf("C-GET: status %s, %s%n", Status.toHex(fin.status()), MoveCommand.counts(fin));
            return MoveCommand.exitCode(fin);
        }
    }

    /** Common storage SOP classes first, so they are inside the 128 presentation context limit. */
    private static final List<String> COMMON = List.of("CTImageStorage", "EnhancedCTImageStorage", "MRImageStorage",
            "EnhancedMRImageStorage", "UltrasoundImageStorage", "UltrasoundMultiFrameImageStorage",
            "SecondaryCaptureImageStorage", "ComputedRadiographyImageStorage",
            "DigitalXRayImageStorageForPresentation", "DigitalMammographyXRayImageStorageForPresentation",
            "NuclearMedicineImageStorage", "PositronEmissionTomographyImageStorage", "XRayAngiographicImageStorage",
            "VLPhotographicImageStorage", "RTImageStorage", "RTDoseStorage", "RTStructureSetStorage", "RTPlanStorage",
            "RTIonPlanStorage", "BasicTextSRStorage", "EnhancedSRStorage", "ComprehensiveSRStorage",
            "KeyObjectSelectionDocumentStorage", "GrayscaleSoftcopyPresentationStateStorage",
            "EncapsulatedPDFStorage", "SegmentationStorage", "TwelveLeadECGWaveformStorage");

    /** {@code --sop-class UID} options, or the common storage SOP classes, then others of the dictionary. */
    static List<String> storageSopClasses(Args a) throws ReflectiveOperationException {
        if (a.has("--sop-class")) {
            return a.all("--sop-class");
        }
        List<String> uids = new ArrayList<>();
        for (String name : COMMON) {
            uids.add((String) UID.class.getField(name).get(null));
        }
        for (Field f : UID.class.getFields()) {
            String uid = (String) f.get(null);
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("Storage")
                    && uids.size() < MAX_STORAGE_CONTEXTS && !uids.contains(uid)) {
                uids.add(uid);
            }
        }
        return uids;
    }
}

package org.strata.dicom.media;

import java.util.HashMap;
import java.util.Map;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.UID;

/**
 * Which instance-level directory record a stored instance gets (PS3.3 F.4, Table F.4-1 and the
 * record definitions of F.5; PS3.11 profiles list the same pairs). Anything not listed is an
 * IMAGE record, as PS3.3 F.5.18 covers every image storage SOP class.
 */
public final class SopClassRecordTypes {

    private static final Map<String, RecordType> BY_SOP_CLASS = new HashMap<>();

    static {
        put(RecordType.RT_DOSE, UID.RTDoseStorage);
        put(RecordType.RT_STRUCTURE_SET, UID.RTStructureSetStorage);
        put(RecordType.RT_PLAN, UID.RTPlanStorage, UID.RTIonPlanStorage);
        put(RecordType.RT_TREAT_RECORD, UID.RTBeamsTreatmentRecordStorage, UID.RTBrachyTreatmentRecordStorage,
                UID.RTTreatmentSummaryRecordStorage, UID.RTIonBeamsTreatmentRecordStorage);
        put(RecordType.PRESENTATION, UID.GrayscaleSoftcopyPresentationStateStorage,
                UID.ColorSoftcopyPresentationStateStorage, UID.PseudoColorSoftcopyPresentationStateStorage,
                UID.BlendingSoftcopyPresentationStateStorage, UID.XAXRFGrayscaleSoftcopyPresentationStateStorage,
                UID.AdvancedBlendingPresentationStateStorage);
        put(RecordType.WAVEFORM, UID.TwelveLeadECGWaveformStorage, UID.GeneralECGWaveformStorage,
                UID.AmbulatoryECGWaveformStorage, UID.HemodynamicWaveformStorage,
                UID.CardiacElectrophysiologyWaveformStorage, UID.BasicVoiceAudioWaveformStorage,
                UID.GeneralAudioWaveformStorage, UID.ArterialPulseWaveformStorage, UID.RespiratoryWaveformStorage,
                UID.MultichannelRespiratoryWaveformStorage, UID.RoutineScalpElectroencephalogramWaveformStorage,
                UID.ElectromyogramWaveformStorage, UID.ElectrooculogramWaveformStorage,
                UID.SleepElectroencephalogramWaveformStorage, UID.BodyPositionWaveformStorage);
        put(RecordType.SR_DOCUMENT, UID.BasicTextSRStorage, UID.EnhancedSRStorage, UID.ComprehensiveSRStorage,
                UID.Comprehensive3DSRStorage, UID.ExtensibleSRStorage, UID.ProcedureLogStorage,
                UID.MammographyCADSRStorage, UID.ChestCADSRStorage, UID.ColonCADSRStorage,
                UID.XRayRadiationDoseSRStorage, UID.EnhancedXRayRadiationDoseSRStorage,
                UID.RadiopharmaceuticalRadiationDoseSRStorage, UID.PatientRadiationDoseSRStorage,
                UID.SpectaclePrescriptionReportStorage, UID.MacularGridThicknessAndVolumeReportStorage,
                UID.ImplantationPlanSRStorage, UID.AcquisitionContextSRStorage, UID.SimplifiedAdultEchoSRStorage,
                UID.PlannedImagingAgentAdministrationSRStorage, UID.PerformedImagingAgentAdministrationSRStorage);
        put(RecordType.KEY_OBJECT_DOC, UID.KeyObjectSelectionDocumentStorage);
        put(RecordType.SPECTROSCOPY, UID.MRSpectroscopyStorage);
        put(RecordType.RAW_DATA, UID.RawDataStorage);
        put(RecordType.REGISTRATION, UID.SpatialRegistrationStorage, UID.DeformableSpatialRegistrationStorage);
        put(RecordType.FIDUCIAL, UID.SpatialFiducialsStorage);
        put(RecordType.ENCAP_DOC, UID.EncapsulatedPDFStorage, UID.EncapsulatedCDAStorage, UID.EncapsulatedSTLStorage,
                UID.EncapsulatedOBJStorage, UID.EncapsulatedMTLStorage);
        put(RecordType.VALUE_MAP, UID.RealWorldValueMappingStorage);
        put(RecordType.STEREOMETRIC, UID.StereometricRelationshipStorage);
        put(RecordType.MEASUREMENT, UID.LensometryMeasurementsStorage, UID.AutorefractionMeasurementsStorage,
                UID.KeratometryMeasurementsStorage, UID.SubjectiveRefractionMeasurementsStorage,
                UID.VisualAcuityMeasurementsStorage, UID.OphthalmicAxialMeasurementsStorage,
                UID.OphthalmicVisualFieldStaticPerimetryMeasurementsStorage);
        put(RecordType.SURFACE, UID.SurfaceSegmentationStorage);
        put(RecordType.SURFACE_SCAN, UID.SurfaceScanMeshStorage, UID.SurfaceScanPointCloudStorage);
        put(RecordType.TRACT, UID.TractographyResultsStorage);
        put(RecordType.ASSESSMENT, UID.ContentAssessmentResultsStorage);
    }

    /**
     * SOP classes whose records sit at the root, not under PATIENT (PS3.3 F.4: HANGING PROTOCOL,
     * PALETTE, IMPLANT, IMPLANT ASSY, IMPLANT GROUP). Not supported by this writer.
     */
    private static final java.util.Set<String> ROOT_LEVEL = java.util.Set.of(UID.HangingProtocolStorage,
            UID.ColorPaletteStorage, UID.GenericImplantTemplateStorage, UID.ImplantAssemblyTemplateStorage,
            UID.ImplantTemplateGroupStorage);

    private SopClassRecordTypes() {
    }

    private static void put(RecordType type, String... sopClasses) {
        for (String uid : sopClasses) {
            BY_SOP_CLASS.put(uid, type);
        }
    }

    /** Whether instances of {@code sopClassUid} need a root-level record (unsupported here). */
    public static boolean isRootLevel(String sopClassUid) {
        return ROOT_LEVEL.contains(sopClassUid);
    }

    /** The instance-level record type for a data set (PS3.3 F.4). */
    public static RecordType forInstance(Attributes dataset) {
        String modality = dataset.getString(Tag.Modality, "");
        // PS3.3 F.5.33 / F.5.27: RT second-generation objects and planning by modality
        if (modality.equals("RTINTENT") || modality.equals("RTSEGANN") || modality.equals("RTRAD")) {
            return RecordType.RADIOTHERAPY;
        }
        if (modality.equals("PLAN")) {
            return RecordType.PLAN;
        }
        return forSopClass(dataset.getString(Tag.SOPClassUID, ""));
    }

    public static RecordType forSopClass(String sopClassUid) {
        return BY_SOP_CLASS.getOrDefault(sopClassUid, RecordType.IMAGE);
    }
}

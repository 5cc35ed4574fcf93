package org.strata.dicom.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * Arranges instances into the PATIENT / STUDY / SERIES / instance record tree of PS3.3 F.4.
 * Patients are keyed by Patient ID alone (PS3.11 D.3.3: Patient ID unique per PATIENT record),
 * studies by Study Instance UID, series by Series Instance UID; records keep the order of first
 * appearance. Not thread-safe.
 */
public final class DirectoryTreeBuilder {

    private final DirectoryRecords records = new DirectoryRecords();
    private final Map<String, Level> patients = new LinkedHashMap<>();

    /**
     * Adds one instance stored under {@code fileId} in transfer syntax {@code tsUid}.
     *
     * @return the instance-level node created
     */
    public DirectoryNode add(Attributes dataset, FileId fileId, String tsUid) {
        String sopClass = dataset.getString(Tag.SOPClassUID, "").trim();
        String sopInstance = dataset.getString(Tag.SOPInstanceUID, "").trim();
        if (sopClass.isEmpty() || sopInstance.isEmpty()) {
            throw new IllegalArgumentException(fileId + ": no SOP Class/Instance UID");
        }
        if (SopClassRecordTypes.isRootLevel(sopClass)) {
            throw new IllegalArgumentException(fileId + ": SOP class " + sopClass
                    + " needs a root-level record (HANGING PROTOCOL, PALETTE, IMPLANT…), not supported");
        }
        Level patient = patients.computeIfAbsent(patientKey(dataset),
                k -> new Level(records.create(RecordType.PATIENT, dataset)));
        Level study = patient.child(dataset.getString(Tag.StudyInstanceUID, "").trim(),
                () -> records.create(RecordType.STUDY, dataset));
        Level series = study.child(dataset.getString(Tag.SeriesInstanceUID, "").trim(),
                () -> records.create(RecordType.SERIES, dataset));
        Attributes leaf = records.create(SopClassRecordTypes.forInstance(dataset), dataset);
        // PS3.3 F.3.2.2: references to the file
        leaf.setString(Tag.ReferencedFileID, VR.CS, fileId.values());
        leaf.setString(Tag.ReferencedSOPClassUIDInFile, VR.UI, sopClass);
        leaf.setString(Tag.ReferencedSOPInstanceUIDInFile, VR.UI, sopInstance);
        leaf.setString(Tag.ReferencedTransferSyntaxUIDInFile, VR.UI, tsUid);
        return series.node.add(new DirectoryNode(leaf));
    }

    /** Patient ID as the key; a missing one groups under the record's invented ID. */
    public static String patientKey(Attributes dataset) {
        return dataset.getString(Tag.PatientID, "").trim();
    }

    /** The root directory entity: PATIENT records in order of first appearance. */
    public List<DirectoryNode> roots() {
        List<DirectoryNode> roots = new ArrayList<>();
        patients.values().forEach(l -> roots.add(l.node));
        return roots;
    }

    /** Keys invented for instances that lacked them (see {@link DirectoryRecords#notes()}). */
    public List<String> notes() {
        return records.notes();
    }

    private static final class Level {
        final DirectoryNode node;
        final Map<String, Level> children = new LinkedHashMap<>();

        Level(Attributes record) {
            this.node = new DirectoryNode(record);
        }

        Level child(String key, java.util.function.Supplier<Attributes> record) {
            return children.computeIfAbsent(key, k -> {
                Level l = new Level(record.get());
                node.add(l.node);
                return l;
            });
        }
    }
}

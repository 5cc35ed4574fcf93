package org.strata.dicom.media;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Assigns File IDs of the form {@code DICOM/PAT00001/STU00001/SER00001/IMG00001} (PS3.10 8.2:
 * the names carry no meaning). Numbers are handed out in the order instances are offered, so the
 * same input order always gives the same IDs; the same SOP Instance UID offered twice gets the
 * same ID. Not thread-safe: one generator per file-set being composed.
 */
public final class FileIdGenerator {

    private static final int MAX_NUMBER = 99_999;

    private final String rootComponent;
    private final Map<String, Level> patients = new HashMap<>();
    private final Map<String, FileId> byInstance = new HashMap<>();
    private final Set<FileId> issued = new HashSet<>();

    /** A generator under the top-level folder {@code DICOM}. */
    public FileIdGenerator() {
        this("DICOM");
    }

    public FileIdGenerator(String rootComponent) {
        if (!FileId.isValidComponent(rootComponent)) {
            throw new IllegalArgumentException("invalid File ID component: " + rootComponent);
        }
        this.rootComponent = rootComponent;
    }

    /** The File ID for an instance, given the keys of its patient, study and series. */
    public FileId next(String patientKey, String studyUid, String seriesUid, String sopInstanceUid) {
        FileId known = byInstance.get(sopInstanceUid);
        if (known != null) {
            return known;
        }
        Level patient = patients.computeIfAbsent(patientKey, k -> new Level("PAT", patients.size() + 1));
        Level study = patient.child(studyUid, "STU");
        Level series = study.child(seriesUid, "SER");
        FileId id = FileId.of(rootComponent, patient.name, study.name, series.name,
                component("IMG", ++series.leaves));
        byInstance.put(sopInstanceUid, id);
        issued.add(id);
        return id;
    }

    /** Whether {@code id} was handed out by this generator. */
    public boolean issued(FileId id) {
        return issued.contains(id);
    }

    static String component(String prefix, int number) {
        if (number > MAX_NUMBER) {
            throw new IllegalStateException("more than " + MAX_NUMBER + " entries below one " + prefix + " level");
        }
        return prefix + String.format("%05d", number);
    }

    private static final class Level {
        final String name;
        final Map<String, Level> children = new HashMap<>();
        int leaves;

        Level(String prefix, int number) {
            this.name = component(prefix, number);
        }

        Level child(String key, String prefix) {
            return children.computeIfAbsent(key, k -> new Level(prefix, children.size() + 1));
        }
    }
}

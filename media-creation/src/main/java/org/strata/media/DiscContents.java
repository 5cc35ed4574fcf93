package org.strata.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.Part10Reader;
import org.strata.dicom.core.io.ReadOptions;
import org.strata.dicom.media.FileSet;

/**
 * What one piece of media holds, patient by study by series, read from the headers of the files of
 * its file-set: for INDEX.HTM, README.TXT and the label.
 */
public record DiscContents(String fileSetId, int piece, int pieces, List<PatientEntry> patients) {

    public record PatientEntry(String name, String id, String birthDate, String sex, List<StudyEntry> studies) {
    }

    public record StudyEntry(String uid, String date, String description, String accessionNumber,
                             String institution, List<SeriesEntry> series) {
    }

    /** @param firstFile the series' first file on the medium, for its thumbnail */
    public record SeriesEntry(String uid, String modality, String number, String description, int instances,
                              Path firstFile) {
    }

    private static final ReadOptions HEADER = ReadOptions.builder().stopBeforePixelData().build();

    /** An instance on the medium: its header (the data set up to the pixel data) and its file. */
    public record Instance(Attributes header, Path file) {
    }

    /** Reads the header of every file of {@code fs}. */
    public static DiscContents of(FileSet fs, String fileSetId, int piece, int pieces) throws IOException {
        List<Instance> instances = new ArrayList<>(fs.entries().size());
        for (FileSet.Entry e : fs.entries()) {
            Path file = e.fileId().resolve(fs.root());
            instances.add(new Instance(Part10Reader.read(file, HEADER).dataset(), file));
        }
        return of(fileSetId, piece, pieces, instances);
    }

    /** From headers already read (a media job has them from planning: no file read again). */
    public static DiscContents of(String fileSetId, int piece, int pieces, List<Instance> instances) {
        Map<String, Patient> patients = new LinkedHashMap<>();
        for (Instance i : instances) {
            Path file = i.file();
            Attributes ds = i.header();
            String pid = s(ds, Tag.PatientID);
            Patient p = patients.computeIfAbsent(pid + "\\" + s(ds, Tag.PatientName), k -> new Patient(ds));
            Study st = p.studies.computeIfAbsent(s(ds, Tag.StudyInstanceUID), k -> new Study(ds));
            Series se = st.series.computeIfAbsent(s(ds, Tag.SeriesInstanceUID), k -> new Series(ds, file));
            se.count++;
        }
        List<PatientEntry> list = new ArrayList<>();
        for (Patient p : patients.values()) {
            list.add(p.entry());
        }
        return new DiscContents(fileSetId, piece, pieces, List.copyOf(list));
    }

    /** Modalities in the order first seen. */
    public List<String> modalities() {
        List<String> m = new ArrayList<>();
        patients.forEach(p -> p.studies().forEach(st -> st.series().forEach(se -> {
            if (!se.modality().isEmpty() && !m.contains(se.modality())) {
                m.add(se.modality());
            }
        })));
        return m;
    }

    public int instances() {
        return patients.stream().flatMap(p -> p.studies().stream()).flatMap(st -> st.series().stream())
                .mapToInt(SeriesEntry::instances).sum();
    }

    static String s(Attributes ds, int tag) {
        return ds.getString(tag, "").trim();
    }

    private static final class Patient {
        final String name;
        final String id;
        final String birthDate;
        final String sex;
        final Map<String, Study> studies = new LinkedHashMap<>();

        Patient(Attributes ds) {
            name = s(ds, Tag.PatientName);
            id = s(ds, Tag.PatientID);
            birthDate = s(ds, Tag.PatientBirthDate);
            sex = s(ds, Tag.PatientSex);
        }

        PatientEntry entry() {
            List<StudyEntry> list = new ArrayList<>();
            studies.values().forEach(st -> list.add(st.entry()));
            return new PatientEntry(name, id, birthDate, sex, List.copyOf(list));
        }
    }

    private static final class Study {
        final String uid;
        final String date;
        final String description;
        final String accession;
        final String institution;
        final Map<String, Series> series = new LinkedHashMap<>();

        Study(Attributes ds) {
            uid = s(ds, Tag.StudyInstanceUID);
            date = s(ds, Tag.StudyDate);
            description = s(ds, Tag.StudyDescription);
            accession = s(ds, Tag.AccessionNumber);
            institution = s(ds, Tag.InstitutionName);
        }

        StudyEntry entry() {
            List<SeriesEntry> list = new ArrayList<>();
            series.values().forEach(se -> list.add(new SeriesEntry(se.uid, se.modality, se.number, se.description,
                    se.count, se.firstFile)));
            return new StudyEntry(uid, date, description, accession, institution, List.copyOf(list));
        }
    }

    private static final class Series {
        final String uid;
        final String modality;
        final String number;
        final String description;
        final Path firstFile;
        int count;

        Series(Attributes ds, Path firstFile) {
            uid = s(ds, Tag.SeriesInstanceUID);
            modality = s(ds, Tag.Modality);
            number = s(ds, Tag.SeriesNumber);
            description = s(ds, Tag.SeriesDescription);
            this.firstFile = firstFile;
        }
    }
}

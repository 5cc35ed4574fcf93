package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.strata.ejb.hsm.StudyStorage;

/** Backing bean of {@code studies.xhtml}: study search, and a study's series and copies per tier. */
@Named
@ViewScoped
public class StudiesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudySearch search;

    @Inject
    StudyStorage storage;

    private String patientName;
    private String patientId;
    private String studyDate;
    private String modality;
    private List<StudySearch.StudyRow> results;
    private StudySearch.StudyRow selected;
    private List<StudySearch.SeriesRow> series;
    private StudyStorage.Status status;

    public void search() {
        selected = null;
        Feedback.run(null, () -> results = search.search(
                new StudySearch.Criteria(patientName, patientId, studyDate, modality)));
    }

    /** Shows the series and the copies per tier of a study of the result list. */
    public void show(StudySearch.StudyRow row) {
        selected = row;
        series = search.series(row.studyInstanceUid());
        status = storage.status(row.studyInstanceUid()).orElse(null);
    }

    public List<StudySearch.StudyRow> getResults() {
        return results;
    }

    public StudySearch.StudyRow getSelected() {
        return selected;
    }

    public List<StudySearch.SeriesRow> getSeries() {
        return series;
    }

    public StudyStorage.Status getStatus() {
        return status;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public void setStudyDate(String studyDate) {
        this.studyDate = studyDate;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }
}

package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.strata.ejb.media.MediaOrder;
import org.strata.media.MediaCreationService;
import org.strata.media.MediaOutput;

/**
 * Backing bean of {@code media.xhtml}: media creation requests (PS3.4 Annex S) with their state
 * and progress, a new request for a study, cancel, and the pieces made.
 */
@Named
@ViewScoped
public class MediaPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MediaCreationService media;

    @Inject
    QueueQueries queues;

    private List<QueueQueries.MediaRow> requests;
    private String studyUid;
    /** The general-purpose CD profile (PS3.11 D), as the REST API defaults to. */
    private String profile = "STD-GEN-CD";
    private String output = MediaOutput.ISO.id();
    private int copies = 1;
    private String label;

    public List<QueueQueries.MediaRow> getRequests() {
        if (requests == null) {
            requests = queues.media();
        }
        return requests;
    }

    public List<String> getOutputs() {
        return Arrays.stream(MediaOutput.values()).map(MediaOutput::id).toList();
    }

    /** The pieces of a finished request, to download through {@code /strata/api/media/{id}/pieces/{n}}. */
    public List<MediaCreationService.Piece> pieces(QueueQueries.MediaRow row) {
        return "DONE".equals(row.status()) ? media.pieces(row.id()) : List.of();
    }

    public void create() {
        if (Feedback.run("Media request created", () -> media.createAndInitiate(new MediaOrder(
                studyUid == null || studyUid.isBlank() ? List.of() : List.of(studyUid.strip()), List.of(), profile, output,
                copies, label == null || label.isBlank() ? null : label, null, true, null, false)))) {
            studyUid = null;
            label = null;
            requests = null;
        }
    }

    public void cancel(QueueQueries.MediaRow row) {
        Feedback.run(null, () -> {
            switch (media.cancel(row.id())) {
                case CANCELLED -> Feedback.info("Media request " + row.id() + " cancelled");
                case NO_SUCH_REQUEST -> throw new IllegalArgumentException("no media request " + row.id());
                case ALREADY_COMPLETED -> throw new IllegalStateException("media request " + row.id() + " is already completed");
            }
        });
        requests = null;
    }

    /** Reloads the list, to follow the progress. */
    public void refresh() {
        requests = null;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public void setStudyUid(String studyUid) {
        this.studyUid = studyUid;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public int getCopies() {
        return copies;
    }

    public void setCopies(int copies) {
        this.copies = copies;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}

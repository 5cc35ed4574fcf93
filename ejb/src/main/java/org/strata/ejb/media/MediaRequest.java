package org.strata.ejb.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.strata.ejb.entity.InstantConverter;
import java.util.Arrays;
import java.util.List;

/**
 * A Media Creation Request (PS3.4 Annex S, PS3.3 C.22): what to write, how, and how far it got.
 * The id is the request's SOP Instance UID, the same whether it came by DIMSE or by REST.
 */
@Entity
@Table(name = "media_request")
@NamedQuery(name = MediaRequest.FIND_UNFINISHED,
        query = "SELECT m FROM MediaRequest m WHERE m.status IN :statuses ORDER BY m.createdAt")
public class MediaRequest {

    public static final String FIND_UNFINISHED = "MediaRequest.findUnfinished";

    @Id
    @Column(name = "sop_iuid", length = 64)
    private String sopInstanceUid;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private ExecutionStatus status = ExecutionStatus.IDLE;

    /** Execution Status Info (2100,0030), a PS3.3 C.22.1 defined term. */
    @Column(name = "status_info", length = 16, nullable = false)
    private String statusInfo = "NORMAL";

    /** A human-readable reason beside the defined term. */
    @Column(name = "status_detail", length = 1024)
    private String statusDetail;

    @Column(name = "profile", length = 32, nullable = false)
    private String profile;

    @Column(name = "output_kind", length = 16, nullable = false)
    private String output;

    @Column(name = "copies", nullable = false)
    private int copies = 1;

    @Column(name = "priority", length = 8, nullable = false)
    private String priority = "MED";

    @Column(name = "label_text", length = 1024)
    private String labelText;

    @Column(name = "fileset_id", length = 16)
    private String fileSetId;

    @Column(name = "allow_splitting", nullable = false)
    private boolean allowSplitting = true;

    /** Barcode Value (2200,0005), printed on the label in Code 128. */
    @Column(name = "barcode", length = 80)
    private String barcode;

    /** Include Display Application (2200,0009): the viewer folder goes on every piece. */
    @Column(name = "include_viewer")
    private Boolean includeViewer;

    /** Requested Study Instance UIDs, one a line. */
    @Lob
    @Column(name = "study_uids")
    private String studyUids = "";

    /** Requested SOP Instance UIDs, one a line. */
    @Lob
    @Column(name = "instance_uids")
    private String instanceUids = "";

    /** Failed SOP Sequence (0008,1198) content: SOP Instance UIDs, one a line. */
    @Lob
    @Column(name = "failed_uids")
    private String failedUids = "";

    @Column(name = "total", nullable = false)
    private int total;

    @Column(name = "written", nullable = false)
    private int written;

    /** Total Number of Pieces of Media Created (2200,000B). */
    @Column(name = "pieces", nullable = false)
    private int pieces;

    @Column(name = "created_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = InstantConverter.SQL_TYPE)
    private Instant updatedAt;

    protected MediaRequest() {
    }

    public MediaRequest(String sopInstanceUid, MediaOrder order, Instant now) {
        this.sopInstanceUid = sopInstanceUid;
        this.profile = order.profile();
        this.output = order.output();
        this.copies = order.copies();
        this.labelText = order.label();
        this.fileSetId = order.fileSetId();
        this.allowSplitting = order.allowSplitting();
        this.barcode = order.barcode();
        this.includeViewer = order.includeViewer();
        this.studyUids = String.join("\n", order.studies());
        this.instanceUids = String.join("\n", order.instances());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The order as requested. */
    public MediaOrder order() {
        return new MediaOrder(lines(studyUids), lines(instanceUids), profile, output, copies, labelText, fileSetId,
                allowSplitting, barcode, Boolean.TRUE.equals(includeViewer));
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    public void status(ExecutionStatus status, String info, String detail, Instant now) {
        this.status = status;
        this.statusInfo = info;
        this.statusDetail = detail;
        this.updatedAt = now;
    }

    public void progress(int total, int written, Instant now) {
        this.total = total;
        this.written = written;
        this.updatedAt = now;
    }

    public void failed(List<String> uids) {
        this.failedUids = String.join("\n", uids);
    }

    public void pieces(int pieces) {
        this.pieces = pieces;
    }

    public void initiate(int copies, String priority, Instant now) {
        this.copies = copies;
        this.priority = priority;
        status(ExecutionStatus.PENDING, "QUEUED", null, now);
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public ExecutionStatus getStatus() {
        return status;
    }

    public String getStatusInfo() {
        return statusInfo;
    }

    public String getStatusDetail() {
        return statusDetail;
    }

    public String getPriority() {
        return priority;
    }

    public List<String> getFailedUids() {
        return lines(failedUids);
    }

    public int getTotal() {
        return total;
    }

    public int getWritten() {
        return written;
    }

    public int getPieces() {
        return pieces;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

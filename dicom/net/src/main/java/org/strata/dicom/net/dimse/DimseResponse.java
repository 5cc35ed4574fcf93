package org.strata.dicom.net.dimse;

/**
 * What a service handler answers with: a status, optional further command elements (e.g.
 * sub-operation counts, Affected SOP Instance UID of N-CREATE) and an optional data set.
 */
public record DimseResponse(int status, Command fields, DataWriter dataSet) {

    public static final DimseResponse SUCCESS = new DimseResponse(Status.SUCCESS, null, null);

    public static DimseResponse of(int status) {
        return new DimseResponse(status, null, null);
    }

    public static DimseResponse of(int status, String errorComment) {
        return new DimseResponse(status, new Command().set(CommandElement.ErrorComment, errorComment), null);
    }

    public DimseResponse withDataSet(DataWriter data) {
        return new DimseResponse(status, fields, data);
    }

    public DimseResponse withFields(Command extra) {
        return new DimseResponse(status, extra, dataSet);
    }
}

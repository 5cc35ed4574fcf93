package org.strata.dicom.net.dimse;

/**
 * A received DIMSE response (SCU side): its command set and, when present, its data set (an
 * identifier or attribute list) encoded in the presentation context's transfer syntax.
 */
public record DimseRsp(Command command, byte[] dataSet, String transferSyntax) {

    public int status() {
        return command.status();
    }

    public boolean pending() {
        return Status.isPending(status());
    }

    public String errorComment() {
        return command.getString(CommandElement.ErrorComment);
    }

    /** Sub-operation counts of C-MOVE/C-GET responses (PS3.7 9.3.4.2): remaining, completed, failed, warning. */
    public int subOperations(CommandElement which) {
        return command.getInt(which, -1);
    }
}

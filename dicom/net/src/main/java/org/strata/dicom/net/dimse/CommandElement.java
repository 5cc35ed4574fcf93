package org.strata.dicom.net.dimse;

/** The command set elements of PS3.7 E.1 (group 0000) with their VRs; commands are always Implicit VR LE. */
public enum CommandElement {
    CommandGroupLength(0x00000000, "UL"),
    AffectedSOPClassUID(0x00000002, "UI"),
    RequestedSOPClassUID(0x00000003, "UI"),
    CommandField(0x00000100, "US"),
    MessageID(0x00000110, "US"),
    MessageIDBeingRespondedTo(0x00000120, "US"),
    MoveDestination(0x00000600, "AE"),
    Priority(0x00000700, "US"),
    CommandDataSetType(0x00000800, "US"),
    Status(0x00000900, "US"),
    OffendingElement(0x00000901, "AT"),
    ErrorComment(0x00000902, "LO"),
    ErrorID(0x00000903, "US"),
    AffectedSOPInstanceUID(0x00001000, "UI"),
    RequestedSOPInstanceUID(0x00001001, "UI"),
    EventTypeID(0x00001002, "US"),
    AttributeIdentifierList(0x00001005, "AT"),
    ActionTypeID(0x00001008, "US"),
    NumberOfRemainingSuboperations(0x00001020, "US"),
    NumberOfCompletedSuboperations(0x00001021, "US"),
    NumberOfFailedSuboperations(0x00001022, "US"),
    NumberOfWarningSuboperations(0x00001023, "US"),
    MoveOriginatorApplicationEntityTitle(0x00001030, "AE"),
    MoveOriginatorMessageID(0x00001031, "US");

    private final int tag;
    private final String vr;

    CommandElement(int tag, String vr) {
        this.tag = tag;
        this.vr = vr;
    }

    public int tag() {
        return tag;
    }

    public String vr() {
        return vr;
    }

    public static CommandElement of(int tag) {
        for (CommandElement e : values()) {
            if (e.tag == tag) {
                return e;
            }
        }
        return null;
    }
}

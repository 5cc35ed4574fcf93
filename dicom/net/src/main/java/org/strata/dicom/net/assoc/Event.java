package org.strata.dicom.net.assoc;

/** Events of the DICOM upper layer protocol machine, PS3.8 9.2.2 Table 9-10. */
public enum Event {
    Evt1("A-ASSOCIATE request (local user)"),
    Evt2("Transport connect confirmation (local transport service)"),
    Evt3("A-ASSOCIATE-AC PDU (received on transport connection)"),
    Evt4("A-ASSOCIATE-RJ PDU (received on transport connection)"),
    Evt5("Transport connection indication (local transport service)"),
    Evt6("A-ASSOCIATE-RQ PDU (received on transport connection)"),
    Evt7("A-ASSOCIATE response primitive (accept)"),
    Evt8("A-ASSOCIATE response primitive (reject)"),
    Evt9("P-DATA request primitive"),
    Evt10("P-DATA-TF PDU (received on transport connection)"),
    Evt11("A-RELEASE request primitive"),
    Evt12("A-RELEASE-RQ PDU (received on transport connection)"),
    Evt13("A-RELEASE-RP PDU (received on transport connection)"),
    Evt14("A-RELEASE response primitive"),
    Evt15("A-ABORT request primitive"),
    Evt16("A-ABORT PDU (received on transport connection)"),
    Evt17("Transport connection closed indication (local transport service)"),
    Evt18("ARTIM timer expired (Association reject/release timer)"),
    Evt19("Unrecognized or invalid PDU received");

    private final String description;

    Event(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return name() + " - " + description;
    }
}

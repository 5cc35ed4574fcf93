package org.strata.jca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.strata.dicom.core.UID;
import org.strata.dicom.core.dict.UidDictionary;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.DimseServiceRegistry;

/**
 * What the listener accepts in association negotiation (PS3.8 9.3.3.2): Verification, every
 * storage SOP class of the standard (as SCP, and as SCU for C-GET requestors' role selection,
 * PS3.7 D.3.3.4) in every standard transfer syntax, the Query/Retrieve models, the Modality
 * Worklist model, and as SCP Storage Commitment Push Model, MPPS and Media Creation Management. An abstract
 * syntax or transfer syntax we do not know is rejected context by context.
 */
final class AcceptedCapabilities {

    static final String EXPLICIT_LE = UID.ExplicitVRLittleEndian;
    static final String IMPLICIT_LE = UID.ImplicitVRLittleEndian;

    /**
     * Preference among the syntaxes a requestor proposes in one context: lossless compressed
     * (kept as received, smaller), then uncompressed, then lossy (only when nothing else is
     * offered: accepting lossy where the data is not yet lossy would make the sender compress it).
     */
    static final List<String> STORAGE_PREFERENCE = List.of(
            "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.201",
            "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1.99",
            EXPLICIT_LE, IMPLICIT_LE, "1.2.840.10008.1.2.2",
            "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101", "1.2.840.10008.1.2.4.102",
            "1.2.840.10008.1.2.4.103", "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.105",
            "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108");

    private AcceptedCapabilities() {
    }

    static List<TransferCapability> all() {
        List<String> transferSyntaxes = storageTransferSyntaxes();
        List<TransferCapability> capabilities = new ArrayList<>();
        capabilities.add(new TransferCapability(DimseServiceRegistry.VERIFICATION, Role.SCP,
                List.of(EXPLICIT_LE, IMPLICIT_LE)));
        Stream.concat(ListenerServices.QUERY_MODELS.stream(), ListenerServices.RETRIEVE_MODELS.stream())
                .forEach(uid -> capabilities.add(new TransferCapability(uid, Role.SCP, List.of(EXPLICIT_LE, IMPLICIT_LE))));
        capabilities.add(new TransferCapability(ListenerServices.WORKLIST_MODEL, Role.SCP,
                List.of(EXPLICIT_LE, IMPLICIT_LE)));
        // Storage Commitment, MPPS, Media Creation: SCP only. A role selection proposing that the
        // requestor be SCU is accepted; one proposing that the requestor be SCP is answered "no"
        // (PS3.7 D.3.3.4), since the archive never invokes N-ACTION/N-CREATE of these classes.
        ListenerServices.N_SERVICE_CLASSES.forEach(uid -> capabilities.add(
                new TransferCapability(uid, Role.SCP, List.of(EXPLICIT_LE, IMPLICIT_LE))));
        for (String sopClass : storageSopClasses()) {
            capabilities.add(new TransferCapability(sopClass, Role.SCP, transferSyntaxes));
            capabilities.add(new TransferCapability(sopClass, Role.SCU, transferSyntaxes));
        }
        return capabilities;
    }

    /** Every storage SOP class the dictionary knows (PS3.4 B.5), retired ones included. */
    static List<String> storageSopClasses() {
        return UidDictionary.standard().entries().stream()
                .filter(e -> e.type().equals("SOP Class"))
                .filter(e -> isStorage(e.name()))
                .map(UidDictionary.Entry::uid).toList();
    }

    static boolean isStorage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("storage") && !n.contains("commitment") && !n.contains("directory")
                && !n.contains("management");
    }

    /** Our preference first, then every other transfer syntax of the dictionary. */
    static List<String> storageTransferSyntaxes() {
        List<String> all = new ArrayList<>(STORAGE_PREFERENCE);
        UidDictionary.standard().entries().stream().filter(e -> e.type().equals("Transfer Syntax"))
                .map(UidDictionary.Entry::uid).filter(uid -> !all.contains(uid)).forEach(all::add);
        return all;
    }
}

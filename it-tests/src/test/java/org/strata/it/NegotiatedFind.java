package org.strata.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.dimse.AssociateRqBuilder;
import org.strata.dicom.net.dimse.DimseClient;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.dimse.Invocation;
import org.strata.dicom.net.dimse.Priority;
import org.strata.dicom.net.pdu.SopClassExtendedNegotiation;
import org.strata.dicom.net.pdu.UserInformation;

/**
 * A Study Root C-FIND (Patient Root at PATIENT level) with our own SCU, proposing SOP Class Extended Negotiation (PS3.4 C.5.1.1),
 * which DCMTK's findscu cannot: what the archive accepted, the final status and the values of
 * one return key among the matches.
 */
record NegotiatedFind(byte[] accepted, int status, TreeSet<String> values) {

    static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";

    /** @param proposed the extended negotiation bytes (relational, combined date-time), or empty for none */
    static NegotiatedFind run(byte[] proposed, Attributes identifier, int returnTag) throws Exception {
        String model = "PATIENT".equals(identifier.getString(Tag.QueryRetrieveLevel)) ? PATIENT_ROOT_FIND
                : STUDY_ROOT_FIND;
        UserInformation.Builder ui = UserInformation.builder();
        if (proposed.length > 0) {
            ui.addExtendedNegotiation(new SopClassExtendedNegotiation(model, proposed));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomWriter.write(identifier, bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] keys = bytes.toByteArray();
        List<byte[]> matches = new CopyOnWriteArrayList<>();
        try (NetRuntime runtime = new NetRuntime("it-find", 4);
             DimseClient client = DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1",
                             Integer.parseInt(System.getProperty("it.dicom.port"))),
                     new AssociateRqBuilder("NEGOTIATOR", "STRATA").addContext(model,
                             AssociateRqBuilder.EXPLICIT_VR_LE).userInformation(ui.build()).build(),
                     Timeouts.DEFAULT, null, DimseServiceRegistry.withEcho())) {
            byte[] accepted = client.association().accept().userInformation().extendedNegotiations().stream()
                    .filter(e -> e.sopClassUid().equals(model)).map(SopClassExtendedNegotiation::info)
                    .findFirst().orElse(new byte[0]);
            Invocation find = client.findAsync(model, AssociateRqBuilder.EXPLICIT_VR_LE, Priority.MEDIUM,
                    out -> out.write(keys), rsp -> matches.add(rsp.dataSet()));
            DimseRsp last = client.await(find);
            client.release();
            TreeSet<String> values = new TreeSet<>();
            for (byte[] m : matches) {
                Attributes a = DicomReader.read(new ByteArrayInputStream(m), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                String value = a.getString(returnTag);
                if (value != null && !value.isEmpty()) { // like the expected sets: empty values (no Patient ID) left out
                    values.add(value);
                }
            }
            return new NegotiatedFind(accepted, last.status(), values);
        }
    }
}

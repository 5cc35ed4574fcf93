package org.strata.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduCodecTest {

    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IVLE = "1.2.840.10008.1.2";
    static final String EVLE = "1.2.840.10008.1.2.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    static AssociateRq fullRequest() {
        UserInformation ui = UserInformation.builder().maxPduLength(4096).asyncOpsWindow(new AsyncOpsWindow(5, 3))
                .addRoleSelection(new RoleSelection(CT, true, true))
                .addExtendedNegotiation(new SopClassExtendedNegotiation(CT, new byte[] {1, 0, 2}))
                .addCommonExtendedNegotiation(new CommonExtendedNegotiation(CT, "1.2.840.10008.4.2",
                        List.of("1.2.3", "1.2.3.4")))
                .userIdentityRq(UserIdentityRq.usernamePasscode("alice", "secret".toCharArray(), true)).build();
        return new AssociateRq("STORESCP", "STRATA-SCU", List.of(
                new PresentationContextRq(1, VERIFICATION, List.of(IVLE)),
                new PresentationContextRq(3, CT, List.of(EVLE, IVLE))), ui);
    }

    static Pdu roundTrip(Pdu pdu) throws IOException {
        return PduDecoder.read(new ByteArrayInputStream(PduEncoder.encode(pdu)), 1 << 20);
    }

    @Test
    void associateRqWithEverySubItemRoundTrips() throws IOException {
        AssociateRq rq = fullRequest();
        AssociateRq back = (AssociateRq) roundTrip(rq);
        assertEquals(rq, back);
        assertEquals("alice", back.userInformation().userIdentityRq().primaryFieldAsString());
        assertArrayEquals("secret".getBytes(), back.userInformation().userIdentityRq().secondaryField());
        assertEquals(List.of("1.2.3", "1.2.3.4"),
                back.userInformation().commonExtendedNegotiations().get(0).relatedGeneralSopClassUids());
    }

    @Test
    void associateAcRoundTripsWithIdentityResponse() throws IOException {
        UserInformation ui = UserInformation.builder().maxPduLength(0).userIdentityServerResponse(new byte[] {9, 8})
                .addRoleSelection(new RoleSelection(CT, false, true)).build();
        AssociateAc ac = new AssociateAc(1, "STORESCP", "STRATA-SCU", AssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, PresentationContextResult.ACCEPTANCE, IVLE),
                        new PresentationContextAc(3, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, null)),
                ui);
        AssociateAc back = (AssociateAc) roundTrip(ac);
        assertEquals(ac, back);
        assertEquals(0, back.userInformation().maxPduLength());
    }

    @Test
    void wireLayoutFollowsPs38() {
        byte[] b = PduEncoder.encode(new AssociateRj(RejectResult.TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED));
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 2, 3, 2}, b);
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6},
                PduEncoder.encode(Abort.byProvider(AbortReason.INVALID_PDU_PARAMETER_VALUE)));
        assertArrayEquals(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0}, PduEncoder.encode(new ReleaseRq()));
        byte[] p = PduEncoder.encode(new PDataTf(List.of(Pdv.of(1, Pdv.MessagePart.COMMAND, true, new byte[] {42}))));
        assertArrayEquals(new byte[] {4, 0, 0, 0, 0, 7, 0, 0, 0, 3, 1, 3, 42}, p);
        byte[] rq = PduEncoder.encode(fullRequest());
        assertEquals('S', rq[10]);          // called AE at offset 10, space padded to 16
        assertEquals(' ', rq[10 + 15]);
        assertEquals(0x10, rq[74] & 0xFF);  // first variable item: application context
    }

    @Test
    void pDataTfWithSeveralPdvsRoundTrips() throws IOException {
        PDataTf p = new PDataTf(List.of(Pdv.of(1, Pdv.MessagePart.COMMAND, true, new byte[] {1, 2}),
                Pdv.of(1, Pdv.MessagePart.DATA_SET, false, new byte[300])));
        assertEquals(p, roundTrip(p));
    }

    @Test
    void decodedPdvsAreViewsOfTheirOwnBytesOnly() throws IOException {
        byte[] first = {1, 2, 3};
        byte[] second = new byte[1000];
        for (int i = 0; i < second.length; i++) {
            second[i] = (byte) (i * 7);
        }
        PDataTf p = (PDataTf) roundTrip(new PDataTf(List.of(Pdv.of(3, Pdv.MessagePart.DATA_SET, false, first),
                Pdv.of(3, Pdv.MessagePart.DATA_SET, true, second))));
        Pdv a = p.pdvs().get(0);
        Pdv b = p.pdvs().get(1);
        assertEquals(3, a.length());
        assertArrayEquals(first, a.data());
        assertArrayEquals(second, b.data());
        assertEquals(Pdv.of(3, Pdv.MessagePart.DATA_SET, true, second).hashCode(), b.hashCode());
        byte[] middle = new byte[10];
        b.copyTo(500, middle, 0, 10);
        assertArrayEquals(java.util.Arrays.copyOfRange(second, 500, 510), middle);
        java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream();
        b.writeTo(990, tail);
        assertArrayEquals(java.util.Arrays.copyOfRange(second, 990, 1000), tail.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> a.copyTo(1, new byte[3], 0, 3), "not past its end");
    }

    @Test
    void endOfStreamBeforeAPduIsNull() throws IOException {
        assertNull(PduDecoder.read(new ByteArrayInputStream(new byte[0]), 100));
    }

    @Test
    void malformedPdusAreRejectedWithTheirAbortReason() {
        assertReason(AbortReason.UNRECOGNIZED_PDU, new byte[] {9, 0, 0, 0, 0, 0});
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, new byte[] {5, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0});
        // P-DATA-TF longer than we announced
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, new byte[] {4, 0, 0, 0, 0x10, 0});
        // PDV item longer than its PDU
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, new byte[] {4, 0, 0, 0, 0, 6, 0, 0, 0, 9, 1, 3});
        // even presentation context ID
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, new byte[] {4, 0, 0, 0, 0, 7, 0, 0, 0, 3, 2, 3, 0});
        // A-ASSOCIATE-RQ of 4 GB
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF});
        // an item whose length runs past the PDU
        byte[] rq = PduEncoder.encode(fullRequest());
        rq[74 + 3] = (byte) 0xF0;
        assertReason(AbortReason.INVALID_PDU_PARAMETER_VALUE, rq);
        // unknown item type in an A-ASSOCIATE-RQ
        byte[] rq2 = PduEncoder.encode(fullRequest());
        rq2[74] = 0x33;
        assertReason(AbortReason.UNRECOGNIZED_PDU_PARAMETER, rq2);
    }

    @Test
    void truncatedPduIsEndOfFile() {
        byte[] rq = PduEncoder.encode(fullRequest());
        byte[] cut = java.util.Arrays.copyOf(rq, rq.length - 10);
        assertThrows(EOFException.class, () -> PduDecoder.read(new ByteArrayInputStream(cut), 1 << 16));
    }

    private static void assertReason(AbortReason reason, byte[] pdu) {
        PduFormatException e = assertThrows(PduFormatException.class,
                () -> PduDecoder.read(new ByteArrayInputStream(pdu), 1024));
        assertEquals(reason, e.reason(), e.getMessage());
        assertInstanceOf(IOException.class, e);
    }
}

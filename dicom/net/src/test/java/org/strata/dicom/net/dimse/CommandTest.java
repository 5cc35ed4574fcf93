package org.strata.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void echoRequestIsImplicitLittleEndianWithGroupLengthFirst() throws DimseFormatException {
        Command c = new Command().set(CommandElement.CommandField, CommandField.C_ECHO_RQ.code())
                .set(CommandElement.AffectedSOPClassUID, "1.2.840.10008.1.1")
                .set(CommandElement.MessageID, 7).set(CommandElement.CommandDataSetType, Command.NO_DATA_SET);
        byte[] b = c.encode();
        byte[] expected = {
            0, 0, 0, 0, 4, 0, 0, 0, 56, 0, 0, 0,                           // (0000,0000) UL 56
            0, 0, 2, 0, 18, 0, 0, 0, '1', '.', '2', '.', '8', '4', '0', '.', '1', '0', '0', '0', '8', '.', '1', '.',
            '1', 0,                                                         // (0000,0002) UI, NUL padded
            0, 0, 0, 1, 2, 0, 0, 0, 0x30, 0,                               // (0000,0100) US 0x0030
            0, 0, 0x10, 1, 2, 0, 0, 0, 7, 0,                               // (0000,0110) US 7
            0, 0, 0, 8, 2, 0, 0, 0, 1, 1};                                 // (0000,0800) US 0x0101
        assertArrayEquals(expected, b);
        Command back = Command.decode(b);
        assertEquals(CommandField.C_ECHO_RQ, back.commandField());
        assertEquals("1.2.840.10008.1.1", back.getString(CommandElement.AffectedSOPClassUID));
        assertEquals(7, back.messageId());
    }

    @Test
    void valuesOfEveryCommandVrRoundTrip() throws DimseFormatException {
        Command c = new Command().set(CommandElement.CommandField, CommandField.C_MOVE_RSP.code())
                .set(CommandElement.MoveDestination, "DEST")
                .set(CommandElement.ErrorComment, "odd")
                .set(CommandElement.Status, 0xFF00)
                .set(CommandElement.AttributeIdentifierList, new int[] {0x00100010, 0x7FE00010})
                .set(CommandElement.NumberOfRemainingSuboperations, 65535);
        Command back = Command.decode(c.encode());
        assertEquals("DEST", back.getString(CommandElement.MoveDestination));
        assertEquals("odd", back.getString(CommandElement.ErrorComment));
        assertEquals(0xFF00, back.status());
        assertArrayEquals(new int[] {0x00100010, 0x7FE00010}, back.getTags(CommandElement.AttributeIdentifierList));
        assertEquals(65535, back.getInt(CommandElement.NumberOfRemainingSuboperations, -1));
    }

    @Test
    void garbageIsAFormatError() {
        assertThrows(DimseFormatException.class, () -> Command.decode(new byte[] {0, 0, 0, 1, 2, 0, 0, 0, 0x30}));
        assertThrows(DimseFormatException.class, () -> Command.decode(new byte[] {8, 0, 0x10, 0, 2, 0, 0, 0, 1, 0}));
        assertThrows(DimseFormatException.class, () -> Command.decode(new byte[] {0, 0, 0, 1, 2, 0, 0, 0, 0x33, 0x33}));
        assertThrows(DimseFormatException.class, () -> Command.decode(new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, 0x7F}));
    }
}

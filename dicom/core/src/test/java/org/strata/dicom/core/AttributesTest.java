package org.strata.dicom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.strata.dicom.core.charset.SpecificCharacterSet;

/** The data set model: sorting, typed getters, character set inheritance, private blocks. */
class AttributesTest {

    @Test
    void keepsElementsSortedWithUnsignedOrder() {
        Attributes a = new Attributes(2);
        a.setString(Tag.PatientID, VR.LO, "id");
        a.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 2});
        a.setString(Tag.Modality, VR.CS, "CT");
        a.setInt(0xFFFAFFFA, VR.UL, 1);
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        assertArrayEquals(new int[] {Tag.SpecificCharacterSet, Tag.Modality, Tag.PatientID, Tag.PixelData, 0xFFFAFFFA},
                new int[] {a.tagAt(0), a.tagAt(1), a.tagAt(2), a.tagAt(3), a.tagAt(4)});
        a.remove(Tag.Modality);
        assertEquals(4, a.size());
        assertNull(a.getString(Tag.Modality));
    }

    @Test
    void typedGetters() {
        Attributes a = new Attributes();
        a.setString(Tag.StudyDate, VR.DA, "20240229");
        a.setString(Tag.StudyTime, VR.TM, "101530.25");
        a.setString(Tag.AcquisitionDateTime, VR.DT, "20240229101530.123456+0100");
        a.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        a.setInt(Tag.Rows, VR.US, 512);
        a.setString(Tag.InstanceNumber, VR.IS, " 42 ");
        a.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
        a.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals(LocalDate.of(2024, 2, 29), a.getDate(Tag.StudyDate));
        assertEquals(LocalTime.of(10, 15, 30, 250_000_000), a.getTime(Tag.StudyTime));
        assertEquals(LocalDateTime.of(2024, 2, 29, 10, 15, 30, 123_456_000), a.getDateTime(Tag.AcquisitionDateTime));
        assertEquals(LocalDateTime.of(2024, 2, 29, 10, 15, 30, 250_000_000), a.getDateTime(Tag.StudyDate, Tag.StudyTime));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY"}, a.getStrings(Tag.ImageType));
        assertEquals(512, a.getInt(Tag.Rows, -1));
        assertEquals(42, a.getInt(Tag.InstanceNumber, -1));
        assertArrayEquals(new double[] {0.5, 0.25}, a.getDoubles(Tag.PixelSpacing));
        PersonName pn = a.getPersonName(Tag.PatientName);
        assertEquals("Tarou", pn.component(PersonName.Group.ALPHABETIC, PersonName.Component.GIVEN));
        assertEquals("山田", pn.component(PersonName.Group.IDEOGRAPHIC, PersonName.Component.FAMILY));
        assertEquals("たろう", pn.component(PersonName.Group.PHONETIC, PersonName.Component.GIVEN));
        assertEquals(-1, a.getInt(Tag.Columns, -1));
    }

    @Test
    void itemsInheritAndOverrideTheCharacterSet() {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Sequence seq = a.newSequence(Tag.ReferencedStudySequence);
        Attributes inherits = seq.newItem();
        Attributes overrides = seq.newItem();
        overrides.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 144");
        assertEquals("ISO_IR 192", inherits.specificCharacterSet().toString());
        assertEquals("ISO_IR 144", overrides.specificCharacterSet().toString());
        overrides.setBytes(Tag.PatientName, VR.PN,
                SpecificCharacterSet.of("ISO_IR 144").encode("Люкceмбypг", VR.PN));
        assertEquals("Люкceмбypг", overrides.getString(Tag.PatientName));
        assertSame(a, inherits.parent());
    }

    @Test
    void privateBlocks() {
        Attributes a = new Attributes();
        a.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
        a.setString(0x00290011, VR.LO, "STRATA");
        int tag = a.privateTag("STRATA", 0x0029, 0x20);
        assertEquals(0x00291120, tag);
        a.setString(tag, VR.LO, "x");
        assertEquals("STRATA", a.getPrivateCreator(tag));
        assertEquals(-1, a.privateTag("OTHER", 0x0029, 0x20));
    }
}

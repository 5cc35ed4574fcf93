package org.strata.dicom.tools.corpus;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * Builds synthetic CT Image Storage instances (PS3.3 A.3: patient, study, series, image plane and
 * pixel modules): varied patient names (some non-ASCII, ISO_IR 192), dates spread over years, and a
 * phantom image (nested discs over a gradient, with noise) so that compressors see realistic data.
 */
public final class SyntheticCt {

    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String[] FAMILY = {"MÜLLER", "Smith", "Dupont", "García", "Rossi", "Nowak", "Jensen",
        "Kowalski", "Öztürk", "Nakamura", "Silva", "Papadopoulos", "O'Brien"};
    private static final String[] GIVEN = {"Anna", "José", "Li", "Jürgen", "Marie", "Ola", "Zoë", "Ivan", "Mia"};
    private static final String[] BODY = {"HEAD", "CHEST", "ABDOMEN", "PELVIS", "KNEE", "SPINE"};

    private final CorpusSpec spec;
    private final Random random;

    public SyntheticCt(CorpusSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    /** A UID under the UUID-derived root 2.25 (PS3.5 B.2). */
    public static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger v = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + v;
    }

    /** The patient-level attributes of patient number {@code index}. */
    public Attributes patient(int index) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, FAMILY[random.nextInt(FAMILY.length)] + "^"
                + GIVEN[random.nextInt(GIVEN.length)]);
        a.setString(Tag.PatientID, VR.LO, String.format("P%06d", spec.seed() * 1000L + index));
        a.setString(Tag.IssuerOfPatientID, VR.LO, "CORPUS");
        a.setString(Tag.PatientBirthDate, VR.DA, date(LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000))));
        a.setString(Tag.PatientSex, VR.CS, String.valueOf("MFO".charAt(random.nextInt(3))));
        return a;
    }

    /** The study-level attributes of study {@code index} of a patient. */
    public Attributes study(int index) {
        Attributes a = new Attributes();
        String d = date(LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7_500)));
        a.setString(Tag.StudyInstanceUID, VR.UI, newUid());
        a.setString(Tag.StudyDate, VR.DA, d);
        a.setString(Tag.SeriesDate, VR.DA, d);
        a.setString(Tag.StudyTime, VR.TM, String.format("%02d%02d%02d", random.nextInt(24), random.nextInt(60),
                random.nextInt(60)));
        a.setString(Tag.AccessionNumber, VR.SH, String.format("A%08d", random.nextInt(100_000_000)));
        String body = BODY[random.nextInt(BODY.length)];
        a.setString(Tag.StudyDescription, VR.LO, "CT " + body);
        a.setString(Tag.BodyPartExamined, VR.CS, body);
        a.setString(Tag.StudyID, VR.SH, String.valueOf(index + 1));
        a.setString(Tag.ReferringPhysicianName, VR.PN, "Ref^Doc");
        a.setString(Tag.FrameOfReferenceUID, VR.UI, newUid());
        a.setString(Tag.PositionReferenceIndicator, VR.LO);
        return a;
    }

    /** One instance of series {@code series} (0-based) with the given patient and study attributes. */
    public Attributes instance(Attributes patient, Attributes study, String seriesUid, int series, int number) {
        Attributes a = new Attributes(64);
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        a.setString(Tag.SOPClassUID, VR.UI, CT_IMAGE_STORAGE);
        a.setString(Tag.SOPInstanceUID, VR.UI, newUid());
        a.setString(Tag.Modality, VR.CS, "CT");
        a.setString(Tag.Manufacturer, VR.LO, "SYNTHETIC");
        a.setString(Tag.InstitutionName, VR.LO, "Corpus Hospital");
        a.setString(Tag.SeriesDescription, VR.LO, "Series " + (series + 1));
        a.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        a.setInt(Tag.SeriesNumber, VR.IS, series + 1);
        a.setInt(Tag.InstanceNumber, VR.IS, number + 1);
        a.setDouble(Tag.ImagePositionPatient, VR.DS, 0, 0, number * 2.5);
        a.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        a.setDouble(Tag.SliceThickness, VR.DS, 2.5);
        a.setDouble(Tag.PixelSpacing, VR.DS, 0.7, 0.7);
        a.setDouble(Tag.RescaleIntercept, VR.DS, spec.bitsStored() > 8 ? -1024 : 0);
        a.setDouble(Tag.RescaleSlope, VR.DS, 1);
        a.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        a.setString(Tag.PatientPosition, VR.CS, "HFS");
        a.setString(Tag.KVP, VR.DS, "120");
        a.setString(Tag.AcquisitionNumber, VR.IS, "1");
        a.addAll(patient).addAll(study);
        pixelModule(a, number);
        return a;
    }

    private void pixelModule(Attributes a, int number) {
        int bitsAllocated = spec.bitsStored() > 8 ? 16 : 8;
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, spec.rows());
        a.setInt(Tag.Columns, VR.US, spec.columns());
        a.setInt(Tag.BitsAllocated, VR.US, bitsAllocated);
        a.setInt(Tag.BitsStored, VR.US, spec.bitsStored());
        a.setInt(Tag.HighBit, VR.US, spec.bitsStored() - 1);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        if (spec.frames() > 1) {
            a.setString(Tag.NumberOfFrames, VR.IS, String.valueOf(spec.frames()));
        }
        int frameLength = spec.rows() * spec.columns() * (bitsAllocated / 8);
        byte[] pixels = new byte[frameLength * spec.frames()];
        for (int f = 0; f < spec.frames(); f++) {
            phantom(pixels, f * frameLength, number + f, bitsAllocated);
        }
        a.setBytes(Tag.PixelData, bitsAllocated == 8 ? VR.OB : VR.OW, pixels);
    }

    /** Discs of decreasing intensity whose radii change with the slice, over a gradient, plus noise. */
    private void phantom(byte[] out, int offset, int slice, int bitsAllocated) {
        int rows = spec.rows();
        int cols = spec.columns();
        int max = (1 << spec.bitsStored()) - 1;
        double cx = cols / 2.0;
        double cy = rows / 2.0;
        double r0 = Math.min(rows, cols) * (0.40 + 0.05 * Math.sin(slice * 0.2));
        int noise = Math.max(1, max / 200);
        double inner = r0 * 0.6;
        double spot = r0 * 0.15;
        double[] ripple = new double[cols];
        for (int x = 0; x < cols; x++) {
            ripple[x] = max * 0.2 * (1 + Math.cos(x * 0.05));
        }
        int i = offset;
        for (int y = 0; y < rows; y++) {
            double dy = y - cy;
            double sy = y - cy * 1.2;
            for (int x = 0; x < cols; x++) {
                double dx = x - cx;
                double d2 = dx * dx + dy * dy;
                double v = max * 0.05 * y / rows;
                if (d2 < r0 * r0) {
                    v += max * 0.35;
                }
                if (d2 < inner * inner) {
                    v += ripple[x];
                }
                double sx = x - cx * 0.7;
                if (sx * sx + sy * sy < spot * spot) {
                    v = max * 0.9;
                }
                int s = Math.min(max, Math.max(0, (int) v + random.nextInt(noise)));
                out[i++] = (byte) s;
                if (bitsAllocated == 16) {
                    out[i++] = (byte) (s >> 8);
                }
            }
        }
    }

    private static String date(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}

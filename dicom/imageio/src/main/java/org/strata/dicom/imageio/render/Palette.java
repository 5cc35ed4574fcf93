package org.strata.dicom.imageio.render;

import java.awt.image.BufferedImage;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.imageio.ImageDescriptor;
import org.strata.dicom.imageio.transcode.TranscodeException;

/**
 * PALETTE COLOR lookup tables (PS3.3 C.7.6.3.1.5-6): per colour a descriptor (entries, 0 meaning
 * 65536; first mapped value; bits per entry 8 or 16) and the table data, as OW.
 */
record Palette(int[] red, int[] green, int[] blue, int firstMapped) {

    static Palette of(Attributes ds) throws TranscodeException {
        int[] rd = ds.getInts(Tag.RedPaletteColorLookupTableDescriptor);
        if (rd == null || rd.length != 3) {
            throw new TranscodeException("PALETTE COLOR without Red Palette Color Lookup Table Descriptor");
        }
        return new Palette(table(ds, Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData),
                table(ds, Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData),
                table(ds, Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData),
                rd[1]);
    }

    private static int[] table(Attributes ds, int descriptorTag, int dataTag) throws TranscodeException {
        int[] desc = ds.getInts(descriptorTag);
        byte[] data = ds.getBytes(dataTag);
        if (desc == null || desc.length != 3 || data == null) {
            throw new TranscodeException("incomplete palette colour lookup table");
        }
        int entries = desc[0] == 0 ? 65536 : desc[0] & 0xFFFF;
        int[] t = new int[entries];
        boolean eightBit = desc[2] == 8;
        for (int i = 0; i < entries; i++) {
            int v;
            if (eightBit && data.length >= entries) {
                v = data[i] & 0xFF;   // 8-bit entries packed one per byte
            } else {
                int w = 2 * i + 1 < data.length ? (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8 : 0;
                v = eightBit ? w & 0xFF : w >> 8;
            }
            t[i] = v;
        }
        return t;
    }

    BufferedImage apply(int[] indices, ImageDescriptor d) {
        BufferedImage image = new BufferedImage(d.columns(), d.rows(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[indices.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = lookup(red, indices[i]) << 16 | lookup(green, indices[i]) << 8 | lookup(blue, indices[i]);
        }
        image.setRGB(0, 0, d.columns(), d.rows(), rgb, 0, d.columns());
        return image;
    }

    private int lookup(int[] table, int value) {
        int i = Math.max(0, Math.min(table.length - 1, value - firstMapped));
        return table[i];
    }
}

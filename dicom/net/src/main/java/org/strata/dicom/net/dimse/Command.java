package org.strata.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.DicomWriter;

/**
 * A DIMSE command set (PS3.7 6.3, E.1): group 0000 elements held in a dicom-core {@link Attributes}
 * and encoded by dicom-core, always in Implicit VR Little Endian with the Command Group Length
 * first (PS3.7 6.3.1). Values: {@link Integer} for US/UL, {@link String} for UI/AE/LO, {@code int[]}
 * for AT. Data sets are opaque to it.
 */
public final class Command {

    /** Command Data Set Type (0000,0800) meaning "no data set" (PS3.7 E.1). */
    public static final int NO_DATA_SET = 0x0101;
    /** Upper bound for a received command set. */
    static final int MAX_LENGTH = 1 << 16;

    private final Attributes attrs;

    public Command() {
        this(new Attributes(16));
    }

    private Command(Attributes attrs) {
        this.attrs = attrs;
    }

    public Command set(CommandElement e, Object value) {
        VR vr = VR.valueOf(e.vr());
        if (value == null) {
            attrs.remove(e.tag());
        } else if (value instanceof Integer i) {
            attrs.setInt(e.tag(), vr, i & 0xFFFFFFFFL);
        } else if (value instanceof int[] tags) {
            attrs.setInt(e.tag(), VR.AT, java.util.Arrays.stream(tags).mapToLong(t -> t & 0xFFFFFFFFL).toArray());
        } else {
            attrs.setString(e.tag(), vr, value.toString());
        }
        return this;
    }

    public boolean contains(CommandElement e) {
        return attrs.contains(e.tag());
    }

    public int getInt(CommandElement e, int defaultValue) {
        return attrs.getInt(e.tag(), defaultValue);
    }

    public String getString(CommandElement e) {
        String s = attrs.getString(e.tag());
        return s == null ? null : s.strip();
    }

    public int[] getTags(CommandElement e) {
        return attrs.contains(e.tag()) ? attrs.getInts(e.tag()) : null;
    }

    public CommandField commandField() {
        return CommandField.of(getInt(CommandElement.CommandField, -1));
    }

    public int messageId() {
        return getInt(CommandElement.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return getInt(CommandElement.MessageIDBeingRespondedTo, -1);
    }

    public int status() {
        return getInt(CommandElement.Status, -1);
    }

    public boolean hasDataSet() {
        return getInt(CommandElement.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    /** Copies every element except the group length into {@code other}. */
    public void copyTo(Command other) {
        for (int i = 0; i < attrs.size(); i++) {
            if (attrs.tagAt(i) != Tag.CommandGroupLength) {
                other.attrs.setValue(attrs.tagAt(i), attrs.vrAt(i), attrs.valueAt(i));
            }
        }
    }

    /** Encodes with the Command Group Length (0000,0000) first, PS3.7 E.1. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            attrs.remove(Tag.CommandGroupLength);
            DicomWriter.writeCommand(attrs, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return out.toByteArray();
    }

    /** Decodes an Implicit VR Little Endian command set; anything but a well-formed group 0000 fails. */
    public static Command decode(byte[] b) throws DimseFormatException {
        Attributes attrs;
        try {
            attrs = DicomReader.readCommand(new ByteArrayInputStream(b));
        } catch (IOException | RuntimeException e) {
            throw new DimseFormatException("undecodable command set: " + e.getMessage());
        }
        for (int i = 0; i < attrs.size(); i++) {
            if ((attrs.tagAt(i) >>> 16) != 0) {
                throw new DimseFormatException("command set holds element " + Tags.toHex(attrs.tagAt(i)));
            }
        }
        Command c = new Command(attrs);
        if (c.commandField() == null) {
            throw new DimseFormatException("command set without a known Command Field: "
                    + attrs.getInt(Tag.CommandField, -1));
        }
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        CommandField f = commandField();
        sb.append(f == null ? "?" : f.name()).append('[');
        for (CommandElement e : CommandElement.values()) {
            if (e != CommandElement.CommandField && e != CommandElement.CommandGroupLength && contains(e)) {
                sb.append(e.name()).append('=').append(String.join("\\", attrs.getStrings(e.tag()))).append(", ");
            }
        }
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 2);
        }
        return sb.append(']').toString();
    }
}

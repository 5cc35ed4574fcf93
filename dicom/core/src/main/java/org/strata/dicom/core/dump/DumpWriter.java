package org.strata.dicom.core.dump;

import java.io.IOException;
import java.util.Locale;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.ElementDictionary;
import org.strata.dicom.core.io.DicomFile;

/**
 * Prints a data set one element per line in the style of DCMTK's dcmdump:
 * {@code (0010,0010) PN [Doe^John]                               #   8, 1 PatientName}.
 * Nested items are indented by two spaces per level.
 */
public final class DumpWriter {

    /** Printing options. */
    public record Options(int maxValueChars) {
        /** Values shortened to 64 characters, like dcmdump's default. */
        public static final Options DEFAULT = new Options(64);
        /** Values printed completely (dcmdump +L). */
        public static final Options FULL = new Options(Integer.MAX_VALUE);
    }

    private final Appendable out;
    private final Options options;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public DumpWriter(Appendable out, Options options) {
        this.out = out;
        this.options = options;
    }

    /** Dumps a whole file: meta information and data set, each with a header comment. */
    public void write(DicomFile file) throws IOException {
        out.append("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n");
        write(file.fileMeta());
        out.append("\n# Dicom-Data-Set\n# Used TransferSyntax: ").append(file.transferSyntax().uid()).append('\n');
        write(file.dataset());
    }

    public void write(Attributes attrs) throws IOException {
        write(attrs, 0);
    }

    private void write(Attributes attrs, int level) throws IOException {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            Object value = attrs.valueAt(i);
            if (value instanceof Sequence seq) {
                String kind = seq.undefinedLength() ? "undefined" : "explicit";
                line(level, tag, "SQ", "(Sequence with " + kind + " length #=" + seq.size() + ")", "u/l", 1);
                for (Attributes item : seq) {
                    String ik = item.undefinedItemLength() ? "undefined" : "explicit";
                    line(level + 1, 0xFFFEE000, "na", "(Item with " + ik + " length #=" + item.size() + ")", "u/l", 1);
                    write(item, level + 2);
                    line(level + 1, 0xFFFEE00D, "na", "(ItemDelimitationItem)", "0", 0);
                }
                line(level, 0xFFFEE0DD, "na", "(SequenceDelimitationItem)", "0", 0);
            } else if (value instanceof Fragments fragments) {
                line(level, tag, vr.name(), "(PixelSequence #=" + fragments.size() + ")", "u/l", 1);
                for (int k = 0; k < fragments.size(); k++) {
                    Object f = fragments.get(k);
                    String text = f instanceof BulkData b ? "(BulkData " + b.uri() + ")"
                            : ((byte[]) f).length == 0 ? "(no value available)" : hex((byte[]) f, VR.OB);
                    line(level + 1, 0xFFFEE000, "pi", text, Long.toString(fragments.length(k)), 1);
                }
                line(level, 0xFFFEE0DD, "na", "(SequenceDelimitationItem)", "0", 0);
            } else if (value instanceof BulkData b) {
                line(level, tag, vr.name(), "(BulkData " + b.uri() + ")", Long.toString(b.length()), 1);
            } else {
                element(attrs, i, level);
            }
        }
    }

    private void element(Attributes attrs, int i, int level) throws IOException {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        int length = value instanceof byte[] b ? b.length
                : value == null ? 0 : attrs.stringsAt(i).length == 0 ? 0 : String.join("\\", attrs.stringsAt(i)).length();
        String text;
        int vm;
        if (value == null || length == 0) {
            text = "(no value available)";
            vm = 0;
        } else if (vr == VR.OB || vr == VR.OW || vr == VR.UN || vr == VR.OL || vr == VR.OV) {
            byte[] b = (byte[]) value;
            text = hex(b, vr);
            vm = 1;
        } else {
            String[] values = attrs.stringsAt(i);
            vm = values.length;
            text = vr.isText() ? "[" + String.join("\\", values) + "]" : formatNumbers(values, vr);
        }
        line(level, tag, vr.name(), text, Integer.toString(length + (length & 1)), vm);
    }

    private static String formatNumbers(String[] values, VR vr) {
        if (vr != VR.AT) {
            return String.join("\\", values);
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append('(').append(v, 0, 4).append(',').append(v, 4, 8).append(')');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private String hex(byte[] b, VR vr) {
        int unit = vr == VR.OW ? 2 : vr == VR.OL ? 4 : vr == VR.OV ? 8 : 1;
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off + unit <= b.length; off += unit) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            for (int k = unit - 1; k >= 0; k--) {
                sb.append(String.format("%02x", b[off + k] & 0xFF));
            }
            if (sb.length() > options.maxValueChars()) {
                break;
            }
        }
        return sb.toString();
    }

    private void line(int level, int tag, String vr, String text, String length, int vm) throws IOException {
        String value = text.length() > options.maxValueChars() ? text.substring(0, options.maxValueChars()) + "..." : text;
        StringBuilder sb = new StringBuilder();
        sb.append("  ".repeat(level));
        sb.append(String.format("(%04x,%04x) %s %s", tag >>> 16, tag & 0xFFFF, vr, value));
        int width = 2 * level + 55;
        while (sb.length() < width) {
            sb.append(' ');
        }
        sb.append(" # ").append(String.format("%3s", length)).append(", ").append(vm).append(' ')
                .append(keyword(tag)).append('\n');
        out.append(sb);
    }

    private String keyword(int tag) {
        String k = switch (tag) {
            case 0xFFFEE000 -> "Item";
            case 0xFFFEE00D -> "ItemDelimitationItem";
            case 0xFFFEE0DD -> "SequenceDelimitationItem";
            default -> dictionary.keywordOf(tag);
        };
        return k.isEmpty() ? "Unknown" : k;
    }
}

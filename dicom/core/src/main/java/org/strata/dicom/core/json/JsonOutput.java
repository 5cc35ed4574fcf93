package org.strata.dicom.core.json;

import java.io.IOException;

/** Minimal JSON token output (RFC 8259 string escaping), used by {@link DicomJsonWriter}. */
final class JsonOutput {

    private final Appendable out;

    JsonOutput(Appendable out) {
        this.out = out;
    }

    JsonOutput raw(String s) throws IOException {
        out.append(s);
        return this;
    }

    JsonOutput string(String s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }
}

package org.strata.dicom.core.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.strata.dicom.core.VR;

/** Placeholder: replaced by the full implementation. */
public class SpecificCharacterSet {

    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(StandardCharsets.ISO_8859_1);

    private final Charset charset;

    private SpecificCharacterSet(Charset charset) {
        this.charset = charset;
    }

    public static SpecificCharacterSet of(String... terms) {
        if (terms.length > 0 && "ISO_IR 192".equals(terms[0].trim())) {
            return new SpecificCharacterSet(StandardCharsets.UTF_8);
        }
        return DEFAULT;
    }

    public String decode(byte[] b, VR vr) {
        return new String(b, charset);
    }

    public byte[] encode(String s, VR vr) {
        return s.getBytes(charset);
    }
}

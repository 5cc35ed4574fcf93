package org.strata.dicom.core.json;

import java.math.BigDecimal;

/**
 * A JSON number that remembers its text, so that a DS value such as {@code 1.0000000e-6}
 * survives JSON → data set → JSON unchanged (BigDecimal alone would print 0.0000010000000).
 */
public final class JsonNumber extends BigDecimal {

    private static final long serialVersionUID = 1L;

    private final String text;

    JsonNumber(String text) {
        super(text);
        this.text = text;
    }

    /** The number as written in the JSON text. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

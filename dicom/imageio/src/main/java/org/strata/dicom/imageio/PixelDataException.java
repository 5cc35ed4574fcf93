package org.strata.dicom.imageio;

/** A compressed frame that cannot be decoded: corrupt, truncated or using an unsupported feature. */
public class PixelDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

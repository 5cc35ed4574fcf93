package org.strata.dicom.imageio;

/** Transfer Syntax UIDs of the compressed pixel encodings (PS3.6 Table A-1, PS3.5 Section 10). */
public final class TransferSyntaxes {
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    public static final String JPEG_BASELINE_8BIT = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_EXTENDED_12BIT = "1.2.840.10008.1.2.4.51";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

    private TransferSyntaxes() {
    }
}

package org.strata.dicom.core.io;

import org.strata.dicom.core.Attributes;

/**
 * A DICOM file (PS3.10 7.1): the 128-byte preamble ({@code null} if the file had none), the File
 * Meta Information (group 0002; empty if the file had none), the data set and the transfer
 * syntax it is encoded in.
 */
public record DicomFile(byte[] preamble, Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax) {
}

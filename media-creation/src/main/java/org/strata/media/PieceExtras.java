package org.strata.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.DicomDirReader;
import org.strata.dicom.media.FileSet;

/**
 * What a piece holds besides its DICOM files (PS3.12, IHE PDI): thumbnails, {@code INDEX.HTM},
 * {@code README.TXT}; and its label (PNG and PDF) beside it, for the printer.
 */
public final class PieceExtras {

    /** The piece's File-set ID and its label files. */
    public record Written(String fileSetId, Path labelPng, Path labelPdf) {
    }

    private PieceExtras() {
    }

    public static Written write(FileSet fs, ApplicationProfile profile, int piece, int pieces, String labelText,
                                Path labelPng, Path labelPdf) throws IOException {
        return write(fs, profile, piece, pieces, labelText, null, labelPng, labelPdf);
    }

    /** As above, with the Barcode Value (2200,0005) drawn on the label in Code 128 ({@code null}: none). */
    public static Written write(FileSet fs, ApplicationProfile profile, int piece, int pieces, String labelText,
                                String barcode, Path labelPng, Path labelPdf) throws IOException {
        String fileSetId = DicomDirReader.read(fs.dicomdir()).fileSetId();
        DiscContents contents = DiscContents.of(fs, fileSetId, piece, pieces);
        writeOnMedium(fs, contents, profile);
        writeLabel(contents, labelText, barcode, labelPng, labelPdf);
        return new Written(fileSetId, labelPng, labelPdf);
    }

    /** Thumbnails, {@code INDEX.HTM} and {@code README.TXT} into the file-set of {@code contents}. */
    public static void writeOnMedium(FileSet fs, DiscContents contents, ApplicationProfile profile) throws IOException {
        Map<String, String> thumbnails = Thumbnails.write(contents, fs.root());
        IndexHtml.write(contents, thumbnails, fs.root());
        ReadmeText.write(contents, profile.id(), fs.root());
    }

    /** The label (PNG and PDF), which is not on the medium: it may be drawn while the image is written. */
    public static void writeLabel(DiscContents contents, String labelText, String barcode, Path labelPng,
                                  Path labelPdf) throws IOException {
        Files.createDirectories(labelPng.getParent());
        Files.createDirectories(labelPdf.getParent());
        List<String> lines = LabelLines.of(contents, labelText, null);
        LabelImage.write(lines, barcode, labelPng);
        LabelPdf.write(lines, barcode, labelPdf);
    }
}

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
        String fileSetId = DicomDirReader.read(fs.dicomdir()).fileSetId();
        DiscContents contents = DiscContents.of(fs, fileSetId, piece, pieces);
        Map<String, String> thumbnails = Thumbnails.write(contents, fs.root());
        IndexHtml.write(contents, thumbnails, fs.root());
        ReadmeText.write(contents, profile.id(), fs.root());
        Files.createDirectories(labelPng.getParent());
        Files.createDirectories(labelPdf.getParent());
        List<String> lines = LabelLines.of(contents, labelText, null);
        LabelImage.write(lines, labelPng);
        LabelPdf.write(lines, labelPdf);
        return new Written(fileSetId, labelPng, labelPdf);
    }
}

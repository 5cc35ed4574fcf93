package org.strata.dicom.imageio.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strata.dicom.imageio.TransferSyntaxes;

class TransferSyntaxChooserTest {

    private static final String EXPLICIT = TransferSyntaxCatalog.EXPLICIT_VR_LE;
    private static final String IMPLICIT = TransferSyntaxCatalog.IMPLICIT_VR_LE;

    @Test
    void storedSyntaxWhenAccepted() {
        assertEquals(Optional.of(TransferSyntaxes.JPEG_BASELINE_8BIT), TransferSyntaxChooser.choose(
                TransferSyntaxes.JPEG_BASELINE_8BIT, List.of(IMPLICIT, TransferSyntaxes.JPEG_BASELINE_8BIT), false));
    }

    @Test
    void explicitLittleEndianFirstAmongLossless() {
        assertEquals(Optional.of(EXPLICIT), TransferSyntaxChooser.choose(TransferSyntaxes.JPEG_LS_LOSSLESS,
                List.of(TransferSyntaxes.RLE_LOSSLESS, IMPLICIT, EXPLICIT), false));
        assertEquals(Optional.of(IMPLICIT), TransferSyntaxChooser.choose(TransferSyntaxes.RLE_LOSSLESS,
                List.of(TransferSyntaxes.JPEG_BASELINE_8BIT, IMPLICIT), false));
        assertEquals(Optional.of(TransferSyntaxes.JPEG_LS_LOSSLESS), TransferSyntaxChooser.choose(EXPLICIT,
                List.of(TransferSyntaxes.RLE_LOSSLESS, TransferSyntaxes.JPEG_LS_LOSSLESS), false));
    }

    @Test
    void lossyOnlyWhenAllowed() {
        List<String> onlyLossy = List.of(TransferSyntaxes.JPEG_BASELINE_8BIT);
        assertEquals(Optional.empty(), TransferSyntaxChooser.choose(EXPLICIT, onlyLossy, false));
        assertEquals(Optional.of(TransferSyntaxes.JPEG_BASELINE_8BIT),
                TransferSyntaxChooser.choose(EXPLICIT, onlyLossy, true));
    }

    @Test
    void videoAndUndecodableNeverTranscoded() {
        assertEquals(Optional.empty(), TransferSyntaxChooser.choose("1.2.840.10008.1.2.4.102", List.of(EXPLICIT), true));
        assertEquals(Optional.empty(), TransferSyntaxChooser.choose("1.2.840.10008.1.2.4.201", List.of(EXPLICIT), true));
    }
}

package org.strata.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.strata.dicom.core.UID;
import org.strata.dicom.imageio.transcode.TranscodeOptions;
import org.strata.dicom.imageio.transcode.Transcoder;
import org.strata.dicom.imageio.transcode.TransferSyntaxChooser;
import org.strata.dicom.media.ApplicationProfile;

/**
 * Writes one stored Part 10 object into the staging folder in a transfer syntax the application
 * profile allows (PS3.11 D.3.2 for STD-GEN-CD: Explicit VR Little Endian only): as stored when
 * allowed, else transcoded without loss (lossy data is decompressed, never recompressed).
 */
public final class InstanceStager {

    private final ApplicationProfile profile;
    private final List<String> targets;

    public InstanceStager(ApplicationProfile profile) {
        this.profile = profile;
        List<String> ordered = new ArrayList<>();
        ordered.add(UID.ExplicitVRLittleEndian);
        profile.transferSyntaxes().stream().filter(ts -> !ts.equals(UID.ExplicitVRLittleEndian)).sorted()
                .forEach(ordered::add);
        this.targets = List.copyOf(ordered);
    }

    /** The syntax {@code storedTs} is written in, or empty when no allowed syntax can be produced. */
    public Optional<String> target(String storedTs) {
        if (profile.allows(storedTs)) {
            return Optional.of(storedTs);
        }
        return TransferSyntaxChooser.choose(storedTs, targets, false);
    }

    /**
     * Writes {@code part10} to {@code target} (through a temporary file, moved when complete).
     *
     * @return the transfer syntax written
     */
    public String stage(InputStream part10, String storedTs, Path target) throws IOException {
        String ts = target(storedTs).orElseThrow(() -> new IOException("transfer syntax " + storedTs
                + " cannot be converted without loss to one " + profile.id() + " allows " + targets));
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            if (ts.equals(storedTs)) {
                part10.transferTo(out);
            } else {
                new Transcoder(TranscodeOptions.DEFAULT).transcode(part10, out, ts);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        return ts;
    }
}

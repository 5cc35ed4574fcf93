package org.strata.dicom.tools.corpus;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.dicom.tools.Command;
import org.strata.dicom.tools.net.Args;

/**
 * {@code make-corpus OUT_DIR [--patients N] [--studies-per-patient N] [--series-per-study N]
 * [--instances-per-series N] [--rows N] [--cols N] [--frames N] [--bits-stored N] [--seed N]}: writes a
 * synthetic corpus of CT Image Storage Part 10 files in Explicit VR Little Endian for benchmarks and
 * load tests. The defaults make 1,000 instances of 0.5 MB (10 × 5 × 4 × 5).
 */
public final class MakeCorpusCommand implements Command {

    @Override
    public String name() {
        return "make-corpus";
    }

    @Override
    public String summary() {
        return "synthetic CT corpus: OUT_DIR [--patients N] [--studies-per-patient N] [--series-per-study N]"
                + " [--instances-per-series N] [--rows N] [--cols N] [--frames N] [--bits-stored N] [--seed N]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        if (a.positional().size() != 1) {
            throw new IllegalArgumentException("expected one output directory, got " + a.positional());
        }
        CorpusSpec d = CorpusSpec.defaults();
        CorpusSpec spec = new CorpusSpec(a.getInt("--patients", d.patients()),
                a.getInt("--studies-per-patient", d.studiesPerPatient()),
                a.getInt("--series-per-study", d.seriesPerStudy()),
                a.getInt("--instances-per-series", d.instancesPerSeries()), a.getInt("--rows", d.rows()),
                a.getInt("--cols", d.columns()), a.getInt("--frames", d.frames()),
                a.getInt("--bits-stored", d.bitsStored()), a.getInt("--seed", (int) d.seed()));
        Path dir = Files.createDirectories(Path.of(a.positional().get(0)));
        long bytes = write(spec, dir);
        out.printf("wrote %d files (%.1f MB) to %s%n", spec.instances(), bytes / 1e6, dir);
        return 0;
    }

    /** Writes every instance of {@code spec} into {@code dir}; returns the bytes written. */
    public static long write(CorpusSpec spec, Path dir) throws java.io.IOException {
        SyntheticCt ct = new SyntheticCt(spec);
        long bytes = 0;
        for (int p = 0; p < spec.patients(); p++) {
            Attributes patient = ct.patient(p);
            for (int s = 0; s < spec.studiesPerPatient(); s++) {
                Attributes study = ct.study(s);
                for (int r = 0; r < spec.seriesPerStudy(); r++) {
                    String seriesUid = SyntheticCt.newUid();
                    for (int i = 0; i < spec.instancesPerSeries(); i++) {
                        Attributes ds = ct.instance(patient, study, seriesUid, r, i);
                        String ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
                        Path file = dir.resolve(String.format("%s_%d_%d_%04d.dcm",
                                patient.getString(org.strata.dicom.core.Tag.PatientID), s, r, i));
                        Part10Writer.write(file, new DicomFile(null, FileMetaInformation.create(ds, ts), ds,
                                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
                        bytes += Files.size(file);
                    }
                }
            }
        }
        return bytes;
    }
}

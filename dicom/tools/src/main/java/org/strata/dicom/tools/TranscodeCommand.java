package org.strata.dicom.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.strata.dicom.imageio.transcode.TranscodeOptions;
import org.strata.dicom.imageio.transcode.Transcoder;
import org.strata.dicom.imageio.transcode.TransferSyntaxCatalog;

/**
 * {@code transcode -t TSUID|Keyword [--lossy] IN OUT}: transcodes one file, or every file of a
 * directory tree into the same relative paths under OUT.
 */
public final class TranscodeCommand implements Command {

    private static final String USAGE = "usage: transcode -t TSUID|Keyword [--lossy] IN OUT";

    @Override
    public String name() {
        return "transcode";
    }

    @Override
    public String summary() {
        return "transcode -t TS [--lossy] IN OUT : change transfer syntax (files or directories)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        String ts = null;
        boolean lossy = false;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-t") || a.equals("--transfer-syntax")) && i + 1 < args.size()) {
                ts = args.get(++i);
            } else if (a.equals("--lossy")) {
                lossy = true;
            } else {
                paths.add(a);
            }
        }
        if (ts == null || paths.size() != 2) {
            err.println(USAGE);
            err.println("keywords: " + String.join(", ", TransferSyntaxCatalog.keywords()));
            return 2;
        }
        String uid = TransferSyntaxCatalog.resolve(ts).orElse(null);
        if (uid == null) {
            err.println("transcode: unknown transfer syntax '" + ts + "'; keywords: "
                    + String.join(", ", TransferSyntaxCatalog.keywords()));
            return 2;
        }
        Transcoder transcoder = new Transcoder(TranscodeOptions.builder().allowLossy(lossy).build());
        Path in = Path.of(paths.get(0));
        Path target = Path.of(paths.get(1));
        if (!Files.isDirectory(in)) {
            return transcode(transcoder, in, target, uid, err) ? 0 : 1;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(in)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int failed = 0;
        for (Path f : files) {
            Path o = target.resolve(in.relativize(f).toString());
            Files.createDirectories(o.toAbsolutePath().getParent());
            if (!transcode(transcoder, f, o, uid, err)) {
                failed++;
            }
        }
        out.println("transcoded " + (files.size() - failed) + " of " + files.size() + " files");
        return failed == 0 ? 0 : 1;
    }

    private static boolean transcode(Transcoder transcoder, Path in, Path out, String uid, PrintStream err) {
        try {
            transcoder.transcode(in, out, uid);
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("transcode: " + DicomInputs.describe(in.toString(), e));
            return false;
        }
    }
}

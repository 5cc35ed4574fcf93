package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The study the media tests put on media: pydicom's test files in five transfer syntaxes as one
 * new study ({@code src/test/python/make_media_study.py}), each file stored with DCMTK's storescu
 * proposing its own syntax.
 *
 * @param files each file and its transfer syntax, in order
 */
record MediaStudy(String studyUid, List<File> files) {

    record File(Path path, String transferSyntaxUid) {
    }

    /** Writes a new study below {@code dir} and stores it on the test server. */
    static MediaStudy storeNew(Path dir) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_media_study.py", dir.toString())
                .start();
        String out = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gen.waitFor(), new String(gen.getErrorStream().readAllBytes()));
        List<String> lines = out.lines().toList();
        List<File> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            files.add(new File(Path.of(f[0]), f[1]));
            Dcmtk.Result r = Dcmtk.run("storescu", "-aec", "STRATA", proposal(f[1]), "127.0.0.1",
                    System.getProperty("it.dicom.port"), f[0]);
            assertEquals(0, r.exitCode(), r.output());
        }
        return new MediaStudy(lines.get(0), List.copyOf(files));
    }

    /** storescu proposes compressed syntaxes only when told, one family per run. */
    private static String proposal(String ts) {
        return switch (ts) {
            case "1.2.840.10008.1.2.5" -> "-xr";
            case "1.2.840.10008.1.2.4.80" -> "-xt";
            case "1.2.840.10008.1.2.4.90" -> "-xv";
            case "1.2.840.10008.1.2.4.50" -> "-xy";
            default -> "-xe";
        };
    }
}

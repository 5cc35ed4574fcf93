package org.strata.hsm.tar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.strata.hsm.TestData;

/** GNU tar as the independent reader proving the volumes are standard TAR files. */
final class GnuTar {

    private GnuTar() {
    }

    /** Entry names, by {@code tar -tf}. */
    static List<String> names(Path volume) throws Exception {
        String out = new String(TestData.run(volume.getParent(), "tar", "-tf", volume.toString()), StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    /** Verbose listing lines, by {@code tar -tvf}. */
    static List<String> listing(Path volume) throws Exception {
        String out = new String(TestData.run(volume.getParent(), "tar", "-tvf", volume.toString()), StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    /** An entry's bytes, by {@code tar -xOf}. */
    static byte[] extract(Path volume, String name) throws Exception {
        return TestData.run(volume.getParent(), "tar", "-xOf", volume.toString(), name);
    }
}

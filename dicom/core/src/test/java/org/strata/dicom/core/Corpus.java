package org.strata.dicom.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test corpus: every file of Debian's python3-pydicom test_files and charset_files, and the
 * files in it that are intentionally not parsable (each must fail with DicomParseException).
 */
public final class Corpus {

    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    /** Relative path → why it cannot be parsed. */
    public static final Map<String, String> UNPARSABLE = Map.ofEntries(
            Map.entry("test_files/MR_truncated.dcm", "pixel data truncated"),
            Map.entry("test_files/rtplan_truncated.dcm", "value truncated"),
            Map.entry("test_files/no_meta.dcm", "first element (0820,0500) is garbage; dcmdump fails too"),
            Map.entry("test_files/dicomdirtests/DICOMDIR-nooffset", "last item length beyond end of file"),
            Map.entry("test_files/README.txt", "not DICOM"),
            Map.entry("test_files/dicomdirtests/README.txt", "not DICOM"),
            Map.entry("test_files/dicomdirtests/TINY_ALPHA/README", "not DICOM"),
            Map.entry("test_files/rtplan.dump", "not DICOM (text)"),
            Map.entry("test_files/rtstruct.dump", "not DICOM (text)"),
            Map.entry("test_files/test1.json", "not DICOM (JSON)"),
            Map.entry("test_files/test_PN.json", "not DICOM (JSON)"),
            Map.entry("test_files/zipMR.gz", "not DICOM (gzip)"),
            Map.entry("charset_files/FileInfo.txt", "not DICOM (text)"));

    private Corpus() {
    }

    /** Every regular file, sorted. */
    public static List<Path> all() {
        try (Stream<Path> a = Files.walk(PYDICOM_DATA.resolve("test_files"));
                Stream<Path> b = Files.walk(PYDICOM_DATA.resolve("charset_files"))) {
            return Stream.concat(a, b).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files expected to parse. */
    public static List<Path> parsable() {
        return all().stream().filter(p -> !UNPARSABLE.containsKey(relative(p))).toList();
    }

    public static String relative(Path p) {
        return PYDICOM_DATA.relativize(p).toString();
    }
}

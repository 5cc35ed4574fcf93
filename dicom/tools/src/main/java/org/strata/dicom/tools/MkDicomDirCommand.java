package org.strata.dicom.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.strata.dicom.media.ApplicationProfile;
import org.strata.dicom.media.FileSet;
import org.strata.dicom.media.FileSetBuilder;
import org.strata.dicom.media.NativeReencoding;

/**
 * {@code mkdicomdir [--profile P] [--fileset-id ID] [--no-reencode] OUTDIR FILES_OR_DIRS…}: builds a
 * file-set (PS3.10 8) with its DICOMDIR. Folders are searched recursively for Part 10 files (those
 * with the "DICM" prefix), in name order so File IDs are stable.
 */
public final class MkDicomDirCommand implements Command {

    private static final String USAGE =
            "usage: mkdicomdir [--profile STD-GEN-CD] [--fileset-id ID] [--no-reencode] [--capacity SIZE[K|M|G]]"
                    + " OUTDIR FILES_OR_DIRS...";

    @Override
    public String name() {
        return "mkdicomdir";
    }

    @Override
    public String summary() {
        return "mkdicomdir OUTDIR FILES... : create a DICOM file-set with DICOMDIR (--profile, --fileset-id)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        ApplicationProfile profile = ApplicationProfile.STD_GEN_CD;
        String fileSetId = "";
        boolean reencode = true;
        long capacity = 0;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--profile" -> {
                    if (++i == args.size()) {
                        err.println(USAGE);
                        return 2;
                    }
                    profile = ApplicationProfile.of(args.get(i));
                }
                case "--fileset-id" -> {
                    if (++i == args.size()) {
                        err.println(USAGE);
                        return 2;
                    }
                    fileSetId = args.get(i);
                }
                case "--no-reencode" -> reencode = false;
                case "--capacity" -> {
                    if (++i == args.size()) {
                        err.println(USAGE);
                        return 2;
                    }
                    capacity = parseSize(args.get(i));
                }
                default -> positional.add(a);
            }
        }
        if (positional.size() < 2) {
            err.println(USAGE);
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (String input : positional.subList(1, positional.size())) {
            collect(Path.of(input), files);
        }
        if (files.isEmpty()) {
            err.println("mkdicomdir: no DICOM files found");
            return 1;
        }
        FileSetBuilder builder = FileSetBuilder.forProfile(profile).fileSetId(fileSetId).add(files);
        if (reencode) {
            builder.transform(new NativeReencoding());
        }
        List<FileSet> sets = capacity > 0 ? builder.writePieces(Path.of(positional.get(0)), capacity)
                : List.of(builder.write(Path.of(positional.get(0))));
        for (FileSet fs : sets) {
            for (FileSet.Entry e : fs.entries()) {
                out.println(e.fileId() + " <- " + e.source());
            }
            fs.notes().forEach(n -> err.println("mkdicomdir: note: " + n));
            out.println(fs.dicomdir() + ": " + fs.entries().size() + " instances, profile " + profile.id());
        }
        return 0;
    }

    /** {@code 650M}, {@code 4G}, {@code 1000000}: bytes with an optional binary unit. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
        if (n <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + text);
        }
        return n * unit;
    }

    private static void collect(Path input, List<Path> files) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (!p.getFileName().toString().equals("DICOMDIR") && hasDicmPrefix(p)) {
                        files.add(p);
                    }
                }
            }
        } else if (Files.isRegularFile(input)) {
            files.add(input);
        } else {
            throw new IOException(input + ": no such file or directory");
        }
    }

    /** PS3.10 7.1: 128-byte preamble then "DICM". */
    private static boolean hasDicmPrefix(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }
}

package org.strata.dicom.tools.net;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.dimse.DimseRsp;
import org.strata.dicom.net.dimse.Status;
import org.strata.dicom.net.service.Part10Source;
import org.strata.dicom.tools.Command;
import org.strata.dicom.media.ImportPlan;
import org.strata.dicom.media.MediaInput;

/**
 * {@code import -c AET@HOST:PORT PATH}: a standalone File-Set Reader (PS3.11 FSR) that sends a
 * medium's instances to a storage SCP. PATH is a folder, a DICOMDIR, an ISO 9660 image (extracted
 * with xorriso), a ZIP (unpacked safely) or a dcm4chee 2.x TAR volume (each file checked against its MD5SUM). Every referenced file must exist and match its record;
 * each problem is reported per file and the rest imported. Prints imported / duplicate / failed.
 */
public final class ImportCommand implements Command {

    /** PS3.4 Annex B / PS3.7 C: Duplicate SOP Instance, answered by SCPs that refuse re-sends. */
    static final int DUPLICATE_SOP_INSTANCE = 0x0111;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import a DICOM medium (folder, DICOMDIR, ISO, ZIP) into a storage SCP: " + Scu.USAGE_COMMON
                + " [--max-bytes N] PATH";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        Scu scu = new Scu(a);
        if (a.positional().size() != 1) {
            err.println("usage: import " + Scu.USAGE_COMMON + " [--max-bytes N] PATH");
            return 2;
        }
        Path input = Path.of(a.positional().get(0));
        long maxBytes = Long.parseLong(a.get("--max-bytes", String.valueOf(64L << 30)));
        List<String> errors = new ArrayList<>();
        Path temp = null;
        try {
            MediaInput opened;
            try {
                temp = Files.createTempDirectory("strata-import");
                opened = MediaInput.open(input, temp, maxBytes);
            } catch (MediaInput.UnknownInputException | java.nio.file.NoSuchFileException e) {
                err.println("import: " + input + " is not a folder, DICOMDIR, ISO 9660 image, ZIP or TAR volume");
                return 1;
            }
            errors.addAll(opened.errors());
            Path root = opened.root();
            ImportPlan plan = ImportPlan.of(root);
            errors.addAll(plan.errors());
            return send(scu, root, plan, errors, out, err);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static int send(Scu scu, Path root, ImportPlan plan, List<String> errors, PrintStream out,
            PrintStream err) throws IOException {
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger duplicate = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(errors.size());
        List<Part10Source> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ImportPlan.Item item : plan.items()) {
            String name = root.relativize(item.file()).toString();
            Part10Source s;
            try {
                s = Part10Source.open(item.file());
            } catch (IOException | RuntimeException e) {
                errors.add(name + ": corrupt or not DICOM (" + e.getMessage() + ")");
                failed.incrementAndGet();
                continue;
            }
            if (item.expectedSopInstanceUid() != null && !item.expectedSopInstanceUid().equals(s.sopInstanceUid())) {
                errors.add(name + ": SOP Instance UID " + s.sopInstanceUid() + " does not match its DICOMDIR record ("
                        + item.expectedSopInstanceUid() + ")");
                failed.incrementAndGet();
                continue;
            }
            if (!seen.add(s.sopInstanceUid())) {
                duplicate.incrementAndGet();
                continue;
            }
            sources.add(s);
        }
        try (NetRuntime runtime = new NetRuntime("import", 4)) {
            StoreJob.send(scu, runtime, sources, new StoreJob.Outcomes() {
                @Override
                public void answered(Part10Source s, DimseRsp rsp) {
                    if (Status.isSuccessOrWarning(rsp.status())) {
                        imported.incrementAndGet();
                    } else if (rsp.status() == DUPLICATE_SOP_INSTANCE) {
                        duplicate.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        errors.add(root.relativize(s.file()) + ": status " + Status.toHex(rsp.status()) + " "
                                + rsp.errorComment());
                    }
                }

                @Override
                public void failed(Part10Source s, String reason) {
                    failed.incrementAndGet();
                    errors.add(root.relativize(s.file()) + ": " + reason);
                }
            });
        }
        errors.forEach(e -> err.println("import: " + e));
        out.printf("imported %d, duplicate %d, failed %d (%s)%n", imported.get(), duplicate.get(), failed.get(),
                plan.fromDicomdir() ? "from DICOMDIR" : "folder walked");
        return failed.get() == 0 ? 0 : 1;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

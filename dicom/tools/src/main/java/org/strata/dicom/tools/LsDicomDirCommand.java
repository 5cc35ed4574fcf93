package org.strata.dicom.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.ElementDictionary;
import org.strata.dicom.media.DirectoryRecord;
import org.strata.dicom.media.FileSetReader;

/**
 * {@code lsdicomdir DICOMDIR}: prints the record tree (following the offsets), one record a line
 * with its keys, and the referenced file; exit code 1 when a referenced file is missing.
 */
public final class LsDicomDirCommand implements Command {

    @Override
    public String name() {
        return "lsdicomdir";
    }

    @Override
    public String summary() {
        return "lsdicomdir DICOMDIR : list a file-set's directory records as a tree";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.size() != 1) {
            err.println("usage: lsdicomdir DICOMDIR");
            return 2;
        }
        FileSetReader reader = FileSetReader.open(Path.of(args.get(0)));
        out.println("File-set ID: " + reader.directory().fileSetId());
        for (DirectoryRecord r : reader.directory().roots()) {
            print(r, 0, reader.root(), out);
        }
        List<FileSetReader.Reference> missing = reader.missing();
        missing.forEach(m -> err.println("lsdicomdir: missing referenced file " + m.fileId()));
        return missing.isEmpty() ? 0 : 1;
    }

    private static void print(DirectoryRecord r, int depth, Path root, PrintStream out) {
        StringBuilder sb = new StringBuilder("  ".repeat(depth)).append(r.type());
        Attributes a = r.attributes();
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            VR vr = a.vrAt(i);
            if (Tags.group(tag) == 4 || tag == Tag.SpecificCharacterSet || vr == VR.SQ || !vr.isText()) {
                continue;
            }
            String keyword = ElementDictionary.standard().lookup(tag).map(e -> e.keyword()).orElse(Tags.toString(tag));
            sb.append(' ').append(keyword).append('=').append(String.join("\\", a.stringsAt(i)).trim());
        }
        if (r.fileId() != null) {
            sb.append(" -> ").append(r.fileId());
            if (!Files.isRegularFile(r.fileId().resolve(root))) {
                sb.append(" [missing]");
            }
        }
        out.println(sb);
        r.children().forEach(c -> print(c, depth + 1, root, out));
    }
}

package org.strata.dicom.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.strata.dicom.core.dump.DumpWriter;

/** {@code dump FILE…}: prints each file like DCMTK's dcmdump. */
public final class DumpCommand implements Command {

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "dump FILE... : print DICOM files element by element (dcmdump style)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: dump FILE...");
            return 2;
        }
        int exit = 0;
        for (String name : args) {
            try {
                StringBuilder sb = new StringBuilder();
                new DumpWriter(sb, DumpWriter.Options.DEFAULT).write(DicomInputs.read(name));
                if (args.size() > 1) {
                    out.println("# " + name);
                }
                out.print(sb);
            } catch (IOException | RuntimeException e) {
                err.println("dump: " + DicomInputs.describe(name, e));
                exit = 1;
            }
        }
        return exit;
    }
}

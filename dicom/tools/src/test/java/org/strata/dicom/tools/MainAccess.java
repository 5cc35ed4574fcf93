package org.strata.dicom.tools;

import java.io.PrintStream;
import java.util.List;

/** Lets tests in sub-packages run {@link Main} in-process. */
public final class MainAccess {

    private MainAccess() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Main.run(args, out, err);
    }
}

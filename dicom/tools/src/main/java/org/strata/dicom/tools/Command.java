package org.strata.dicom.tools;

import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of {@code ./strata dicom <command>}. Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.strata.dicom.tools.Command}),
 * so a new tool is one class plus one line there.
 */
public interface Command {

    /** The word after {@code ./strata dicom}, e.g. {@code dump}. */
    String name();

    /** One line for the command list of {@code ./strata dicom --help}. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 when every operation succeeded
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}

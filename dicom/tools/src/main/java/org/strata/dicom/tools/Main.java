package org.strata.dicom.tools;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Entry point of {@code ./strata dicom <command> [args]}: dispatches to a {@link Command}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = new TreeMap<>();
        ServiceLoader.load(Command.class).forEach(c -> commands.put(c.name(), c));
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(commands, out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("strata dicom: unknown command '" + args.get(0) + "' (try --help)");
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (Exception e) {
            err.println("strata dicom " + command.name() + ": " + e.getMessage());
            return 1;
        }
    }

    private static void usage(Map<String, Command> commands, PrintStream out) {
        out.println("usage: ./strata dicom <command> [options]");
        out.println();
        out.println("commands:");
        commands.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    }
}

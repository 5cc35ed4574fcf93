package org.strata.dicom.tools.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: options with one value each (repeatable ones collected in order), flags
 * without value, and positional arguments.
 */
public final class Args {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /** @param flags options that take no value */
    public Args(List<String> args, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1) {
                if (flags.contains(a)) {
                    options.computeIfAbsent(a, k -> new ArrayList<>()).add("true");
                } else if (i + 1 < args.size()) {
                    options.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
    }

    public String get(String option, String defaultValue) {
        List<String> v = options.get(option);
        return v == null ? defaultValue : v.get(v.size() - 1);
    }

    public String require(String option, String what) {
        String v = get(option, null);
        if (v == null) {
            throw new IllegalArgumentException("missing " + option + " " + what);
        }
        return v;
    }

    public int getInt(String option, int defaultValue) {
        return Integer.parseInt(get(option, String.valueOf(defaultValue)));
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    public List<String> all(String option) {
        return options.getOrDefault(option, List.of());
    }

    public List<String> positional() {
        return positional;
    }
}

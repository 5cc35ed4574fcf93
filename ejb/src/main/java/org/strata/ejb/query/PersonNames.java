package org.strata.ejb.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical form of a PN value for indexing and matching: trailing empty components and
 * component groups are insignificant (PS3.5 6.2.1.1), so {@code Wang^XiaoDong=王^小東=} and
 * {@code Wang^XiaoDong=王^小東} are the same name.
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static String normalize(String pn) {
        if (pn == null) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        for (String group : pn.split("=", -1)) {
            String g = group.strip();
            int end = g.length();
            while (end > 0 && (g.charAt(end - 1) == '^' || g.charAt(end - 1) == ' ')) {
                end--;
            }
            groups.add(g.substring(0, end));
        }
        int last = groups.size();
        while (last > 1 && groups.get(last - 1).isEmpty()) {
            last--;
        }
        return String.join("=", groups.subList(0, last));
    }
}

package org.strata.dicom.core.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One element line of a dcmdump-style dump, parsed. */
record DumpLine(int depth, String tag, String vr, String value, int vm) {

    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4},[0-9a-f]{4})\\) (\\S\\S) (.*?) *# *([^,\\s]+), *(\\d+) .+$");

    /** Element lines of the data set part (after "# Dicom-Data-Set"), delimiters left out. */
    static List<DumpLine> parseDataset(String dump) {
        List<DumpLine> lines = new ArrayList<>();
        boolean inDataset = !dump.contains("# Dicom-Data-Set");
        for (String line : dump.split("\n")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                inDataset = true;
            }
            Matcher m = LINE.matcher(line);
            if (!inDataset || !m.matches() || m.group(2).equals("fffe,e00d") || m.group(2).equals("fffe,e0dd")) {
                continue;
            }
            lines.add(new DumpLine(m.group(1).length() / 2, m.group(2), m.group(3), m.group(4),
                    Integer.parseInt(m.group(6))));
        }
        return lines;
    }
}

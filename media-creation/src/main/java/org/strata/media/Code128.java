package org.strata.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Code 128 (ISO/IEC 15417) in code set B: printable ASCII (32–126), the symbology dcm4chee-cdw
 * printed the Barcode Value (2200,0005) with. A symbol is Start B, one symbol character per
 * character, the modulo-103 check character and Stop; each symbol character is three bars and
 * three spaces of 1–4 modules, 11 modules in all (Stop: 13).
 */
public final class Code128 {

    /** Bar/space widths of symbol values 0–106 (106 = Stop with its final bar). */
    private static final String[] PATTERNS = {
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

    private static final int START_B = 104;
    private static final int STOP = 106;

    /** Modules of quiet zone required on each side. */
    public static final int QUIET_ZONE = 10;

    private Code128() {
    }

    /** Whether {@code value} can be encoded (1–80 characters of printable ASCII). */
    public static boolean encodable(String value) {
        return value != null && !value.isEmpty() && value.length() <= 80
                && value.chars().allMatch(c -> c >= 32 && c <= 126);
    }

    /** The symbol values: Start B, the data, the check character, Stop. */
    static List<Integer> symbols(String value) {
        if (!encodable(value)) {
            throw new IllegalArgumentException("Code 128 set B encodes 1-80 printable ASCII characters: " + value);
        }
        List<Integer> s = new ArrayList<>();
        s.add(START_B);
        int check = START_B;
        for (int i = 0; i < value.length(); i++) {
            int v = value.charAt(i) - 32;
            s.add(v);
            check += (i + 1) * v;
        }
        s.add(check % 103);
        s.add(STOP);
        return s;
    }

    /** The modules from the first bar to the last, {@code true} for a bar (no quiet zones). */
    public static boolean[] modules(String value) {
        StringBuilder widths = new StringBuilder();
        symbols(value).forEach(v -> widths.append(PATTERNS[v]));
        int total = widths.chars().map(c -> c - '0').sum();
        boolean[] m = new boolean[total];
        int pos = 0;
        for (int i = 0; i < widths.length(); i++) {
            int w = widths.charAt(i) - '0';
            for (int k = 0; k < w; k++) {
                m[pos++] = i % 2 == 0; // bars at even positions: bar, space, bar, …
            }
        }
        return m;
    }
}

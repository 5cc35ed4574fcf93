package org.strata.dicom.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Parsing of DA, TM and DT values (PS3.5 6.2), tolerant of the legacy ACR-NEMA forms. */
public final class DateTimes {

    private DateTimes() {
    }

    /** {@code YYYYMMDD} (or legacy {@code YYYY.MM.DD}). */
    public static LocalDate parseDate(String s) {
        String d = s.trim().replace(".", "").replace("-", "");
        if (d.length() != 8) {
            throw new IllegalArgumentException("not a DA value: " + s);
        }
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)));
    }

    /** {@code HH[MM[SS[.F{1,6}]]]} (or legacy {@code HH:MM:SS}). */
    public static LocalTime parseTime(String s) {
        String t = s.trim().replace(":", "");
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        if (whole.length() < 2 || whole.length() > 6 || whole.length() % 2 != 0) {
            throw new IllegalArgumentException("not a TM value: " + s);
        }
        int hour = Integer.parseInt(whole.substring(0, 2));
        int minute = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
        int second = whole.length() >= 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
        int nanos = 0;
        if (dot >= 0) {
            String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
    }

    /** {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}; the UTC offset is ignored. */
    public static LocalDateTime parseDateTime(String s) {
        String t = s.trim();
        int zone = Math.max(t.indexOf('+', 1), t.indexOf('-', 1));
        if (zone > 0) {
            t = t.substring(0, zone);
        }
        if (t.length() < 4) {
            throw new IllegalArgumentException("not a DT value: " + s);
        }
        int year = Integer.parseInt(t.substring(0, 4));
        int month = t.length() >= 6 ? Integer.parseInt(t.substring(4, 6)) : 1;
        int day = t.length() >= 8 ? Integer.parseInt(t.substring(6, 8)) : 1;
        LocalTime time = t.length() > 8 ? parseTime(t.substring(8)) : LocalTime.MIDNIGHT;
        return LocalDate.of(year, month, day).atTime(time);
    }
}

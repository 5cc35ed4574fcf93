package org.strata.ejb.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;

/**
 * Compiles a C-FIND identifier into one JPQL query at the requested level (PS3.4 C.2.2.2 matching
 * rules): one condition per matching key that the index has a column for.
 */
public final class QueryBuilder {

    private List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final QueryOptions options;

    private QueryBuilder(QueryOptions options) {
        this.options = options;
    }

    /**
     * @throws IllegalArgumentException for a key value that cannot be matched (e.g. a bad number)
     */
    public static Jpql build(QueryLevel level, Attributes identifier, QueryOptions options) {
        QueryBuilder b = matching(level, identifier, options);
        return new Jpql("SELECT " + level.alias() + from(level) + b.where() + " ORDER BY " + level.alias() + ".pk",
                b.parameters);
    }

    /**
     * The instances a C-MOVE/C-GET identifier at {@code level} selects, with their copy on
     * {@code storageId}: rows of SOP Class UID, SOP Instance UID, transfer syntax, object id.
     */
    public static Jpql retrieve(QueryLevel level, Attributes identifier, String storageId) {
        QueryBuilder b = matching(level, identifier, QueryOptions.DEFAULT);
        b.conditions.add("l.storageId = " + b.param(storageId));
        return new Jpql("SELECT i.sopClassUid, i.sopInstanceUid, i.transferSyntaxUid, l.objectId"
                + " FROM Location l JOIN l.instance i JOIN i.series se JOIN se.study s JOIN s.patient p"
                + b.where() + " ORDER BY se.pk, i.pk", b.parameters);
    }

    /**
     * The instances below one entity of {@code level} (bound to the parameter {@code row}) that
     * meet the identifier's indexed keys of the levels below it: in a relational query (PS3.4
     * C.4.1.2.2.2) the candidates for the sequence keys below the level, which have no column.
     */
    public static Jpql instancesBelow(QueryLevel level, Attributes identifier, QueryOptions options) {
        QueryBuilder b = new QueryBuilder(options);
        b.conditions.add(switch (level) {
            case PATIENT -> "p = :row";
            case STUDY -> "s = :row";
            case SERIES -> "se = :row";
            case IMAGE -> throw new IllegalArgumentException("no level below IMAGE");
        });
        boolean combined = level == QueryLevel.PATIENT && options.has(QueryOptions.Matching.COMBINED_DATE_TIME)
                && b.combinedDateTime(identifier, Tag.StudyDate, Tag.StudyTime, "s.studyDate", "s.studyTime");
        for (int i = 0; i < identifier.size(); i++) {
            int tag = identifier.tagAt(i);
            MatchKey key = MatchKey.of(tag);
            if (key != null && key.level().ordinal() > level.ordinal()
                    && !(combined && (tag == Tag.StudyDate || tag == Tag.StudyTime))) {
                b.match(key, identifier.stringsAt(i));
            }
        }
        return new Jpql("SELECT i" + from(QueryLevel.IMAGE) + b.where() + " ORDER BY i.pk", b.parameters);
    }

    private static QueryBuilder matching(QueryLevel level, Attributes identifier, QueryOptions options) {
        QueryBuilder b = new QueryBuilder(options);
        boolean combined = options.has(QueryOptions.Matching.COMBINED_DATE_TIME)
                && b.combinedDateTime(identifier, Tag.StudyDate, Tag.StudyTime, "s.studyDate", "s.studyTime");
        List<String> outer = b.conditions;
        List<String> below = new ArrayList<>();
        QueryLevel deepest = level;
        for (int i = 0; i < identifier.size(); i++) {
            int tag = identifier.tagAt(i);
            MatchKey key = MatchKey.of(tag);
            if (key == null || combined && (tag == Tag.StudyDate || tag == Tag.StudyTime)) {
                continue;
            }
            if (key.level().ordinal() <= level.ordinal()) {
                b.match(key, identifier.stringsAt(i));
            } else if (options.has(QueryOptions.Matching.RELATIONAL)) {
                // PS3.4 C.4.1.2.2.2: a key below the level selects the entities having a match below
                b.conditions = below;
                b.match(key, identifier.stringsAt(i));
                b.conditions = outer;
                deepest = key.level().ordinal() > deepest.ordinal() ? key.level() : deepest;
            }
        }
        if (!below.isEmpty()) {
            outer.add("EXISTS (" + below(level, deepest) + " AND " + String.join(" AND ", below) + ")");
        }
        return b;
    }

    /** The entities from {@code deepest} up to the level below {@code level}, tied to the outer row. */
    private static String below(QueryLevel level, QueryLevel deepest) {
        return switch (level) {
            case PATIENT -> switch (deepest) {
                case STUDY -> "SELECT s FROM Study s WHERE s.patient = p";
                case SERIES -> "SELECT se FROM Series se JOIN se.study s WHERE s.patient = p";
                default -> "SELECT i FROM Instance i JOIN i.series se JOIN se.study s WHERE s.patient = p";
            };
            case STUDY -> deepest == QueryLevel.SERIES ? "SELECT se FROM Series se WHERE se.study = s"
                    : "SELECT i FROM Instance i JOIN i.series se WHERE se.study = s";
            default -> "SELECT i FROM Instance i WHERE i.series = se";
        };
    }

    /**
     * PS3.4 C.2.2.2.5.1 combined date-time matching: a date range and a time range of one
     * event (e.g. Study Date 20060705-20060707 with Study Time 1000-1800) are one range from
     * the first date and time to the second. Returns false (nothing done) unless both are ranges.
     */
    private boolean combinedDateTime(Attributes identifier, int dateTag, int timeTag, String datePath, String timePath) {
        String date = identifier.getString(dateTag);
        String time = identifier.getString(timeTag);
        if (date == null || time == null || date.indexOf('-') < 0 || time.indexOf('-') < 0) {
            return false;
        }
        String[] d = date.strip().split("-", 2);
        String[] t = time.strip().split("-", 2);
        String both = "CONCAT(" + datePath + ", " + timePath + ")";
        if (!d[0].isBlank()) {
            conditions.add(both + " >= " + param(d[0].strip() + t[0].strip()));
        }
        if (!d[1].isBlank()) {
            String upper = t[1].strip();
            conditions.add(both + " <= " + param(d[1].strip() + (upper.isEmpty() ? "99" : upperTime(upper))));
        }
        return true;
    }

    /** A time as an upper bound: "1200" includes 12:00:00.999999. */
    private static String upperTime(String time) {
        return time.length() < 8 && !time.contains(".") ? time + "99" : time;
    }

    private String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String from(QueryLevel level) {
        return switch (level) {
            case PATIENT -> " FROM Patient p";
            case STUDY -> " FROM Study s JOIN s.patient p";
            case SERIES -> " FROM Series se JOIN se.study s JOIN s.patient p";
            case IMAGE -> " FROM Instance i JOIN i.series se JOIN se.study s JOIN s.patient p";
        };
    }

    private void match(MatchKey key, String[] values) {
        if (values == null || values.length == 0 || values[0] == null || values[0].isEmpty()) {
            return; // PS3.4 C.2.2.2.3 universal matching
        }
        String value = values[0].strip();
        if (value.equals("\"\"")) { // PS3.4 C.2.2.2.8 empty value matching
            conditions.add("(" + key.path() + " IS NULL OR " + key.path() + " = '')");
            return;
        }
        switch (key.kind()) {
            case UID -> uid(key.path(), values);
            case STRING -> text(key.path(), value);
            case PERSON_NAME -> personName(key.path(), value);
            case RANGE -> range(key.path(), value);
            case MULTI_VALUED -> oneOf(key.path(), value);
            case INTEGER -> integer(key.path(), value);
        }
    }

    /** PS3.4 C.2.2.2.2 list of UID matching (one UID is single value matching). */
    private void uid(String path, String[] values) {
        List<String> uids = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                uids.add(v.strip());
            }
        }
        if (uids.size() == 1) {
            conditions.add(path + " = " + param(uids.get(0)));
        } else if (!uids.isEmpty()) {
            conditions.add(path + " IN " + param(uids));
        }
    }

    /** PS3.4 C.2.2.2.1 single value and C.2.2.2.4 wild card matching. */
    private void text(String path, String value) {
        if (Wildcards.has(value)) {
            if (!Wildcards.isUniversal(value)) {
                conditions.add(path + " LIKE " + param(Wildcards.toLike(value)) + " ESCAPE '\\'");
            }
        } else {
            conditions.add(path + " = " + param(value));
        }
    }

    private void personName(String path, String raw) {
        String value = PersonNames.normalize(raw);
        if (!options.caseInsensitivePersonNames()) {
            text(path, value);
        } else if (path.equals("p.patientName")) {
            text("p.patientNameUpper", value.toUpperCase(Locale.ROOT));
        } else {
            text("UPPER(" + path + ")", value.toUpperCase(Locale.ROOT));
        }
    }

    /** PS3.4 C.2.2.2.5 range matching of DA and TM values, stored as strings that sort. */
    private void range(String path, String value) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            conditions.add(path + " = " + param(value));
            return;
        }
        String lower = value.substring(0, dash).strip();
        String upper = value.substring(dash + 1).strip();
        if (!lower.isEmpty()) {
            conditions.add(path + " >= " + param(lower));
        }
        if (!upper.isEmpty()) {
            // a time "1200" includes 12:00:00.999999; a date is compared whole
            conditions.add(path + " <= " + param(upperTime(upper)));
        }
    }

    /** One of the backslash-separated stored values equals the key (Modalities in Study). */
    private void oneOf(String path, String value) {
        conditions.add("(" + path + " = " + param(value) + " OR " + path + " LIKE " + param(Wildcards.escape(value) + "\\\\%")
                + " ESCAPE '\\' OR " + path + " LIKE " + param("%\\\\" + Wildcards.escape(value))
                + " ESCAPE '\\' OR " + path + " LIKE " + param("%\\\\" + Wildcards.escape(value) + "\\\\%") + " ESCAPE '\\')");
    }

    private void integer(String path, String value) {
        try {
            conditions.add(path + " = " + param(Integer.valueOf(value)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + value + "'");
        }
    }

    private String param(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}

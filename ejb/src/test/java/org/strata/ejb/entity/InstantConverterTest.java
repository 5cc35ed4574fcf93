package org.strata.ejb.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void keepsTheInstantToTheMicrosecondAsTheDatabasesDo() {
        Instant t = Instant.parse("2026-11-23T16:30:01.123456789Z");
        OffsetDateTime column = converter.convertToDatabaseColumn(t);
        assertEquals(ZoneOffset.UTC, column.getOffset());
        assertEquals(123456000, column.getNano(), "truncated, never rounded up past the instant");
        assertEquals(Instant.parse("2026-11-23T16:30:01.123456Z"), converter.convertToEntityAttribute(column));
        // what EclipseLink reads back from PostgreSQL: the same instant at the JVM's offset
        assertEquals(Instant.parse("2026-11-23T16:30:01.123456Z"),
                converter.convertToEntityAttribute(column.withOffsetSameInstant(ZoneOffset.ofHours(-5))));
    }

    @Test
    void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void theDefaultTimeZoneDoesNotShiftTheValue() {
        // 01:30 local time happens twice in New York that night (the clocks go back at 02:00 EDT)
        Instant first = Instant.parse("2026-11-01T05:30:00Z");
        Instant second = Instant.parse("2026-11-01T06:30:00Z");
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            // EclipseLink binds the column value as a Timestamp, and reads a Timestamp on PostgreSQL
            Timestamp a = Timestamp.from(converter.convertToDatabaseColumn(first).toInstant());
            Timestamp b = Timestamp.from(converter.convertToDatabaseColumn(second).toInstant());
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            assertEquals(first, converter.convertToEntityAttribute(OffsetDateTime.ofInstant(a.toInstant(),
                    ZoneId.systemDefault())));
            assertEquals(second, converter.convertToEntityAttribute(OffsetDateTime.ofInstant(b.toInstant(),
                    ZoneId.systemDefault())));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void everyInstantColumnOfEveryEntityIsAZonedTimestamp() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> entity : entities()) {
            for (Field f : entity.getDeclaredFields()) {
                if (f.getType() != Instant.class) {
                    continue;
                }
                checked++;
                Column c = f.getAnnotation(Column.class);
                if (c == null || !InstantConverter.SQL_TYPE.equals(c.columnDefinition())) {
                    wrong.add(entity.getSimpleName() + "." + f.getName());
                }
            }
        }
        assertFalse(checked < 20, "found only " + checked + " Instant columns: the scan is broken");
        assertEquals(List.of(), wrong, "Instant attributes without columnDefinition = InstantConverter.SQL_TYPE");
    }

    /** The entity classes compiled into ejb's classes directory. */
    private static List<Class<?>> entities() throws URISyntaxException, Exception {
        Path root = Path.of(InstantConverter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, InstantConverterTest.class.getClassLoader());
                if (c.isAnnotationPresent(Entity.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}

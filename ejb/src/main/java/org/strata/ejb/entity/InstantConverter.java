package org.strata.ejb.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Maps every {@link Instant} attribute to a {@code TIMESTAMP WITH TIME ZONE} column. EclipseLink 4.0
 * (JPA 3.1) has no mapping for {@code Instant} and would store it as a serialized Java object
 * ({@code bytea} on PostgreSQL), which native SQL cannot compare with a time and an administrator
 * cannot read.
 *
 * <p>The columns are declared {@link #SQL_TYPE} (see {@code @Column(columnDefinition)} on each
 * attribute) rather than plain {@code TIMESTAMP}: a value bound to a zone-less column is written as
 * the wall-clock time of the JVM's default zone, so a server started with another zone (or the hour
 * a daylight-saving clock repeats) would shift the value read back. A zoned column (H2, and
 * PostgreSQL's {@code timestamptz}) stores the instant itself, whatever the zone of writer or reader.
 *
 * <p>The database side is an {@link OffsetDateTime}, not a {@code java.sql.Timestamp}: EclipseLink
 * reads a zoned column of H2 with {@code getObject}, which returns an {@code OffsetDateTime}; on
 * PostgreSQL (reported as {@code TIMESTAMP}) it reads a {@code Timestamp} and turns it into an
 * {@code OffsetDateTime} itself. It binds an {@code OffsetDateTime} as {@code Timestamp.from(instant)}.
 * Both databases keep microseconds; the converter truncates to them itself, so a value and a query
 * parameter made from the same {@code Instant} compare equal whatever the database's rounding.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    /** SQL type of every column holding an {@link Instant}: standard SQL, valid on H2 and PostgreSQL. */
    public static final String SQL_TYPE = "TIMESTAMP WITH TIME ZONE";

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant attribute) {
        return attribute == null ? null : attribute.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}

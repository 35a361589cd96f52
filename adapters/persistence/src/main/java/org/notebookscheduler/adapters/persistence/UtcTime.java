package org.notebookscheduler.adapters.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as UTC wall-clock DATETIME(6) columns: the same on H2, MySQL and MariaDB,
 * whatever the server's or the JVM's time zone, at the microsecond precision the columns hold.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static LocalDateTime column(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}

package org.notebookscheduler.adapters.dolphinscheduler.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * DolphinScheduler's times: answers carry ISO times with a numeric offset and no colon
 * ({@code 2026-11-24T11:03:13.988+0800}); the {@code schedule} field takes
 * {@code yyyy-MM-dd HH:mm:ss} read in the server's time zone.
 */
public final class DsTime {

    private static final DateTimeFormatter ANSWER = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendPattern(".SSS").optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();
    private static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DsTime() {
    }

    /** A time from an answer; empty when absent or unreadable (a date is never worth failing a call over). */
    public static Optional<Instant> parse(String text, ZoneId serverZone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, ANSWER).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text, SCHEDULE).atZone(serverZone).toInstant());
            } catch (DateTimeParseException notThatEither) {
                return Optional.empty();
            }
        }
    }

    /** A wall-clock time of the server's zone, as the {@code schedule} field wants it. */
    public static String scheduleField(LocalDateTime serverTime) {
        return SCHEDULE.format(serverTime);
    }
}

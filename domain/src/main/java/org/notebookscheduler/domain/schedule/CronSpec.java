package org.notebookscheduler.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * When a schedule fires: a cron expression in the Quartz syntax DolphinScheduler 1.3.9 takes
 * (6 or 7 fields), the window it fires in, and the time zone it is read in.
 *
 * <p>A Unix expression (5 fields) is accepted too and converted to Quartz, because the scheduler
 * refuses the Unix form and people write it anyway. Parsing, validation and fire times come from
 * cron-utils; the tests hold its verdicts against Quartz's own {@code CronExpression}.
 */
public final class CronSpec {

    /** The crontab column of the scheduler is this wide. */
    public static final int MAX_EXPRESSION_LENGTH = 255;
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;
    private static final int FREQUENCY_SAMPLE = 20;

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /**
     * Parsed and validated crons by their text. Every read of a schedule builds its spec again, and
     * cron-utils' parse and validation were the largest part of reading one (a callback's profile);
     * a parsed cron is immutable, so one parse per distinct text serves them all.
     */
    private static final Map<String, Cron> PARSED = new ConcurrentHashMap<>();
    /** Past this many distinct texts the cache starts over, so that it stays small whatever is sent. */
    private static final int MAX_PARSED = 4096;

    private final String expression;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSpec(String expression, Cron cron, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        this.expression = expression;
        this.start = start;
        this.end = end;
        this.zone = zone;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /**
     * @param expression Quartz (6 or 7 fields) or Unix (5 fields) cron
     * @param start      first moment the schedule may fire, in {@code zone}
     * @param end        last moment it may fire, or null for no end
     */
    public static CronSpec of(String expression, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        String text = Check.text(expression, "cron.expression", MAX_EXPRESSION_LENGTH).replaceAll("\\s+", " ");
        Check.required(start, "cron.start");
        Check.required(zone, "cron.timeZone");
        storableYear(start, "cron.start");
        if (end != null) {
            storableYear(end, "cron.end");
        }
        if (end != null && !end.isAfter(start)) {
            throw new RefusedException(ErrorCode.SCHEDULE_END_BEFORE_START, "cron.end",
                    "cron.end (" + end + ") must be after cron.start (" + start + ")");
        }
        Cron quartz = toQuartz(text);
        boolean unix = text.split(" ").length == 5;
        CronSpec spec = new CronSpec(unix ? quartz.asString() : text, quartz, start, end, zone);
        if (spec.nextFireTimes(start.minusSeconds(1), 1).isEmpty()) {
            throw new RefusedException(ErrorCode.CRON_NEVER_FIRES, "cron.expression",
                    "cron.expression '" + text + "' never fires between cron.start and cron.end");
        }
        return spec;
    }

    /** Schedulers keep the window in a SQL {@code datetime}: years 1970 to 9999 are what every one of them holds. */
    private static void storableYear(LocalDateTime time, String field) {
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field, field + " must be in the years "
                    + FIRST_YEAR + " to " + LAST_YEAR + ", was " + time.getYear());
        }
    }

    /**
     * Refuses a window with no fire time left after {@code now}: it fired before and never will
     * again. (A window that never fired at all is {@code CRON_NEVER_FIRES}, refused when built.)
     */
    public void assertFiresAfter(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (nextFireTimes(local, 1).isEmpty()) {
            throw new RefusedException(ErrorCode.CRON_WINDOW_PAST, "cron.end", "the window from cron.start " + start
                    + " to cron.end " + end + " is over: the schedule would never fire again");
        }
    }

    /** Refuses a cron whose fire times (sampled from {@code now}) come closer together than {@code minimum}. */
    public void assertFiresAtMostEvery(Duration minimum, Instant now) {
        List<ZonedDateTime> times = nextFireTimes(LocalDateTime.ofInstant(now, zone), FREQUENCY_SAMPLE);
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(minimum) < 0) {
                throw new RefusedException(ErrorCode.CRON_TOO_FREQUENT, "cron.expression", "cron.expression '"
                        + expression + "' fires every " + gap.toSeconds() + " s; the shortest interval allowed is "
                        + minimum.toSeconds() + " s (notebook.scheduler.min-fire-interval)");
            }
        }
    }

    private static Cron toQuartz(String text) {
        Cron parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = parse(text);
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static Cron parse(String text) {
        int fields = text.split(" ").length;
        try {
            if (fields == 5) {
                return CronMapper.fromUnixToQuartz().map(UNIX.parse(text).validate());
            }
            if (fields == 6 || fields == 7) {
                return QUARTZ.parse(text).validate();
            }
        } catch (IllegalArgumentException e) {
            throw new RefusedException(ErrorCode.CRON_INVALID, "cron.expression",
                    "cron.expression '" + text + "' is not a valid cron: " + e.getMessage());
        }
        throw new RefusedException(ErrorCode.CRON_INVALID, "cron.expression", "cron.expression '" + text
                + "' has " + fields + " fields; expected Quartz (6 or 7 fields) or Unix (5 fields)");
    }

    /** The Quartz form, as the scheduler takes it. */
    public String expression() {
        return expression;
    }

    public LocalDateTime start() {
        return start;
    }

    public Optional<LocalDateTime> end() {
        return Optional.ofNullable(end);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Up to {@code count} fire times strictly after {@code after}, inside the window. */
    public List<ZonedDateTime> nextFireTimes(LocalDateTime after, int count) {
        LocalDateTime from = after.isBefore(start) ? start.minusSeconds(1) : after;
        List<ZonedDateTime> times = new ArrayList<>(count);
        ZonedDateTime cursor = from.atZone(zone);
        while (times.size() < count) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(cursor);
            if (next.isEmpty() || (end != null && next.get().toLocalDateTime().isAfter(end))) {
                break;
            }
            times.add(next.get());
            cursor = next.get();
        }
        return times;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSpec that && expression.equals(that.expression) && start.equals(that.start)
                && Objects.equals(end, that.end) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, start, end, zone);
    }

    @Override
    public String toString() {
        return expression + " from " + start + (end == null ? "" : " to " + end) + " " + zone;
    }
}

package org.notebookscheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.domain.schedule.Schedules.START;
import static org.notebookscheduler.domain.schedule.Schedules.ZONE;

import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.quartz.CronExpression;

class CronSpecTest {

    @Test
    void a_quartz_expression_is_kept_as_the_scheduler_takes_it() {
        CronSpec spec = CronSpec.of("0 30 9 ? * MON-FRI *", START, null, ZONE);

        assertThat(spec.expression()).isEqualTo("0 30 9 ? * MON-FRI *");
    }

    @Test
    void a_unix_expression_is_converted_to_quartz() throws ParseException {
        CronSpec spec = CronSpec.of("0 2 * * *", START, null, ZONE);

        assertThat(spec.expression().split(" ")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(CronExpression.isValidExpression(spec.expression())).isTrue();
        assertThat(spec.nextFireTimes(START, 1).get(0).toLocalDateTime()).isEqualTo(START.withHour(2));
    }

    @Test
    void a_unix_weekday_means_the_same_day_after_conversion() {
        CronSpec monday = CronSpec.of("0 9 * * 1", START, null, ZONE);

        assertThat(monday.nextFireTimes(START, 3)).allSatisfy(
                time -> assertThat(time.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 * * * ? *", "0 0 2 * * ?", "0 30 9 ? * MON-FRI *", "0 0 0 1 * ? *",
            "0 0/15 8-18 ? * 2-6"})
    void what_is_accepted_is_also_valid_for_quartz_itself(String expression) {
        CronSpec spec = CronSpec.of(expression, START, null, ZONE);

        assertThat(CronExpression.isValidExpression(spec.expression())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cron", "0 0 25 * * ? *", "0 0 2 * * * *", "61 * * * * ?", "* * * *",
            "0 0 2 * * ? * extra"})
    void an_invalid_expression_is_refused_with_the_cron_code(String expression) {
        assertThat(CronExpression.isValidExpression(expression)).isFalse();
        assertThatThrownBy(() -> CronSpec.of(expression, START, null, ZONE))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CRON_INVALID);
                    assertThat(e.field()).contains("cron.expression");
                });
    }

    @Test
    void an_end_before_the_start_is_refused() {
        assertThatThrownBy(() -> CronSpec.of("0 0 2 * * ?", START, START.minusDays(1), ZONE))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_END_BEFORE_START);
                    assertThat(e.field()).contains("cron.end");
                });
    }

    @Test
    void an_end_equal_to_the_start_is_refused() {
        assertThatThrownBy(() -> CronSpec.of("0 0 2 * * ?", START, START, ZONE))
                .hasFieldOrPropertyWithValue("code", ErrorCode.SCHEDULE_END_BEFORE_START);
    }

    @Test
    void a_cron_that_never_fires_in_its_window_is_refused() {
        LocalDateTime end = START.plusDays(10);

        assertThatThrownBy(() -> CronSpec.of("0 0 0 1 6 ? *", START, end, ZONE))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CRON_NEVER_FIRES));
    }

    @Test
    void a_cron_on_the_thirtieth_of_february_is_refused_as_never_firing() {
        assertThatThrownBy(() -> CronSpec.of("0 0 0 30 2 ?", START, null, ZONE))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isIn(ErrorCode.CRON_NEVER_FIRES, ErrorCode.CRON_INVALID));
    }

    @Test
    void the_next_five_fire_times_are_in_order_and_in_the_zone() {
        List<ZonedDateTime> times = Schedules.daily().nextFireTimes(START.plusDays(3), 5);

        assertThat(times).hasSize(5);
        assertThat(times.get(0).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 1, 4, 2, 0));
        assertThat(times.get(4).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 1, 8, 2, 0));
        assertThat(times).allSatisfy(time -> assertThat(time.getZone()).isEqualTo(ZONE));
    }

    @Test
    void fire_times_never_come_before_the_start_or_after_the_end() {
        CronSpec spec = CronSpec.of("0 0 2 * * ?", START, START.plusDays(2).plusHours(3), ZONE);

        List<ZonedDateTime> times = spec.nextFireTimes(START.minusYears(1), 5);

        assertThat(times).extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(START.withHour(2), START.plusDays(1).withHour(2), START.plusDays(2).withHour(2));
    }

    @Test
    void extra_whitespace_does_not_make_a_different_cron() {
        assertThat(CronSpec.of("  0 0 2  * * ? * ", START, null, ZONE)).isEqualTo(Schedules.daily());
    }

    @Test
    void a_window_in_a_year_no_scheduler_database_holds_is_refused_naming_the_field() {
        assertThatThrownBy(() -> CronSpec.of("0 0 2 * * ?", LocalDateTime.of(99999, 1, 1, 0, 0), null, ZONE))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FIELD_OUT_OF_RANGE);
                    assertThat(e.field()).contains("cron.start");
                });
        assertThatThrownBy(() -> CronSpec.of("0 0 2 * * ?", START, LocalDateTime.of(10000, 1, 1, 0, 0), ZONE))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).contains("cron.end"));
    }

    @Test
    void a_window_that_is_over_is_refused_as_past_not_as_never_firing() {
        CronSpec over = CronSpec.of("0 0 2 * * ?", LocalDateTime.of(2020, 1, 1, 0, 0),
                LocalDateTime.of(2020, 2, 1, 0, 0), ZONE);

        assertThatThrownBy(() -> over.assertFiresAfter(java.time.Instant.parse("2026-11-25T00:00:00Z")))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CRON_WINDOW_PAST);
                    assertThat(e.field()).contains("cron.end");
                });
    }

    @Test
    void a_window_that_still_fires_passes_the_past_check() {
        CronSpec open = CronSpec.of("0 0 2 * * ?", LocalDateTime.of(2020, 1, 1, 0, 0), null, ZONE);

        open.assertFiresAfter(java.time.Instant.parse("2026-11-25T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * ?", "0/30 * * * * ?", "0,10 * * * * ?"})
    void a_cron_firing_more_often_than_the_minimum_interval_is_refused(String expression) {
        CronSpec spec = CronSpec.of(expression, START, null, ZONE);

        assertThatThrownBy(() -> spec.assertFiresAtMostEvery(java.time.Duration.ofMinutes(1),
                START.atZone(ZONE).toInstant())).isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CRON_TOO_FREQUENT);
                    assertThat(e.field()).contains("cron.expression");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 * * * * ?", "0 0 2 * * ?", "0 30 9 ? * MON-FRI"})
    void a_cron_firing_once_a_minute_or_less_often_is_accepted(String expression) {
        CronSpec.of(expression, START, null, ZONE).assertFiresAtMostEvery(java.time.Duration.ofMinutes(1),
                START.atZone(ZONE).toInstant());
    }
}

package org.notebookscheduler.adapters.web.schedule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A schedule as a client writes it: one or more notebook or workflow tasks forming a DAG, a cron in
 * Quartz or Unix form, and run settings. Enum values are text, read in any case.
 *
 * @param version for an update: the version the client last read; a newer stored one refuses the edit
 */
public record ScheduleRequest(String name, String description, List<Task> tasks, Cron cron, RunSettings runSettings,
        Notifications notifications, Long version) {

    /**
     * @param entity   which notebook or workflow; its name comes from the host
     * @param commitId the version to run; the entity's latest at scheduling time when absent
     */
    public record Task(String name, Entity entity, String commitId, Long timeoutSeconds, Integer retries,
            Long retryIntervalSeconds, List<String> upstream, Map<String, String> parameters) {
    }

    /** @param type {@code notebook} or {@code workflow} */
    public record Entity(String type, String id) {
    }

    /**
     * @param expression Quartz (6 or 7 fields) or Unix (5 fields)
     * @param start      when the schedule may first fire, in {@code timeZone}; now when absent
     * @param end        when it stops firing; never when absent
     * @param timeZone   the zone the cron and the times are read in; the scheduler's when absent
     */
    public record Cron(String expression, LocalDateTime start, LocalDateTime end, String timeZone) {
    }

    public record RunSettings(String warningType, Long warningGroupId, String failureStrategy,
            String instancePriority, String workerGroup) {
    }

    /**
     * This schedule's own notification settings; anything left out follows the global ones.
     *
     * @param level        {@code all} or {@code failed}
     * @param template     the message, with placeholders such as {@code {status}}; the reference text when absent
     * @param destinations the robots to tell instead of the global one; an empty list tells no one
     */
    public record Notifications(String level, String header, String template, Boolean notifyOnStart,
            Long longRunWarningSeconds, List<Destination> destinations) {
    }

    /**
     * @param kind          FEISHU, DINGTALK, WECOM, SLACK or GENERIC; detected from the URL when absent
     * @param signingSecret for Feishu and DingTalk robots that sign, and signed generic webhooks
     */
    public record Destination(String url, String kind, String signingSecret) {
    }
}

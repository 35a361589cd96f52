package org.notebookscheduler.bootstrap.config;

import java.time.Duration;
import java.time.ZoneId;
import org.notebookscheduler.domain.notification.NotificationLevel;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.Priority;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.WarningType;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Everything under notebook.scheduler.*: the seed's properties with the seed's names and
 * defaults, and the few this module adds. Checked at startup; a bad value stops the app with a
 * message that names the property. Tokens bind as Secrets, so a value echoed in an error
 * shows as ******.
 *
 * @param enable             turns scheduling on
 * @param schedulerName      the engine new schedules are created on: DolphinScheduler or
 *                           Embedded; schedules keep the engine they were created on
 * @param schedulerUrl       the scheduler's base URL, e.g. http://localhost:12345/dolphinscheduler
 * @param authToken          the token sent to the scheduler's API
 * @param callbackToken      the token the scheduler must send back when it calls this app
 * @param callbackUrl        the address the scheduler calls back; defaults to notebook.url
 * @param projectName        the DolphinScheduler project every schedule is created in
 * @param warningType        when DolphinScheduler alerts: ALL, SUCCESS, FAILURE, NONE
 * @param warningGroupId     DolphinScheduler alert group id
 * @param failureStrategy    what happens to parallel tasks when one fails: CONTINUE or END
 * @param instancePriority   HIGHEST, HIGH, MEDIUM, LOW, LOWEST
 * @param worker             DolphinScheduler worker group
 * @param callbackMaxTimeout no scheduled run lasts longer than this
 * @param minFireInterval    the shortest interval between two fire times a cron may have
 * @param notification       who is told about results, and how
 * @param relay              how the notification outbox is delivered
 * @param dolphinscheduler   how this module talks to DolphinScheduler
 * @param embedded           how the embedded engine runs on this instance
 * @param web                the REST API and the callback
 * @param health             what the health endpoint reports as down
 */
@ConfigurationProperties(SchedulerProperties.PREFIX)
public record SchedulerProperties(
        @DefaultValue("false") boolean enable,
        @DefaultValue(DOLPHIN_SCHEDULER) String schedulerName,
        String schedulerUrl,
        Secret authToken,
        Secret callbackToken,
        String callbackUrl,
        @DefaultValue("ByzerScheduler") String projectName,
        @DefaultValue("ALL") WarningType warningType,
        @DefaultValue("1") long warningGroupId,
        @DefaultValue("END") FailureStrategy failureStrategy,
        @DefaultValue("MEDIUM") Priority instancePriority,
        @DefaultValue("default") String worker,
        @DefaultValue("4h") Duration callbackMaxTimeout,
        @DefaultValue("1m") Duration minFireInterval,
        @DefaultValue Notification notification,
        @DefaultValue Relay relay,
        @DefaultValue DolphinScheduler dolphinscheduler,
        @DefaultValue Embedded embedded,
        @DefaultValue Web web,
        @DefaultValue Health health) implements Validator {

    public static final String PREFIX = "notebook.scheduler";
    public static final String DOLPHIN_SCHEDULER = "DolphinScheduler";
    public static final String EMBEDDED = "Embedded";

    /**
     * @param webhookUrl     the robot's webhook URL; empty means no notifications
     * @param webhookKind    the robot's kind when its URL does not tell (FEISHU, DINGTALK, WECOM, SLACK, GENERIC)
     * @param webhookSecret  the robot's signing secret, for Feishu and DingTalk robots that sign
     * @param level          all (success and failure) or failed (failures only)
     * @param messageHeader  the first line of every message
     * @param includeError   whether a failure's error message is in the text
     * @param maxErrorLength the error message is cut to this many characters
     * @param zone           the time zone the message's times are written in; the server's by default
     * @param connectTimeout how long a delivery may take to connect to the robot
     * @param requestTimeout how long a delivery may wait for the robot's answer
     * @param template       the message with {placeholders}; the reference product's text when empty
     * @param notifyOnStart  whether the start of a run is announced too
     * @param longRunWarning a run still going after this long is announced while it runs; never when empty
     */
    public record Notification(
            Secret webhookUrl,
            WebhookKind webhookKind,
            Secret webhookSecret,
            @DefaultValue("failed") NotificationLevel level,
            @DefaultValue(NotificationPolicy.DEFAULT_HEADER) String messageHeader,
            @DefaultValue("true") boolean includeError,
            @DefaultValue("256") int maxErrorLength,
            ZoneId zone,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            String template,
            @DefaultValue("false") boolean notifyOnStart,
            Duration longRunWarning) {

        public Notification {
            messageHeader = unquoted(messageHeader);
            zone = zone == null ? ZoneId.systemDefault() : zone;
        }

        /** The seed writes the header in double quotes; the quotes are not part of the text. */
        private static String unquoted(String text) {
            if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                return text.substring(1, text.length() - 1);
            }
            return text;
        }
    }

    /**
     * @param enabled        whether this instance relays the outbox
     * @param pollInterval   how often a relay pass runs
     * @param lease          how long a claimed row is this instance's; after that another relay may take it
     * @param batchSize      rows claimed per pass
     * @param maxAttempts    a row is dead after this many failed attempts, or after maxAge, whichever comes first
     * @param maxAge         how long a row keeps retrying (since created or last replayed): the outage tolerated
     * @param initialBackoff the wait after the first failure, doubled after each further one
     * @param maxBackoff     the longest wait between attempts
     * @param retention      delivered rows are purged after this
     * @param purgeInterval  how often delivered rows past their retention are purged
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("50") int batchSize,
            @DefaultValue("100") int maxAttempts,
            @DefaultValue("10s") Duration initialBackoff,
            @DefaultValue("30m") Duration maxBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval,
            @DefaultValue("24h") Duration maxAge) {
    }

    /**
     * @param serverTimeZone     the time zone of the DolphinScheduler API server's JVM, which 1.3.9 reads
     *                           schedule times and cron in; this app's own zone by default
     * @param connectTimeout     how long a call may take to connect
     * @param readTimeout        how long a call may wait for its answer
     * @param maxAttempts        tries of a call that is safe to repeat (reads, and writes that never reached the server)
     * @param retryWait          the wait before the first retry, doubled after each
     * @param reconcileInterval  how often the stored schedules are compared with DolphinScheduler
     * @param requestDeadline    how long one operation on DolphinScheduler may take in all, calls, retries and
     *                           undo included; a request answers 503 after it when the scheduler is slow or frozen
     */
    public record DolphinScheduler(
            ZoneId serverTimeZone,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration retryWait,
            @DefaultValue("10m") Duration reconcileInterval,
            @DefaultValue("10s") Duration requestDeadline) {

        public DolphinScheduler {
            serverTimeZone = serverTimeZone == null ? ZoneId.systemDefault() : serverTimeZone;
        }
    }

    /**
     * @param instanceId       this instance's name in the cluster of instances sharing the database;
     *                         pid@host plus a random part by default, drawn once per start
     * @param workers          how many task attempts run at once on this instance, all runs together
     * @param quartzThreads    Quartz's threads, which only hand fires over to the run launcher
     * @param heartbeat        how often an instance says its runs are alive
     * @param missedHeartbeats after this many missed heartbeats another instance ends those runs as failed
     * @param clusterCheckin   how often an instance checks in with the Quartz cluster
     * @param misfireThreshold how late a fire may be before it counts as missed (then it fires once, at once)
     */
    public record Embedded(
            String instanceId,
            @DefaultValue("4") int workers,
            @DefaultValue("2") int quartzThreads,
            @DefaultValue("5s") Duration heartbeat,
            @DefaultValue("3") int missedHeartbeats,
            @DefaultValue("7500ms") Duration clusterCheckin,
            @DefaultValue("60s") Duration misfireThreshold) {
    }

    /**
     * @param outboxMaxAge the outbox is reported down when its oldest notification neither delivered
     *                     nor dead has waited longer than this
     */
    public record Health(@DefaultValue("15m") Duration outboxMaxAge) {
    }

    /** Whether new schedules go to the embedded engine (else to DolphinScheduler). */
    public boolean embeddedByDefault() {
        return EMBEDDED.equalsIgnoreCase(String.valueOf(schedulerName));
    }

    /**
     * @param maxRequestSize the largest request body the REST API and the callback accept
     * @param maxHeaderSize  the largest total of request headers they accept (larger: 431)
     */
    public record Web(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("8KB") DataSize maxHeaderSize) {
    }

    /**
     * Whether DolphinScheduler is one of this instance's engines: it is the default, or its URL is
     * set beside an embedded default (for the schedules created on it before).
     */
    public boolean usesDolphinScheduler() {
        return !embeddedByDefault() || (schedulerUrl != null && !schedulerUrl.isBlank());
    }

    /** The run settings every new schedule starts with. */
    public RunSettings defaultRunSettings() {
        return new RunSettings(warningType, warningGroupId, failureStrategy, instancePriority, worker);
    }

    @Override
    public boolean supports(Class<?> type) {
        return SchedulerProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        SchedulerProperties properties = (SchedulerProperties) target;
        properties.check(new PropertyChecks(errors));
    }

    private void check(PropertyChecks checks) {
        checks.httpUrl("schedulerUrl", schedulerUrl);
        checks.httpUrl("callbackUrl", callbackUrl);
        checks.atLeast("warningGroupId", warningGroupId, 0);
        checks.text("projectName", projectName, 100);
        checks.text("worker", worker, RunSettings.MAX_WORKER_GROUP_LENGTH);
        checks.positive("callbackMaxTimeout", callbackMaxTimeout);
        checks.positive("minFireInterval", minFireInterval);
        if (!DOLPHIN_SCHEDULER.equalsIgnoreCase(String.valueOf(schedulerName)) && !embeddedByDefault()) {
            checks.reject("schedulerName", "must be " + DOLPHIN_SCHEDULER + " or " + EMBEDDED);
        }
        if (enable && !embeddedByDefault()) {
            checks.required("schedulerUrl", schedulerUrl, "notebook.scheduler.enable is true");
        }
        if (enable && usesDolphinScheduler()) {
            String because = embeddedByDefault() ? "notebook.scheduler.scheduler-url is set (DolphinScheduler keeps"
                    + " serving the schedules created on it)" : "notebook.scheduler.enable is true";
            checks.required("authToken", authToken, because);
            checks.required("callbackToken", callbackToken, because);
        }
        checks.atLeast("embedded.workers", embedded.workers(), 1);
        checks.atLeast("embedded.quartzThreads", embedded.quartzThreads(), 1);
        checks.positive("embedded.heartbeat", embedded.heartbeat());
        checks.atLeast("embedded.missedHeartbeats", embedded.missedHeartbeats(), 2);
        checks.positive("embedded.clusterCheckin", embedded.clusterCheckin());
        checks.positive("embedded.misfireThreshold", embedded.misfireThreshold());
        if (notification.webhookUrl() != null) {
            checks.httpUrl("notification.webhookUrl", notification.webhookUrl().reveal());
        }
        checks.atLeast("notification.maxErrorLength", notification.maxErrorLength(), 0);
        checks.atMost("notification.messageHeader", notification.messageHeader().length(), 1000);
        checks.positive("relay.pollInterval", relay.pollInterval());
        checks.positive("relay.lease", relay.lease());
        Duration sendTime = notification.connectTimeout().plus(notification.requestTimeout());
        if (relay.lease().compareTo(sendTime.multipliedBy(2)) < 0) {
            // a send must fit in a claim with room for others, or a slow robot gets messages twice
            checks.reject("relay.lease", "must be at least twice notebook.scheduler.notification.connect-timeout"
                    + " plus request-timeout (" + sendTime.toSeconds() + " s), so no delivery outlives its claim");
        }
        checks.atLeast("relay.batchSize", relay.batchSize(), 1);
        checks.atMost("relay.batchSize", relay.batchSize(), 500);
        checks.atLeast("relay.maxAttempts", relay.maxAttempts(), 1);
        checks.positive("relay.maxAge", relay.maxAge());
        checks.positive("relay.initialBackoff", relay.initialBackoff());
        checks.positive("relay.maxBackoff", relay.maxBackoff());
        if (relay.maxBackoff() != null && relay.initialBackoff() != null
                && relay.maxBackoff().compareTo(relay.initialBackoff()) < 0) {
            checks.reject("relay.maxBackoff", "must not be shorter than notebook.scheduler.relay.initial-backoff");
        }
        checks.positive("relay.retention", relay.retention());
        checks.positive("relay.purgeInterval", relay.purgeInterval());
        checks.positive("notification.connectTimeout", notification.connectTimeout());
        if (notification.longRunWarning() != null) {
            checks.positive("notification.longRunWarning", notification.longRunWarning());
        }
        checks.template("notification.template", notification.template());
        checks.positive("notification.requestTimeout", notification.requestTimeout());
        checks.positive("dolphinscheduler.connectTimeout", dolphinscheduler.connectTimeout());
        checks.positive("dolphinscheduler.readTimeout", dolphinscheduler.readTimeout());
        checks.atLeast("dolphinscheduler.maxAttempts", dolphinscheduler.maxAttempts(), 1);
        checks.positive("dolphinscheduler.retryWait", dolphinscheduler.retryWait());
        checks.positive("dolphinscheduler.reconcileInterval", dolphinscheduler.reconcileInterval());
        checks.positive("dolphinscheduler.requestDeadline", dolphinscheduler.requestDeadline());
        checks.positive("health.outboxMaxAge", health.outboxMaxAge());
        checks.atLeast("web.maxRequestSize", web.maxRequestSize().toBytes(), 1024);
        checks.atLeast("web.maxHeaderSize", web.maxHeaderSize().toBytes(), 1024);
    }
}

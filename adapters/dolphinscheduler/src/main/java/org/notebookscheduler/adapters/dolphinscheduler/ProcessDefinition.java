package org.notebookscheduler.adapters.dolphinscheduler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notebookscheduler.adapters.dolphinscheduler.api.DsTime;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schedule as DolphinScheduler 1.3.9 stores it: a process definition with one HTTP task per
 * notebook or workflow, each POSTing the seed product's callback body to this app; the DAG as
 * {@code preTasks}; {@code locations} and {@code connects} so the DolphinScheduler UI draws it;
 * and the {@code schedule} field of the cron schedule.
 *
 * @param name        the process name: {@code [owner] schedule name}, unique per project as the
 *                    schedule's name is unique per owner
 * @param description carries the schedule id, which is how a retried create recognises its own process
 */
record ProcessDefinition(String name, String description, String json, String locations, String connects,
        String scheduleField) {

    /** DolphinScheduler's HTTP task waits this long to connect to the callback. */
    static final int CONNECT_TIMEOUT_MS = 60_000;
    /** The HTTP task's read timeout is the run's timeout plus this, so the callback can answer after the run. */
    static final Duration ANSWER_MARGIN = Duration.ofMinutes(5);
    /** DolphinScheduler's UI accepts at most 7 digits of milliseconds. */
    static final long MAX_SOCKET_TIMEOUT_MS = 9_999_999;
    /** A schedule without an end runs until then, as DolphinScheduler needs an end time. */
    static final Period OPEN_END = Period.ofYears(100);
    static final String MARKER = "notebook-scheduler schedule ";
    /** The last time a MySQL {@code datetime} column of DolphinScheduler holds. */
    static final LocalDateTime LAST_TIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
    static final int TEXT_COLUMN_BYTES = 65_535;
    static final int MAX_NAME_CHARACTERS = 255;
    static final long MAX_FORM_BYTES = 5_000_000;

    private static final JsonMapper JSON = DolphinSchedulerClient.jsonMapper();

    static ProcessDefinition of(Schedule schedule, DolphinSchedulerSettings settings) {
        List<ScheduledTask> tasks = schedule.definition().tasks();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            ids.put(tasks.get(i).name(), "task-" + (i + 1));
        }
        List<Object> taskNodes = new ArrayList<>();
        for (ScheduledTask task : tasks) {
            taskNodes.add(taskNode(task, ids.get(task.name()), schedule, settings));
        }
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("globalParams", List.of());
        process.put("tasks", taskNodes);
        process.put("tenantId", -1);
        process.put("timeout", 0);
        String description = MARKER + schedule.id()
                + (schedule.definition().description() == null ? "" : ": " + schedule.definition().description());
        return new ProcessDefinition(processName(schedule), description, JSON.writeValueAsString(process),
                JSON.writeValueAsString(locations(tasks, ids)), JSON.writeValueAsString(connects(tasks, ids)),
                scheduleField(schedule.definition().cron(), settings.serverZone())).checkedAgainstServerLimits();
    }

    static String processName(Schedule schedule) {
        String owner = schedule.owner().length() > 120 ? schedule.owner().substring(0, 120) : schedule.owner();
        return "[" + owner + "] " + schedule.name();
    }

    private static Map<String, Object> taskNode(ScheduledTask task, String id, Schedule schedule,
            DolphinSchedulerSettings settings) {
        RunSettings run = schedule.definition().runSettings();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("localParams", ScheduledTask.TIME_PARAMETERS.stream().map(name -> parameter(name, "${" + name + "}")).toList());
        params.put("httpParams", body(task, schedule, settings));
        params.put("url", settings.callbackEndpoint());
        params.put("httpMethod", "POST");
        params.put("httpCheckCondition", "STATUS_CODE_DEFAULT");
        params.put("condition", "");
        params.put("connectTimeout", CONNECT_TIMEOUT_MS);
        params.put("socketTimeout", Math.min(MAX_SOCKET_TIMEOUT_MS, task.timeout().plus(ANSWER_MARGIN).toMillis()));

        Map<String, Object> timeout = new LinkedHashMap<>();
        timeout.put("strategy", "FAILED");
        timeout.put("interval", minutesUp(task.timeout().plus(ANSWER_MARGIN)));
        timeout.put("enable", true);

        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", "HTTP");
        node.put("id", id);
        node.put("name", task.name());
        node.put("params", params);
        node.put("description", task.entity().type().wireName() + " " + task.entity().id() + " '"
                + task.entity().name() + "'");
        node.put("timeout", timeout);
        node.put("runFlag", "NORMAL");
        node.put("conditionResult", Map.of("successNode", List.of(""), "failedNode", List.of("")));
        node.put("dependence", Map.of());
        node.put("maxRetryTimes", task.retries());
        node.put("retryInterval", Math.max(1, minutesUp(task.retryInterval())));
        node.put("taskInstancePriority", run.priority().name());
        node.put("workerGroup", run.workerGroup());
        node.put("preTasks", task.upstream().stream().sorted().toList());
        return node;
    }

    /**
     * The callback body of the seed product, plus what this module adds: the task and schedule it
     * belongs to, and the run key ({@code system.datetime}: the fire time of a scheduled run), which
     * tells a retry of a task apart from a new run.
     */
    private static List<Object> body(ScheduledTask task, Schedule schedule, DolphinSchedulerSettings settings) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("entity_type", task.entity().type().wireName());
        body.put("entity_id", task.entity().id());
        body.put("owner", schedule.owner());
        body.put("token", CallbackCredential.of(settings.callbackToken(), schedule.id(), task.name()));
        if (task.commitId() != null) {
            body.put("commit_id", task.commitId());
        }
        body.put("timeout", String.valueOf(task.timeout().toSeconds()));
        body.put("task_name", task.name());
        body.put("schedule_id", schedule.id().toString());
        body.put("run_key", "${system.datetime}");
        for (String name : ScheduledTask.TIME_PARAMETERS) {
            body.put(name, "${" + name + "}");
        }
        body.putAll(new java.util.TreeMap<>(task.parameters()));
        List<Object> httpParams = new ArrayList<>();
        body.forEach((prop, value) -> {
            Map<String, String> param = new LinkedHashMap<>();
            param.put("prop", prop);
            param.put("httpParametersType", "BODY");
            param.put("value", value);
            httpParams.add(param);
        });
        return httpParams;
    }

    private static Map<String, String> parameter(String name, String value) {
        Map<String, String> parameter = new LinkedHashMap<>();
        parameter.put("prop", name);
        parameter.put("direct", "IN");
        parameter.put("type", "VARCHAR");
        parameter.put("value", value);
        return parameter;
    }

    /** Nodes laid out left to right by depth in the DAG, so the DolphinScheduler UI shows the flow. */
    private static Map<String, Object> locations(List<ScheduledTask> tasks, Map<String, String> ids) {
        Map<String, Integer> depth = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Object> locations = new LinkedHashMap<>();
        for (ScheduledTask task : tasks) {
            int level = task.upstream().stream().mapToInt(upstream -> depth.getOrDefault(upstream, 0) + 1).max()
                    .orElse(0);
            depth.put(task.name(), level);
            int row = rows.merge(level, 1, Integer::sum) - 1;
            long downstream = tasks.stream().filter(other -> other.upstream().contains(task.name())).count();
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("name", task.name());
            location.put("targetarr", String.join(",", task.upstream().stream().sorted().map(ids::get).toList()));
            location.put("nodenumber", String.valueOf(downstream));
            location.put("x", 80 + level * 240);
            location.put("y", 80 + row * 110);
            locations.put(ids.get(task.name()), location);
        }
        return locations;
    }

    private static List<Object> connects(List<ScheduledTask> tasks, Map<String, String> ids) {
        List<Object> connects = new ArrayList<>();
        for (ScheduledTask task : tasks) {
            for (String upstream : task.upstream().stream().sorted().toList()) {
                Map<String, String> edge = new LinkedHashMap<>();
                edge.put("endPointSourceId", ids.get(upstream));
                edge.put("endPointTargetId", ids.get(task.name()));
                connects.add(edge);
            }
        }
        return connects;
    }

    /**
     * DolphinScheduler 1.3.9 reads the times, and evaluates the cron, in its server's time zone; it
     * has no time zone field. A schedule in a zone with other rules would fire at other times than
     * its owner asked for, so it is refused rather than silently shifted.
     */
    static String scheduleField(CronSpec cron, ZoneId serverZone) {
        if (!cron.zone().getRules().equals(serverZone.getRules())) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "cron.timeZone",
                    "DolphinScheduler 1.3.9 evaluates cron in its server's time zone, " + serverZone.getId()
                            + "; cron.timeZone " + cron.zone().getId() + " would fire at other times");
        }
        LocalDateTime openEnd = cron.start().plus(OPEN_END);
        LocalDateTime end = cron.end().orElse(openEnd.isAfter(LAST_TIME) ? LAST_TIME : openEnd);
        return scheduleField(cron.start(), end, cron.expression());
    }

    static String scheduleField(LocalDateTime start, LocalDateTime end, String crontab) {
        Map<String, String> field = new LinkedHashMap<>();
        field.put("startTime", DsTime.scheduleField(start));
        field.put("endTime", DsTime.scheduleField(end));
        field.put("crontab", crontab);
        return JSON.writeValueAsString(field);
    }

    /** Whether a process description says the process is this schedule's (the id exactly, not a prefix). */
    static boolean carries(String description, ScheduleId scheduleId) {
        String marker = MARKER + scheduleId;
        return description != null && (description.equals(marker) || description.startsWith(marker + ": "));
    }

    /**
     * Refuses a definition the server would fail on with only a generic code: {@code locations},
     * {@code connects} and the description live in MySQL {@code text} columns of 64 KiB, the name in a
     * {@code varchar(255)}, and Jetty takes a form body of at most 5,000,000 bytes.
     */
    private ProcessDefinition checkedAgainstServerLimits() {
        int largest = Math.max(bytes(locations), bytes(connects));
        if (largest > TEXT_COLUMN_BYTES) {
            throw new RefusedException(ErrorCode.SCHEDULE_TOO_LARGE, "tasks", "the task graph takes " + largest
                    + " bytes to draw in DolphinScheduler, which keeps at most " + TEXT_COLUMN_BYTES
                    + " (a MySQL text column); use fewer tasks or shorter task names");
        }
        if (bytes(description) > TEXT_COLUMN_BYTES) {
            throw new RefusedException(ErrorCode.FIELD_TOO_LONG, "description", "the description is longer than"
                    + " DolphinScheduler keeps (" + TEXT_COLUMN_BYTES + " bytes)");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARACTERS) {
            throw new RefusedException(ErrorCode.FIELD_TOO_LONG, "name", "'[owner] name' is the process name in"
                    + " DolphinScheduler and may have at most " + MAX_NAME_CHARACTERS + " characters");
        }
        long form = encoded(json) + encoded(locations) + encoded(connects) + encoded(description) + encoded(name);
        if (form > MAX_FORM_BYTES) {
            throw new RefusedException(ErrorCode.SCHEDULE_TOO_LARGE, "tasks", "the definition takes " + form
                    + " bytes to send, and DolphinScheduler accepts at most " + MAX_FORM_BYTES
                    + "; use fewer tasks or fewer parameters");
        }
        return this;
    }

    private static int bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long encoded(String text) {
        return text == null ? 0 : URLEncoder.encode(text, StandardCharsets.UTF_8).length();
    }

    private static long minutesUp(Duration duration) {
        long seconds = duration.toSeconds();
        return (seconds + 59) / 60;
    }
}

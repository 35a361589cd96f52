package org.notebookscheduler.adapters.dolphinscheduler;

import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.READ;
import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.adapters.dolphinscheduler.api.DsTime;
import org.notebookscheduler.adapters.dolphinscheduler.api.Envelope;
import org.notebookscheduler.adapters.dolphinscheduler.api.PageData;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.SchedulerGateway;
import org.notebookscheduler.application.port.out.SchedulerGatewayException;
import org.notebookscheduler.application.port.out.SchedulerGatewayException.Kind;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SchedulerGateway} over DolphinScheduler 1.3.9, following the lifecycle that works there:
 * a process is saved offline, released online for its cron schedule to be created, and released
 * offline again; the user puts it online later. Creates are made idempotent by looking before
 * creating, and a create that fails half-way deletes what it made.
 */
public final class DolphinSchedulerGateway implements SchedulerGateway {

    public static final String NAME = "DolphinScheduler";

    private static final Logger LOG = LoggerFactory.getLogger(DolphinSchedulerGateway.class);
    /** Rows asked for per page; the server returns at most 500 whatever is asked. */
    static final int PAGE_SIZE = 100;
    static final int LOG_LINES_PER_CALL = 1000;
    static final int MAX_LOG_LINES = 20_000;
    private static final int ONLINE = 1;
    private static final int OFFLINE = 0;
    private static final int NAME_TAKEN = 10106;
    private static final int PROJECT_EXISTS = 10019;
    private static final int RELEASE_UNCHANGED = 10126;
    private static final int MORE_THAN_ONE_SCHEDULE = 50022;
    private static final JsonMapper JSON = DolphinSchedulerClient.jsonMapper();

    private final DolphinSchedulerApi api;
    private final DolphinSchedulerSettings settings;
    private final Calls calls;
    private final String project;
    private volatile boolean projectReady;

    public DolphinSchedulerGateway(DolphinSchedulerSettings settings) {
        Redactor redactor = new Redactor(settings.authToken(), settings.callbackToken());
        this.settings = settings;
        this.api = DolphinSchedulerClient.create(settings, redactor);
        this.calls = new Calls(settings, redactor);
        this.project = settings.project();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RemoteRef register(Schedule schedule) {
        ensureProject();
        ProcessDefinition definition = ProcessDefinition.of(schedule, settings);
        Envelope<Void> verified = calls.envelope("process/verify-name", READ,
                () -> api.verifyProcessName(project, definition.name()));
        long processId;
        boolean createdHere;
        if (verified.succeeded()) {
            calls.data("process/save", WRITE, () -> api.saveProcess(project, definition.name(), definition.json(),
                    definition.locations(), definition.connects(), definition.description()));
            processId = processIdOf(definition.name()).orElseThrow(() -> new SchedulerGatewayException(
                    Kind.UNAVAILABLE, "process/list-paging", "process '" + definition.name()
                            + "' was saved but cannot be found"));
            createdHere = true;
        } else if (verified.code() == NAME_TAKEN) {
            processId = adopt(schedule, definition);
            createdHere = false;
        } else {
            throw calls.refusal("process/verify-name", verified);
        }
        try {
            release(processId, ONLINE);
            long cronScheduleId = upsertCronSchedule(processId, schedule, definition);
            release(processId, OFFLINE);
            return ref(processId, cronScheduleId);
        } catch (RuntimeException failure) {
            if (createdHere) {
                removeHalfCreated(processId, failure);
            }
            throw failure;
        }
    }

    /**
     * The name is taken: by this schedule's own process when an earlier attempt got that far (its
     * description carries the schedule id), which is then brought up to date; by anything else,
     * which is refused rather than taken over.
     */
    private long adopt(Schedule schedule, ProcessDefinition definition) {
        long processId = processIdOf(definition.name()).orElseThrow(() -> new SchedulerGatewayException(
                Kind.UNAVAILABLE, "process/list-paging", "process name '" + definition.name()
                        + "' is taken but no such process is listed"));
        Rows.ProcessDetail existing = calls.data("process/select-by-id", READ,
                () -> api.processById(project, processId));
        if (existing.description() == null
                || !existing.description().startsWith(ProcessDefinition.MARKER + schedule.id())) {
            throw new SchedulerGatewayException(Kind.REFUSED, "process/verify-name", "DolphinScheduler project "
                    + project + " already has a process named '" + definition.name() + "' that this module did not"
                    + " create for schedule " + schedule.id());
        }
        release(processId, OFFLINE);
        putDefinition(processId, definition);
        return processId;
    }

    private void removeHalfCreated(long processId, RuntimeException failure) {
        try {
            release(processId, OFFLINE);
            calls.data("process/delete", WRITE, () -> api.deleteProcess(project, processId));
        } catch (RuntimeException cleanupFailed) {
            failure.addSuppressed(cleanupFailed);
            LOG.warn("Process {} in DolphinScheduler project {} was left behind by a failed create: {}; "
                    + "reconciliation will not adopt it, delete it there", processId, project, cleanupFailed.getMessage());
        }
    }

    @Override
    public RemoteRef update(Schedule schedule) {
        RemoteRef ref = schedule.remote().orElseThrow();
        long processId = processId(ref);
        ProcessDefinition definition = ProcessDefinition.of(schedule, settings);
        // gone (deleted by hand) shows as NOT_FOUND here; a release of a missing process only says "error"
        calls.data("process/select-by-id", READ, () -> api.processById(project, processId));
        release(processId, OFFLINE);
        putDefinition(processId, definition);
        release(processId, ONLINE);
        long cronScheduleId = upsertCronSchedule(processId, schedule, definition);
        release(processId, OFFLINE);
        return ref(processId, cronScheduleId);
    }

    private void putDefinition(long processId, ProcessDefinition definition) {
        calls.data("process/update", WRITE, () -> api.updateProcess(project, processId, definition.name(),
                definition.json(), definition.locations(), definition.connects(), definition.description()));
    }

    /**
     * One cron schedule per process: updated when there is one, created when there is none (a second
     * create would make a second schedule), extra ones deleted.
     */
    private long upsertCronSchedule(long processId, Schedule schedule, ProcessDefinition definition) {
        RunSettings run = schedule.definition().runSettings();
        List<Rows.Schedule> existing = cronSchedules(processId);
        if (existing.isEmpty()) {
            calls.data("schedule/create", WRITE, () -> api.createSchedule(project, processId,
                    definition.scheduleField(), run.warningType().name(), run.warningGroupId(),
                    run.failureStrategy().name(), run.workerGroup(), run.priority().name()));
            return cronSchedules(processId).stream().findFirst().map(Rows.Schedule::id)
                    .orElseThrow(() -> new SchedulerGatewayException(Kind.UNAVAILABLE, "schedule/list-paging",
                            "the cron schedule of process " + processId + " was created but cannot be found"));
        }
        long keep = existing.get(0).id();
        for (Rows.Schedule extra : existing.subList(1, existing.size())) {
            calls.data("schedule/delete", WRITE, () -> api.deleteSchedule(project, extra.id()));
        }
        calls.data("schedule/update", WRITE, () -> api.updateSchedule(project, keep, definition.scheduleField(),
                run.warningType().name(), run.warningGroupId(), run.failureStrategy().name(), run.workerGroup(),
                run.priority().name()));
        return keep;
    }

    @Override
    public void online(RemoteRef ref) {
        long processId = processId(ref);
        release(processId, ONLINE);
        long cronScheduleId = cronScheduleId(ref, processId);
        Envelope<Void> answer = calls.envelope("schedule/online", WRITE,
                () -> api.onlineSchedule(project, cronScheduleId));
        if (!answer.succeeded() && answer.code() != RELEASE_UNCHANGED) {
            throw calls.refusal("schedule/online", answer);
        }
    }

    /** Releasing the process offline takes its cron schedule offline too. */
    @Override
    public void offline(RemoteRef ref) {
        release(processId(ref), OFFLINE);
    }

    @Override
    public void delete(RemoteRef ref) {
        long processId = processId(ref);
        calls.data("process/select-by-id", READ, () -> api.processById(project, processId));
        release(processId, OFFLINE);
        Envelope<Void> answer = calls.envelope("process/delete", WRITE, () -> api.deleteProcess(project, processId));
        if (answer.code() == MORE_THAN_ONE_SCHEDULE) {
            for (Rows.Schedule schedule : cronSchedules(processId)) {
                calls.data("schedule/delete", WRITE, () -> api.deleteSchedule(project, schedule.id()));
            }
            answer = calls.envelope("process/delete", WRITE, () -> api.deleteProcess(project, processId));
        }
        if (!answer.succeeded()) {
            throw calls.refusal("process/delete", answer);
        }
    }

    /**
     * A run needs the process online; releasing it does not put its cron schedule online, so the
     * schedule still fires only when its owner said so.
     */
    @Override
    public void runNow(Schedule schedule) {
        long processId = processId(schedule.remote().orElseThrow());
        RunSettings run = schedule.definition().runSettings();
        release(processId, ONLINE);
        calls.data("executors/start-process-instance", WRITE, () -> api.startProcess(project, processId,
                run.failureStrategy().name(), run.warningType().name(), run.warningGroupId(), run.priority().name(),
                run.workerGroup()));
    }

    @Override
    public Page<Run> runs(RemoteRef ref, PageRequest page) {
        long processId = processId(ref);
        PageData<Rows.Instance> data = calls.data("instance/list-paging", READ,
                () -> api.listInstances(project, processId, page.page(), page.size()));
        return new Page<>(data.totalList().stream().map(this::run).toList(), page.page(), page.size(), data.total());
    }

    @Override
    public RunDetail run(RemoteRef ref, RunId runId) {
        Rows.Instance instance = instanceOf(ref, runId);
        Rows.TaskList tasks = calls.data("instance/task-list-by-process-id", READ,
                () -> api.taskList(project, instance.id()));
        return new RunDetail(run(instance), tasks.taskList().stream().map(this::taskRun).toList());
    }

    @Override
    public String taskLog(RemoteRef ref, RunId runId, String taskRunId) {
        RunDetail detail = run(ref, runId);
        if (detail.tasks().stream().noneMatch(task -> task.id().equals(taskRunId))) {
            throw new SchedulerGatewayException(Kind.NOT_FOUND, "log/detail",
                    "task instance " + taskRunId + " is not part of process instance " + runId);
        }
        long taskInstanceId = Long.parseLong(taskRunId);
        StringBuilder log = new StringBuilder();
        for (int skip = 0; skip < MAX_LOG_LINES; skip += LOG_LINES_PER_CALL) {
            int from = skip;
            String lines = calls.data("log/detail", READ, () -> api.log(taskInstanceId, from, LOG_LINES_PER_CALL));
            if (lines == null || lines.isEmpty()) {
                return log.toString();
            }
            log.append(lines);
            if (lines.split("\r?\n", -1).length - 1 < LOG_LINES_PER_CALL) {
                return log.toString();
            }
        }
        return log.append("… (log cut at ").append(MAX_LOG_LINES).append(" lines)").toString();
    }

    @Override
    public void command(RemoteRef ref, RunId runId, RunCommand command) {
        Rows.Instance instance = instanceOf(ref, runId);
        calls.data("executors/execute", WRITE, () -> api.execute(project, instance.id(), executeType(command)));
    }

    static String executeType(RunCommand command) {
        return switch (command) {
            case PAUSE -> "PAUSE";
            case STOP -> "STOP";
            case RESUME -> "RECOVER_SUSPENDED_PROCESS";
            case RERUN_FAILED -> "START_FAILURE_TASK_PROCESS";
            case REPEAT -> "REPEAT_RUNNING";
        };
    }

    @Override
    public List<FieldChange> drift(Schedule schedule) {
        RemoteRef ref = schedule.remote().orElseThrow();
        long processId = processId(ref);
        Envelope<Rows.ProcessDetail> answer = calls.envelope("process/select-by-id", READ,
                () -> api.processById(project, processId));
        if (!answer.succeeded()) {
            SchedulerGatewayException failure = calls.refusal("process/select-by-id", answer);
            if (failure.kind() == Kind.NOT_FOUND) {
                return List.of(new FieldChange("remote.definition", ref.definitionId(), null));
            }
            throw failure;
        }
        Rows.ProcessDetail actual = answer.data();
        ProcessDefinition expected = ProcessDefinition.of(schedule, settings);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "remote.name", expected.name(), actual.name());
        if (!sameJson(expected.json(), actual.processDefinitionJson())) {
            changes.add(new FieldChange("remote.tasks", "as stored", "edited in DolphinScheduler"));
        }
        List<Rows.Schedule> cron = cronSchedules(processId);
        if (cron.isEmpty()) {
            changes.add(new FieldChange("remote.cronSchedule", ref.cronScheduleId(), null));
            return changes;
        }
        Rows.Schedule remote = cron.get(0);
        FieldChange.collect(changes, "cron.expression", schedule.definition().cron().expression(), remote.crontab());
        FieldChange.collect(changes, "releaseState", schedule.releaseState().name(),
                ReleaseState.ONLINE.name().equals(remote.releaseState()) ? ReleaseState.ONLINE.name()
                        : ReleaseState.OFFLINE.name());
        if (cron.size() > 1) {
            changes.add(new FieldChange("remote.cronSchedules", "1", String.valueOf(cron.size())));
        }
        return changes;
    }

    private static boolean sameJson(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        try {
            JsonNode left = JSON.readTree(expected);
            JsonNode right = JSON.readTree(actual);
            return left.equals(right);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void ensureProject() {
        if (projectReady) {
            return;
        }
        boolean exists = all("projects/list-paging", pageNo -> api.listProjects(pageNo, PAGE_SIZE, project)).stream()
                .anyMatch(row -> row.name().equalsIgnoreCase(project));
        if (!exists) {
            Envelope<Long> created = calls.envelope("projects/create", WRITE,
                    () -> api.createProject(project, "Schedules of notebook-scheduler"));
            if (!created.succeeded() && created.code() != PROJECT_EXISTS) {
                throw calls.refusal("projects/create", created);
            }
        }
        projectReady = true;
    }

    private Optional<Long> processIdOf(String name) {
        return all("process/list-paging", pageNo -> api.listProcesses(project, pageNo, PAGE_SIZE, name)).stream()
                .filter(row -> row.name().equals(name)).map(Rows.Process::id).findFirst();
    }

    private List<Rows.Schedule> cronSchedules(long processId) {
        return all("schedule/list-paging", pageNo -> api.listSchedules(project, processId, pageNo, PAGE_SIZE));
    }

    private long cronScheduleId(RemoteRef ref, long processId) {
        if (ref.cronScheduleId() != null) {
            return Long.parseLong(ref.cronScheduleId());
        }
        return cronSchedules(processId).stream().findFirst().map(Rows.Schedule::id).orElseThrow(
                () -> new SchedulerGatewayException(Kind.NOT_FOUND, "schedule/list-paging",
                        "process " + processId + " has no cron schedule"));
    }

    /** Every row of a paged listing, page by page until the last. */
    private <T> List<T> all(String call, IntFunction<Envelope<PageData<T>>> pageCall) {
        List<T> rows = new ArrayList<>();
        for (int pageNo = 1; ; pageNo++) {
            int current = pageNo;
            PageData<T> page = calls.data(call, READ, () -> pageCall.apply(current));
            rows.addAll(page.totalList());
            if (page.totalList().isEmpty() || current >= page.totalPage()) {
                return rows;
            }
        }
    }

    private void release(long processId, int state) {
        calls.data("process/release", WRITE, () -> api.releaseProcess(project, processId, state));
    }

    private Rows.Instance instanceOf(RemoteRef ref, RunId runId) {
        long instanceId;
        try {
            instanceId = Long.parseLong(runId.value());
        } catch (NumberFormatException e) {
            throw new SchedulerGatewayException(Kind.NOT_FOUND, "instance/select-by-id", "no process instance " + runId);
        }
        Rows.Instance instance = calls.data("instance/select-by-id", READ, () -> api.instanceById(project, instanceId));
        if (instance == null || instance.processDefinitionId() != processId(ref)) {
            throw new SchedulerGatewayException(Kind.NOT_FOUND, "instance/select-by-id",
                    "process instance " + runId + " is not a run of process " + ref.definitionId());
        }
        return instance;
    }

    private Run run(Rows.Instance instance) {
        return new Run(new RunId(String.valueOf(instance.id())), RunStates.of(instance.state()),
                DsTime.parse(instance.scheduleTime(), settings.serverZone()),
                DsTime.parse(instance.startTime(), settings.serverZone()),
                DsTime.parse(instance.endTime(), settings.serverZone()));
    }

    private TaskRun taskRun(Rows.TaskInstance task) {
        return new TaskRun(String.valueOf(task.id()), task.name(), RunStates.of(task.state()),
                DsTime.parse(task.startTime(), settings.serverZone()),
                DsTime.parse(task.endTime(), settings.serverZone()), task.retryTimes());
    }

    private RemoteRef ref(long processId, long cronScheduleId) {
        return new RemoteRef(NAME, project, String.valueOf(processId), String.valueOf(cronScheduleId));
    }

    private static long processId(RemoteRef ref) {
        return Long.parseLong(ref.definitionId());
    }
}

package org.notebookscheduler.adapters.dolphinscheduler;

import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.READ;
import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.WRITE;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.adapters.dolphinscheduler.api.DsTime;
import org.notebookscheduler.adapters.dolphinscheduler.api.PageData;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.port.out.EngineRuns;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.RemoteRef;

/**
 * The runs of a schedule's process: listed, detailed, their task logs, commands to them, and the
 * run a callback comes from. Each answers within the configured deadline.
 */
final class DolphinSchedulerRuns implements EngineRuns, CallerRuns {

    static final int LOG_LINES_PER_CALL = 1000;
    static final int MAX_LOG_LINES = 20_000;
    /** How many of a process's newest instances are looked at to find a callback's run. */
    static final int RECENT_INSTANCES = 20;
    static final int LOOKS_FOR_A_NEW_RUN = 4;
    static final Duration BETWEEN_LOOKS = Duration.ofMillis(500);
    /** {@code ${system.datetime}}: a scheduled run's fire time as the callback sends it. */
    private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final DolphinSchedulerApi api;
    private final Calls calls;
    private final DolphinSchedulerSettings settings;
    private final Redactor redactor;

    DolphinSchedulerRuns(DolphinSchedulerApi api, Calls calls, DolphinSchedulerSettings settings, Redactor redactor) {
        this.api = api;
        this.calls = calls;
        this.settings = settings;
        this.redactor = redactor;
    }

    @Override
    public Page<Run> page(RemoteRef ref, PageRequest page) {
        return Deadline.within(settings.deadline(), () -> listRuns(ref, page));
    }

    @Override
    public RunDetail detail(RemoteRef ref, RunId runId) {
        return Deadline.within(settings.deadline(), () -> detailOf(ref, runId));
    }

    @Override
    public String taskLog(RemoteRef ref, RunId runId, String taskRunId) {
        return Deadline.within(settings.deadline(), () -> redactor.mask(rawTaskLog(ref, runId, taskRunId)));
    }

    @Override
    public void command(RemoteRef ref, RunId runId, RunCommand command) {
        Deadline.within(settings.deadline(), () -> commandOf(ref, runId, command));
    }

    @Override
    public Optional<CallerRun> callerRun(Schedule schedule, String taskName, String sentRunKey) {
        return Deadline.within(settings.deadline(),
                () -> callerRunOf(schedule.remote().orElseThrow(), taskName, sentRunKey));
    }

    private Page<Run> listRuns(RemoteRef ref, PageRequest page) {
        long processId = processId(ref);
        PageData<Rows.Instance> data = calls.data("instance/list-paging", READ,
                () -> api.listInstances(ref.project(), processId, page.page(), page.size()));
        return new Page<>(data.totalList().stream().map(this::run).toList(), page.page(), page.size(), data.total());
    }

    private RunDetail detailOf(RemoteRef ref, RunId runId) {
        Rows.Instance instance = instanceOf(ref, runId);
        List<Rows.TaskInstance> attempts = Session.all(calls, "task-instance/list-paging",
                pageNo -> api.taskInstances(ref.project(), instance.id(), pageNo, Session.PAGE_SIZE));
        return new RunDetail(run(instance), attempts.stream()
                .sorted(Comparator.comparing(Rows.TaskInstance::name).thenComparingInt(Rows.TaskInstance::retryTimes)
                        .thenComparingLong(Rows.TaskInstance::id))
                .map(this::taskRun).toList());
    }

    /**
     * The log as DolphinScheduler wrote it; {@link #taskLog} masks the tokens and the callback
     * credentials in it: 1.3.9's HTTP task logs its parameters, credential included, and a log is
     * shown to the schedule's owner.
     */
    private String rawTaskLog(RemoteRef ref, RunId runId, String taskRunId) {
        RunDetail detail = detailOf(ref, runId);
        if (detail.tasks().stream().noneMatch(task -> task.id().equals(taskRunId))) {
            throw new EngineException(Kind.NOT_FOUND, "log/detail",
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

    /**
     * Resume, rerun and repeat need the process online, as a run started now does; like run-now,
     * the process is released online for them, and its cron schedule is left as it is.
     */
    private void commandOf(RemoteRef ref, RunId runId, RunCommand command) {
        Rows.Instance instance = instanceOf(ref, runId);
        if (command != RunCommand.PAUSE && command != RunCommand.STOP) {
            calls.data("process/release", WRITE, () -> api.releaseProcess(ref.project(), instance.processDefinitionId(),
                    Session.ONLINE));
        }
        calls.data("executors/execute", WRITE, () -> api.execute(ref.project(), instance.id(), executeType(command)));
    }

    /**
     * The running instance whose task of this name is running now, newest first; one whose schedule
     * time is the callback's run key is preferred (a scheduled run). Its run key is
     * {@code <instance id>.<run times>}: retries inside the instance keep it, a repeat or a rerun of
     * failed tasks (which run the same instance again) changes it.
     */
    private Optional<CallerRun> callerRunOf(RemoteRef ref, String taskName, String sentRunKey) {
        List<Rows.Instance> running = calls.data("instance/list-paging", READ,
                () -> api.listInstances(ref.project(), processId(ref), 1, RECENT_INSTANCES)).totalList().stream()
                .filter(instance -> !RunStates.of(instance.state()).finished())
                .sorted(Comparator.comparing((Rows.Instance instance) -> !scheduledFor(instance, sentRunKey))
                        .thenComparing(Comparator.comparingLong(Rows.Instance::id).reversed()))
                .toList();
        for (Rows.Instance instance : running) {
            Optional<Rows.TaskInstance> task = Session.all(calls, "task-instance/list-paging",
                    pageNo -> api.taskInstances(ref.project(), instance.id(), pageNo, Session.PAGE_SIZE)).stream()
                    .filter(row -> row.name().equals(taskName) && row.latest()
                            && RunStates.of(row.state()) == RunState.RUNNING)
                    .findFirst();
            if (task.isPresent()) {
                return Optional.of(new CallerRun(String.valueOf(instance.id()),
                        instance.id() + "." + Math.max(1, instance.runTimes()), String.valueOf(task.get().id())));
            }
        }
        return Optional.empty();
    }

    private boolean scheduledFor(Rows.Instance instance, String sentRunKey) {
        return sentRunKey != null && DsTime.parse(instance.scheduleTime(), settings.serverZone())
                .map(at -> FIRE_TIME.format(LocalDateTime.ofInstant(at, settings.serverZone())).equals(sentRunKey))
                .orElse(false);
    }

    /**
     * Starts the process and waits, within the deadline, for the instance the start made: the
     * first instance newer than any there was before.
     */
    Optional<RunId> startAndFind(RemoteRef ref, Runnable start) {
        long newestBefore = calls.data("instance/list-paging", READ,
                () -> api.listInstances(ref.project(), processId(ref), 1, 1)).totalList().stream()
                .mapToLong(Rows.Instance::id).max().orElse(0);
        start.run();
        for (int look = 0; look < LOOKS_FOR_A_NEW_RUN && !Deadline.expired(); look++) {
            Optional<RunId> made = calls.data("instance/list-paging", READ,
                    () -> api.listInstances(ref.project(), processId(ref), 1, RECENT_INSTANCES)).totalList().stream()
                    .filter(instance -> instance.id() > newestBefore).map(instance -> instance.id())
                    .min(Long::compare).map(id -> new RunId(String.valueOf(id)));
            if (made.isPresent()) {
                return made;
            }
            pause(BETWEEN_LOOKS);
        }
        return Optional.empty();
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String executeType(RunCommand command) {
        return switch (command) {
            case PAUSE -> "PAUSE";
            case STOP -> "STOP";
            case RESUME -> "RECOVER_SUSPENDED_PROCESS";
            case RERUN_FAILED -> "START_FAILURE_TASK_PROCESS";
            case REPEAT -> "REPEAT_RUNNING";
        };
    }

    private Rows.Instance instanceOf(RemoteRef ref, RunId runId) {
        long instanceId;
        try {
            instanceId = Long.parseLong(runId.value());
        } catch (NumberFormatException e) {
            throw new EngineException(Kind.NOT_FOUND, "instance/select-by-id", "no process instance " + runId);
        }
        Rows.Instance instance = calls.data("instance/select-by-id", READ,
                () -> api.instanceById(ref.project(), instanceId));
        if (instance == null || instance.processDefinitionId() != processId(ref)) {
            throw new EngineException(Kind.NOT_FOUND, "instance/select-by-id",
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
                DsTime.parse(task.endTime(), settings.serverZone()), task.retryTimes(), task.latest());
    }

    private static long processId(RemoteRef ref) {
        return Long.parseLong(ref.definitionId());
    }
}

package org.notebookscheduler.application.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.EngineDrift;
import org.notebookscheduler.application.port.out.EngineHealth;
import org.notebookscheduler.application.port.out.EngineLifecycle;
import org.notebookscheduler.application.port.out.EngineRuns;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** An engine that keeps what it is told, refuses what DolphinScheduler refuses, and logs every call. */
public final class FakeEngine implements EngineLifecycle, EngineRuns, EngineDrift, CallerRuns, EngineHealth {

    public static final String NAME = "fake";
    public static final String PROJECT = "ByzerScheduler";

    /** What the remote side holds for one schedule. */
    public record Remote(RemoteRef ref, ScheduleDefinition definition, boolean online) {
    }

    private final Map<String, Remote> remotes = new HashMap<>();
    private final Map<ScheduleId, String> definitionIds = new HashMap<>();
    private final Map<String, List<RunDetail>> runs = new HashMap<>();
    private final Map<String, String> logs = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Faults faults = new Faults();
    private int nextId = 1;
    private RunId nextRun;
    private CallerRun callerRun;
    private String unavailable;

    public Faults faults() {
        return faults;
    }

    private final String name;

    public FakeEngine() {
        this(NAME);
    }

    /** An engine of that name: its schedules' links name it, and they are routed back to it. */
    public FakeEngine(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** This fake in all its roles. */
    public Engine engine() {
        return new Engine(name, this, this, this, this, this);
    }

    /** From now on its health check is down, saying {@code why}. */
    public synchronized void healthDown(String why) {
        unavailable = why;
    }

    /** Up, unless the fake was told it is down ({@link #healthDown}), saying so. */
    @Override
    public synchronized EngineHealth.Check check() {
        return unavailable == null ? new EngineHealth.Check(true, java.util.Map.of("engine", name))
                : new EngineHealth.Check(false, java.util.Map.of("engine", name, "error", unavailable));
    }

    @Override
    public synchronized RemoteChange register(Schedule schedule) {
        call("register");
        String existing = definitionIds.get(schedule.id());
        if (existing != null && remotes.containsKey(existing)) {
            return changed(existing, remotes.get(existing).ref());
        }
        String definitionId = String.valueOf(nextId++);
        RemoteRef ref = new RemoteRef(name, PROJECT, definitionId, String.valueOf(nextId++));
        definitionIds.put(schedule.id(), definitionId);
        RemoteChange change = changed(definitionId, ref);
        remotes.put(definitionId, new Remote(ref, schedule.definition(), false));
        return change;
    }

    @Override
    public synchronized RemoteChange update(Schedule schedule) {
        call("update");
        Remote remote = owned(schedule, "update");
        if (remote.online()) {
            throw new EngineException(EngineException.Kind.REFUSED, "update", "process is online");
        }
        RemoteChange change = changed(remote.ref().definitionId(), remote.ref());
        remotes.put(remote.ref().definitionId(), new Remote(remote.ref(), schedule.definition(), false));
        return change;
    }

    @Override
    public synchronized RemoteChange online(Schedule schedule) {
        call("online");
        Remote remote = owned(schedule, "online");
        RemoteChange change = changed(remote.ref().definitionId(), remote.ref());
        remotes.put(remote.ref().definitionId(), new Remote(remote.ref(), remote.definition(), true));
        return change;
    }

    @Override
    public synchronized RemoteChange offline(Schedule schedule) {
        call("offline");
        Remote remote = owned(schedule, "offline");
        RemoteChange change = changed(remote.ref().definitionId(), remote.ref());
        remotes.put(remote.ref().definitionId(), new Remote(remote.ref(), remote.definition(), false));
        return change;
    }

    @Override
    public synchronized RemoteChange delete(Schedule schedule) {
        call("delete");
        Remote remote = owned(schedule, "delete");
        if (remote.online()) {
            throw new EngineException(EngineException.Kind.REFUSED, "delete", "process is online");
        }
        RemoteChange change = changed(remote.ref().definitionId(), remote.ref());
        remotes.remove(remote.ref().definitionId());
        return change;
    }

    @Override
    public synchronized Optional<RunId> runNow(Schedule schedule) {
        call("runNow");
        owned(schedule, "runNow");
        return Optional.ofNullable(nextRun);
    }

    @Override
    public synchronized Optional<CallerRun> callerRun(Schedule schedule, String taskName, String sentRunKey) {
        call("callerRun");
        return Optional.ofNullable(callerRun);
    }

    /** The run the next run-now starts, as the engine shows it; null for one it does not show in time. */
    public synchronized void nextRunIs(RunId run) {
        this.nextRun = run;
    }

    /** What the engine says about the run the next callbacks come from; null when it cannot tell. */
    public synchronized void callbacksComeFrom(CallerRun run) {
        this.callerRun = run;
    }

    /** A change of one remote entry whose undo puts back what the entry held before. */
    private RemoteChange changed(String definitionId, RemoteRef ref) {
        Remote before = remotes.get(definitionId);
        return RemoteChange.of(ref, () -> {
            synchronized (FakeEngine.this) {
                call("undo");
                if (before == null) {
                    remotes.remove(definitionId);
                } else {
                    remotes.put(definitionId, before);
                }
            }
        });
    }

    /** The remote entry a schedule is linked to, if it is still that schedule's. */
    private Remote owned(Schedule schedule, String call) {
        RemoteRef ref = schedule.remote().orElseThrow();
        Remote remote = remotes.get(ref.definitionId());
        if (remote == null || !ref.definitionId().equals(definitionIds.get(schedule.id()))) {
            throw new RemoteLinkLostException(call, ref, "process " + ref.definitionId() + " is not this schedule's");
        }
        return remote;
    }

    /** The remote side forgets everything, as a scheduler whose database was reset: ids start again. */
    public synchronized void reset() {
        remotes.clear();
        runs.clear();
        definitionIds.clear();
        nextId = 1;
    }

    @Override
    public synchronized Page<Run> page(RemoteRef ref, PageRequest page) {
        call("runs");
        return Page.of(runs.getOrDefault(ref.definitionId(), List.of()).stream().map(RunDetail::run).toList(), page);
    }

    @Override
    public synchronized RunDetail detail(RemoteRef ref, RunId runId) {
        call("run");
        return runs.getOrDefault(ref.definitionId(), List.of()).stream()
                .filter(detail -> detail.run().id().equals(runId)).findFirst()
                .orElseThrow(() -> new EngineException(EngineException.Kind.NOT_FOUND, "run",
                        "no process instance " + runId));
    }

    @Override
    public synchronized String taskLog(RemoteRef ref, RunId runId, String taskRunId) {
        call("taskLog");
        detail(ref, runId);
        String log = logs.get(taskRunId);
        if (log == null) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "taskLog",
                    "no task instance " + taskRunId);
        }
        return log;
    }

    @Override
    public synchronized void command(RemoteRef ref, RunId runId, RunCommand command) {
        call("command");
        detail(ref, runId);
        calls.add("command:" + command + ":" + runId);
    }

    @Override
    public synchronized List<FieldChange> of(Schedule schedule) {
        call("drift");
        RemoteRef ref = schedule.remote().orElseThrow();
        Remote remote = remotes.get(ref.definitionId());
        if (remote == null) {
            return List.of(new FieldChange("remote.definition", ref.definitionId(), null));
        }
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "name", schedule.definition().name(), remote.definition().name());
        FieldChange.collect(changes, "cron", schedule.definition().cron(), remote.definition().cron());
        FieldChange.collect(changes, "releaseState", schedule.releaseState() == ReleaseState.ONLINE,
                remote.online());
        return changes;
    }

    /** Someone changes the remote side by hand: it now holds {@code definition}, online or not. */
    public synchronized void changeBehindTheBack(RemoteRef ref, ScheduleDefinition definition, boolean online) {
        remotes.put(ref.definitionId(), new Remote(ref, definition, online));
    }

    /** Someone deletes the remote side by hand. */
    public synchronized void deleteBehindTheBack(RemoteRef ref) {
        remotes.remove(ref.definitionId());
    }

    /** Adds a run the remote side reports for {@code ref}. */
    public synchronized void addRun(RemoteRef ref, RunDetail detail) {
        runs.computeIfAbsent(ref.definitionId(), key -> new ArrayList<>()).add(0, detail);
    }

    public synchronized void addLog(String taskRunId, String log) {
        logs.put(taskRunId, log);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized Map<String, Remote> remotes() {
        return Map.copyOf(remotes);
    }

    private void call(String operation) {
        calls.add(operation);
        faults.check(operation);
    }

    private Remote existing(RemoteRef ref, String call) {
        Remote remote = remotes.get(ref.definitionId());
        if (remote == null) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, call,
                    "no process definition " + ref.definitionId());
        }
        return remote;
    }
}

package org.notebookscheduler.adapters.dolphinscheduler;

import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.READ;
import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.adapters.dolphinscheduler.api.Envelope;
import org.notebookscheduler.adapters.dolphinscheduler.api.PageData;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * One operation's view of the project in DolphinScheduler. The project is looked up afresh for
 * every operation, never remembered: the server can lose it (a reset, a hand deletion), and a
 * remembered id would then send writes to nothing, or to a stranger.
 */
final class Session {

    /** Rows asked for per page; the server returns at most 500 whatever is asked. */
    static final int PAGE_SIZE = 100;
    static final int ONLINE = 1;
    static final int OFFLINE = 0;
    private static final int PROJECT_EXISTS = 10019;
    private static final int MORE_THAN_ONE_SCHEDULE = 50022;

    final DolphinSchedulerApi api;
    final Calls calls;
    final String project;
    final long projectId;

    private Session(DolphinSchedulerApi api, Calls calls, String project, long projectId) {
        this.api = api;
        this.calls = calls;
        this.project = project;
        this.projectId = projectId;
    }

    /** The project, created when it is missing: for a change that makes a new process. */
    static Session creatingProject(DolphinSchedulerApi api, Calls calls, String project) {
        Optional<Long> id = findProject(api, calls, project);
        if (id.isPresent()) {
            return new Session(api, calls, project, id.get());
        }
        Envelope<Long> created = calls.envelope("projects/create", WRITE,
                () -> api.createProject(project, "Schedules of notebook-scheduler"));
        if (!created.succeeded() && created.code() != PROJECT_EXISTS) {
            throw calls.refusal("projects/create", created);
        }
        return new Session(api, calls, project, findProject(api, calls, project).orElseThrow(
                () -> new EngineException(Kind.UNAVAILABLE, "projects/list-paging",
                        "project " + project + " was created but cannot be found")));
    }

    /** The project of a schedule's link; a missing project means the schedule's process is gone. */
    static Session ofLink(DolphinSchedulerApi api, Calls calls, RemoteRef ref) {
        return findProject(api, calls, ref.project()).map(id -> new Session(api, calls, ref.project(), id))
                .orElseThrow(() -> new RemoteLinkLostException("projects/list-paging", ref, "DolphinScheduler has no"
                        + " project " + ref.project() + " any more, so process " + ref.definitionId() + " is gone"));
    }

    static Optional<Long> findProject(DolphinSchedulerApi api, Calls calls, String project) {
        List<Rows.Project> rows = all(calls, "projects/list-paging", pageNo -> api.listProjects(pageNo, PAGE_SIZE,
                project));
        // the server compares names by its database's collation: case-insensitive on MySQL
        return rows.stream().filter(row -> row.name().equals(project)).findFirst()
                .or(() -> rows.stream().filter(row -> row.name().equalsIgnoreCase(project)).findFirst())
                .map(Rows.Project::id);
    }

    /**
     * The process a schedule is linked to, after confirming it is that schedule's: in this project,
     * and carrying the schedule's id in its description. Anything else is never written to.
     */
    Rows.ProcessDetail owned(Schedule schedule) {
        RemoteRef ref = schedule.remote().orElseThrow();
        long processId = Long.parseLong(ref.definitionId());
        Rows.ProcessDetail process = detail(processId).orElseThrow(() -> new RemoteLinkLostException(
                "process/select-by-id", ref, "process " + processId + " is gone from DolphinScheduler"));
        if (process.projectId() != projectId) {
            throw new RemoteLinkLostException("process/select-by-id", ref, "process " + processId
                    + " is in another project than " + project + "; it is not this schedule's");
        }
        if (!ProcessDefinition.carries(process.description(), schedule.id())) {
            throw new RemoteLinkLostException("process/select-by-id", ref, "process " + processId
                    + " now belongs to something else than schedule " + schedule.id() + "; it is left untouched");
        }
        return process;
    }

    Optional<Rows.ProcessDetail> detail(long processId) {
        Envelope<Rows.ProcessDetail> answer = calls.envelope("process/select-by-id", READ,
                () -> api.processById(project, processId));
        if (answer.succeeded()) {
            return Optional.ofNullable(answer.data());
        }
        EngineException failure = calls.refusal("process/select-by-id", answer);
        if (failure.kind() == Kind.NOT_FOUND) {
            return Optional.empty();
        }
        throw failure;
    }

    /** The process of this exact name that carries the schedule's id, if there is one. */
    Optional<Rows.ProcessDetail> ownedByName(String name, ScheduleId scheduleId) {
        for (Rows.Process row : processesNamed(name)) {
            Optional<Rows.ProcessDetail> detail = detail(row.id());
            if (detail.isPresent() && ProcessDefinition.carries(detail.get().description(), scheduleId)) {
                return detail;
            }
        }
        return Optional.empty();
    }

    /** Processes with this name as the server compares names (case-insensitive on MySQL). */
    List<Rows.Process> processesNamed(String name) {
        return all(calls, "process/list-paging", pageNo -> api.listProcesses(project, pageNo, PAGE_SIZE, name))
                .stream().filter(row -> row.name().equalsIgnoreCase(name)).toList();
    }

    List<Rows.Schedule> cronSchedules(long processId) {
        return all(calls, "schedule/list-paging", pageNo -> api.listSchedules(project, processId, pageNo, PAGE_SIZE));
    }

    void release(long processId, int state) {
        calls.data("process/release", WRITE, () -> api.releaseProcess(project, processId, state));
    }

    void putDefinition(long processId, String name, String json, String locations, String connects,
            String description) {
        calls.data("process/update", WRITE, () -> api.updateProcess(project, processId, name, json, locations,
                connects, description));
    }

    /** Deletes an offline process and its cron schedules. */
    void deleteProcess(long processId) {
        Envelope<Void> answer = calls.envelope("process/delete", WRITE, () -> api.deleteProcess(project, processId));
        if (answer.code() == MORE_THAN_ONE_SCHEDULE) {
            for (Rows.Schedule cron : cronSchedules(processId)) {
                calls.data("schedule/delete", WRITE, () -> api.deleteSchedule(project, cron.id()));
            }
            answer = calls.envelope("process/delete", WRITE, () -> api.deleteProcess(project, processId));
        }
        if (!answer.succeeded()) {
            throw calls.refusal("process/delete", answer);
        }
    }

    /** Every row of a paged listing, page by page until the last. */
    static <T> List<T> all(Calls calls, String call, IntFunction<Envelope<PageData<T>>> pageCall) {
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
}

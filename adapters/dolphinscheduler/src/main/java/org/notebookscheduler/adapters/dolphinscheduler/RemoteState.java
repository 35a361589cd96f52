package org.notebookscheduler.adapters.dolphinscheduler;

import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.WRITE;
import static org.notebookscheduler.adapters.dolphinscheduler.Session.OFFLINE;
import static org.notebookscheduler.adapters.dolphinscheduler.Session.ONLINE;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.adapters.dolphinscheduler.api.DsTime;
import org.notebookscheduler.adapters.dolphinscheduler.api.Envelope;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * What DolphinScheduler held for one schedule before a change: its process (or none) with its
 * definition and release state, and its cron schedules with their fields and release states.
 * {@link #restore} puts exactly that back; it is the undo of every change, whichever step the
 * change failed at, and whether or not the failed call had been applied.
 *
 * @param process null when the schedule had no process yet
 */
record RemoteState(ScheduleId scheduleId, String processName, Rows.ProcessDetail process, List<Rows.Schedule> crons) {

    private static final int RELEASE_UNCHANGED = 10126;

    RemoteState {
        crons = List.copyOf(crons);
    }

    static RemoteState absent(ScheduleId scheduleId, String processName) {
        return new RemoteState(scheduleId, processName, null, List.of());
    }

    static RemoteState of(Session session, Rows.ProcessDetail process, ScheduleId scheduleId) {
        return new RemoteState(scheduleId, process.name(), process, session.cronSchedules(process.id()));
    }

    boolean processOnline() {
        return process != null && "ONLINE".equals(process.releaseState());
    }

    void restore(Session session, ZoneId serverZone) {
        if (process == null) {
            // whatever the change made for this schedule goes; a stranger's process of that name stays
            session.ownedByName(processName, scheduleId).ifPresent(made -> {
                session.release(made.id(), OFFLINE);
                session.deleteProcess(made.id());
            });
            return;
        }
        long processId = session.detail(process.id())
                .filter(now -> ProcessDefinition.carries(now.description(), scheduleId)).map(Rows.ProcessDetail::id)
                .orElseGet(() -> recreate(session));
        session.release(processId, OFFLINE);
        session.putDefinition(processId, process.name(), process.processDefinitionJson(), process.locations(),
                process.connects(), process.description());
        List<Rows.Schedule> present = session.cronSchedules(processId);
        for (Rows.Schedule extra : present) {
            if (crons.stream().noneMatch(cron -> cron.id() == extra.id())) {
                session.calls.data("schedule/delete", WRITE, () -> session.api.deleteSchedule(session.project,
                        extra.id()));
            }
        }
        List<Rows.Schedule> missing = crons.stream()
                .filter(cron -> present.stream().noneMatch(now -> now.id() == cron.id())).toList();
        for (Rows.Schedule cron : crons) {
            if (!missing.contains(cron)) {
                session.calls.data("schedule/update", WRITE, () -> session.api.updateSchedule(session.project,
                        cron.id(), field(cron, serverZone), cron.warningType(), warningGroup(cron),
                        cron.failureStrategy(), cron.workerGroup(), cron.processInstancePriority()));
            }
        }
        if (!missing.isEmpty()) {
            session.release(processId, ONLINE);
            for (Rows.Schedule cron : missing) {
                session.calls.data("schedule/create", WRITE, () -> session.api.createSchedule(session.project,
                        processId, field(cron, serverZone), cron.warningType(), warningGroup(cron),
                        cron.failureStrategy(), cron.workerGroup(), cron.processInstancePriority()));
            }
            session.release(processId, OFFLINE);
        }
        if (processOnline()) {
            session.release(processId, ONLINE);
            List<Rows.Schedule> restored = session.cronSchedules(processId);
            for (Rows.Schedule cron : crons) {
                if ("ONLINE".equals(cron.releaseState())) {
                    Rows.Schedule target = restored.stream().filter(now -> now.id() == cron.id()).findFirst()
                            .or(() -> restored.stream().filter(now -> Objects.equals(now.crontab(), cron.crontab()))
                                    .findFirst())
                            .orElseThrow(() -> new EngineException(Kind.UNAVAILABLE, "schedule/list-paging",
                                    "the cron schedule of process " + processId + " cannot be found to restore"));
                    Envelope<Void> answer = session.calls.envelope("schedule/online", WRITE,
                            () -> session.api.onlineSchedule(session.project, target.id()));
                    if (!answer.succeeded() && answer.code() != RELEASE_UNCHANGED) {
                        throw session.calls.refusal("schedule/online", answer);
                    }
                }
            }
        }
    }

    /** The process was deleted by the change: it comes back under its name, with a new id. */
    private long recreate(Session session) {
        Optional<Rows.ProcessDetail> again = session.ownedByName(process.name(), scheduleId);
        if (again.isPresent()) {
            return again.get().id();
        }
        session.calls.data("process/save", WRITE, () -> session.api.saveProcess(session.project, process.name(),
                process.processDefinitionJson(), process.locations() == null ? "{}" : process.locations(),
                process.connects() == null ? "[]" : process.connects(), process.description()));
        return session.ownedByName(process.name(), scheduleId).map(Rows.ProcessDetail::id)
                .orElseThrow(() -> new EngineException(Kind.UNAVAILABLE, "process/list-paging",
                        "process '" + process.name() + "' was saved again but cannot be found"));
    }

    private static long warningGroup(Rows.Schedule cron) {
        return cron.warningGroupId() == null ? 0 : cron.warningGroupId();
    }

    /** The {@code schedule} form field that gives back the cron schedule's times and crontab. */
    private static String field(Rows.Schedule cron, ZoneId serverZone) {
        return ProcessDefinition.scheduleField(serverTime(cron.startTime(), serverZone),
                serverTime(cron.endTime(), serverZone), cron.crontab());
    }

    private static LocalDateTime serverTime(String answer, ZoneId serverZone) {
        return DsTime.parse(answer, serverZone).map(instant -> LocalDateTime.ofInstant(instant, serverZone))
                .orElseThrow(() -> new EngineException(Kind.UNAVAILABLE, "schedule/list-paging",
                        "unreadable cron schedule time '" + answer + "'"));
    }
}

package org.notebookscheduler.adapters.dolphinscheduler;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.application.port.out.EngineDrift;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.adapters.dolphinscheduler.api.DsTime;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How DolphinScheduler differs from a stored schedule, field by field: the process (its identity,
 * name, description, tasks and release state) and its cron schedule (cron, window, run settings and
 * release state). Reads only.
 */
final class DriftCheck implements EngineDrift {

    private static final JsonMapper JSON = DolphinSchedulerClient.jsonMapper();

    private final DolphinSchedulerApi api;
    private final Calls calls;
    private final DolphinSchedulerSettings settings;

    DriftCheck(DolphinSchedulerApi api, Calls calls, DolphinSchedulerSettings settings) {
        this.api = api;
        this.calls = calls;
        this.settings = settings;
    }

    @Override
    public List<FieldChange> of(Schedule schedule) {
        return Deadline.within(settings.deadline(), () -> driftOf(schedule));
    }

    private List<FieldChange> driftOf(Schedule schedule) {
        RemoteRef ref = schedule.remote().orElseThrow();
        Rows.ProcessDetail actual;
        Session session;
        try {
            session = Session.ofLink(api, calls, ref);
            actual = session.owned(schedule);
        } catch (RemoteLinkLostException lost) {
            return List.of(new FieldChange("remote.definition", ref.definitionId(), null));
        }
        ProcessDefinition expected = ProcessDefinition.of(schedule, settings);
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "remote.name", expected.name(), actual.name());
        FieldChange.collect(changes, "remote.description", expected.description(), actual.description());
        if (!sameJson(expected.json(), actual.processDefinitionJson())) {
            changes.add(new FieldChange("remote.tasks", "as stored", "edited in DolphinScheduler"));
        }
        boolean online = schedule.releaseState() == ReleaseState.ONLINE;
        FieldChange.collect(changes, "remote.processReleaseState", online ? "ONLINE" : "OFFLINE",
                actual.releaseState());
        List<Rows.Schedule> crons = session.cronSchedules(actual.id());
        if (crons.isEmpty()) {
            changes.add(new FieldChange("remote.cronSchedule", ref.cronScheduleId(), null));
            return changes;
        }
        Rows.Schedule remote = crons.get(0);
        FieldChange.collect(changes, "cron.expression", schedule.definition().cron().expression(), remote.crontab());
        JsonNode window = JSON.readTree(expected.scheduleField());
        FieldChange.collect(changes, "cron.start", window.get("startTime").asString(), serverTime(remote.startTime()));
        FieldChange.collect(changes, "cron.end", window.get("endTime").asString(), serverTime(remote.endTime()));
        RunSettings run = schedule.definition().runSettings();
        FieldChange.collect(changes, "runSettings.warningType", run.warningType().name(), remote.warningType());
        FieldChange.collect(changes, "runSettings.warningGroupId", run.warningGroupId(), remote.warningGroupId());
        FieldChange.collect(changes, "runSettings.failureStrategy", run.failureStrategy().name(),
                remote.failureStrategy());
        FieldChange.collect(changes, "runSettings.priority", run.priority().name(),
                remote.processInstancePriority());
        FieldChange.collect(changes, "runSettings.workerGroup", run.workerGroup(), remote.workerGroup());
        FieldChange.collect(changes, "releaseState", schedule.releaseState().name(),
                ReleaseState.ONLINE.name().equals(remote.releaseState()) ? ReleaseState.ONLINE.name()
                        : ReleaseState.OFFLINE.name());
        if (crons.size() > 1) {
            changes.add(new FieldChange("remote.cronSchedules", "1", String.valueOf(crons.size())));
        }
        return changes;
    }

    private String serverTime(String answer) {
        Optional<Instant> instant = DsTime.parse(answer, settings.serverZone());
        return instant.map(at -> DsTime.scheduleField(LocalDateTime.ofInstant(at, settings.serverZone())))
                .orElse(answer);
    }

    private static boolean sameJson(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        try {
            return JSON.readTree(expected).equals(JSON.readTree(actual));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}

package org.notebookscheduler.application.fakes;

import java.util.Map;
import org.notebookscheduler.application.port.in.ExecutionCallback;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;

import java.time.ZoneId;
import java.util.List;
import org.notebookscheduler.application.service.DeadNotificationReplayService;
import org.notebookscheduler.application.service.Engines;
import org.notebookscheduler.application.service.ExecutionCallbackService;
import org.notebookscheduler.application.service.HistoryService;
import org.notebookscheduler.application.service.NotificationRelayService;
import org.notebookscheduler.application.service.ReconciliationService;
import org.notebookscheduler.application.service.RunControlService;
import org.notebookscheduler.application.service.ScheduleService;
import org.notebookscheduler.application.service.TaskAttemptService;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.Secret;

/** Every service wired to in-memory fakes of every outbound port, the way the app wires the real ones. */
public final class TestWorld {

    public static final String CALLBACK_TOKEN = "callback-token-s3cret";

    public final MutableClock clock = new MutableClock(Examples.NOW);
    public final InMemoryScheduleStore schedules = new InMemoryScheduleStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryExecutionStore executions = new InMemoryExecutionStore();
    public final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    public final InMemoryAttemptClaims claims = new InMemoryAttemptClaims();
    public final InMemoryDestinationPacing pacing = new InMemoryDestinationPacing();
    public final FakeTransactions transactions = new FakeTransactions(schedules, audit, executions, outbox, claims);
    public final FakeEngine engine = new FakeEngine();
    public final Engines engines = Engines.only(engine.engine());
    public final FakeNotebookCatalog catalog = new FakeNotebookCatalog();
    public final FakeNotebookRunner runner = new FakeNotebookRunner(clock);
    public final FakeCurrentUser currentUser = new FakeCurrentUser(Actor.user("alice"));
    public final ScriptedNotificationSender sender = new ScriptedNotificationSender();
    public final ManualAlarms alarms = new ManualAlarms(clock);

    public final ScheduleService scheduleService;
    public final RunControlService runControl;
    public final HistoryService history;
    public final TaskAttemptService attempts;
    public final ExecutionCallbackService callbacks;
    public final NotificationRelayService relay;
    public final DeadNotificationReplayService replay;
    public final ReconciliationService reconciliation;

    public TestWorld() {
        this(NotificationPolicy.defaults(), List.of(Examples.feishu()));
    }

    public TestWorld(NotificationPolicy policy, List<WebhookTarget> destinations) {
        for (String id : List.of("nb-1", "nb-2", "nb-3")) {
            catalog.add(EntityType.NOTEBOOK, id, "notebook " + id, "alice", "commit-" + id);
        }
        catalog.add(EntityType.NOTEBOOK, "nb-bob", "bob's notebook", "bob", null);
        scheduleService = new ScheduleService(schedules, audit, engines, catalog, currentUser, transactions, clock);
        runControl = new RunControlService(schedules, currentUser, engines, audit, transactions, clock);
        history = new HistoryService(executions, audit, schedules, currentUser);
        CallbackSettings callbackSettings = CallbackSettings.withToken(Secret.of(CALLBACK_TOKEN, "callbackToken"));
        attempts = new TaskAttemptService(schedules, executions, audit, outbox,
                new NotificationSettings(policy, destinations, ZoneId.of("Asia/Shanghai")), runner, transactions,
                clock, alarms, claims, callbackSettings.maxTimeout());
        callbacks = new ExecutionCallbackService(callbackSettings, schedules, audit, clock, engines, attempts);
        relay = new NotificationRelayService(outbox, audit, transactions, pacing, sender, RelaySettings.defaults("relay-1"), clock, () -> 0.5);
        replay = new DeadNotificationReplayService(outbox, schedules, currentUser, audit, transactions, clock);
        reconciliation = new ReconciliationService(schedules, audit, engines, currentUser, transactions, clock);
    }

    /**
     * The callback the scheduler's task for {@code notebookId} sends: the schedule's id and task
     * name, the task's credential, the entity, the run key and the time parameters.
     */
    public ExecutionCallback callbackFor(String notebookId, String runKey) {
        return callbackFor(notebookId, runKey, null);
    }

    public ExecutionCallback callbackFor(String notebookId, String runKey, String timeout) {
        Schedule schedule = schedules.findByEntity(EntityType.NOTEBOOK, notebookId).orElseThrow();
        ScheduledTask task = schedule.taskFor(EntityType.NOTEBOOK, notebookId).orElseThrow();
        return new ExecutionCallback(credential(schedule.id(), task.name()), schedule.id().toString(), task.name(),
                "notebook", notebookId, task.commitId(), timeout, runKey, Map.of("system.biz.date", "20261124"));
    }

    public static String credential(ScheduleId scheduleId, String taskName) {
        return CallbackCredential.of(Secret.of(CALLBACK_TOKEN, "callbackToken"), scheduleId, taskName);
    }

    /** Creates a one-notebook schedule and puts it online, so that its callbacks are expected. */
    public ScheduleId onlineSchedule(String name, String notebookId) {
        ScheduleId id = scheduleService.create(Examples.oneNotebook(name, notebookId)).schedule().id();
        scheduleService.online(id);
        return id;
    }

    public void actAs(Actor actor) {
        currentUser.actAs(actor);
    }
}

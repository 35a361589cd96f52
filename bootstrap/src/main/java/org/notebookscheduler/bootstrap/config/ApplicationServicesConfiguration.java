package org.notebookscheduler.bootstrap.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.notebookscheduler.application.port.out.Alarms;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.service.DeadNotificationReplayService;
import org.notebookscheduler.application.service.Engines;
import org.notebookscheduler.application.service.ExecutionCallbackService;
import org.notebookscheduler.application.service.ExecutorAlarms;
import org.notebookscheduler.application.service.HistoryService;
import org.notebookscheduler.application.service.ReconciliationService;
import org.notebookscheduler.application.service.RunControlService;
import org.notebookscheduler.application.service.ScheduleService;
import org.notebookscheduler.application.service.TaskAttemptService;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.bootstrap.metrics.Meters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, each a service over the outbound ports that the adapters and the host provide. */
@Configuration(proxyBeanMethods = false)
public class ApplicationServicesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ScheduleService scheduleService(ScheduleStore store, AuditLog audit, Engines engines,
            NotebookCatalog catalog, CurrentUser currentUser, Transactions transactions, Clock clock,
            SchedulerProperties properties) {
        return new ScheduleService(store, audit, engines, catalog, currentUser, transactions, clock,
                properties.minFireInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    RunControlService runControlService(ScheduleStore store, CurrentUser currentUser, Engines engines,
            AuditLog audit, Transactions transactions, Clock clock) {
        return new RunControlService(store, currentUser, engines, audit, transactions, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    HistoryService historyService(ExecutionStore executions, AuditLog audit, ScheduleStore store,
            CurrentUser currentUser) {
        return new HistoryService(executions, audit, store, currentUser);
    }

    @Bean
    @ConditionalOnMissingBean
    TaskAttemptService taskAttemptService(CallbackSettings settings, NotificationSettings notifications,
            ScheduleStore store, ExecutionStore executions, AuditLog audit, NotificationOutbox outbox,
            NotebookRunner runner, Transactions transactions, Clock clock, Alarms alarms, AttemptClaims claims,
            ObjectProvider<MeterRegistry> meters) {
        return new TaskAttemptService(store, executions, audit, outbox, notifications, Meters.timed(runner, meters),
                transactions, clock, alarms, claims, settings.maxTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    ExecutionCallbackService executionCallbackService(CallbackSettings settings, ScheduleStore store, AuditLog audit,
            Clock clock, Engines engines, TaskAttemptService attempts) {
        return new ExecutionCallbackService(settings, store, audit, clock, engines, attempts);
    }

    /**
     * One thread for the long-run warnings of every run in progress. The executor is the alarms' own
     * and not a bean: a {@code ScheduledExecutorService} bean would make Spring Boot's task scheduler
     * back off in a host.
     */
    @Bean
    @ConditionalOnMissingBean
    Alarms alarms() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notebook-scheduler-alarms");
            thread.setDaemon(true);
            return thread;
        });
        return new ExecutorAlarms(executor);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadNotificationReplayService deadNotificationReplayService(NotificationOutbox outbox, ScheduleStore store,
            CurrentUser currentUser, AuditLog audit, Transactions transactions, Clock clock) {
        return new DeadNotificationReplayService(outbox, store, currentUser, audit, transactions, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ReconciliationService reconciliationService(ScheduleStore store, AuditLog audit, Engines engines,
            CurrentUser currentUser, Transactions transactions, Clock clock) {
        return new ReconciliationService(store, audit, engines, currentUser, transactions, clock);
    }
}

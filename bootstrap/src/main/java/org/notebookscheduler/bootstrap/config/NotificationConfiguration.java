package org.notebookscheduler.bootstrap.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.notebookscheduler.adapters.webhook.WebhookSender;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.service.NotificationRelayService;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.bootstrap.metrics.Meters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delivery of the outbox: the IM robot senders and the relay that drives them. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NotificationSender notificationSender(SchedulerProperties properties, Clock clock) {
        return new WebhookSender(properties.notification().connectTimeout(),
                properties.notification().requestTimeout(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationRelayService notificationRelayService(NotificationOutbox outbox, AuditLog audit,
            Transactions transactions, DestinationPacing pacing, NotificationSender sender, RelaySettings settings,
            Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new NotificationRelayService(outbox, audit, transactions, pacing, Meters.timed(sender, meters), settings,
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }
}

package org.notebookscheduler.bootstrap.config;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notebookscheduler.adapters.web.WebConfiguration;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.notification.DeliveryBackoff;
import org.notebookscheduler.domain.notification.MessageTemplate;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Turns the validated {@code notebook.scheduler.*} properties into the settings the services take. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulerConfiguration {

    /** The backoff's growth per failed attempt; fixed, since the initial and maximum waits are what operators tune. */
    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double BACKOFF_JITTER = 0.2;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    SchedulerEndpoints schedulerEndpoints(SchedulerProperties properties, Environment environment) {
        String callbackUrl = Optional.ofNullable(properties.callbackUrl()).filter(url -> !url.isBlank())
                .orElse(environment.getProperty("notebook.url", ""));
        if (properties.enable() && properties.usesDolphinScheduler() && callbackUrl.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(SchedulerProperties.PREFIX + ".callback-url", "",
                    "notebook.scheduler.callback-url (or notebook.url) is required when notebook.scheduler.enable is"
                            + " true: it is the address DolphinScheduler calls back");
        }
        return new SchedulerEndpoints(properties.schedulerUrl(), callbackUrl.isBlank() ? null : callbackUrl);
    }

    @Bean
    @ConditionalOnMissingBean
    WebConfiguration.WebSettings webSettings(SchedulerProperties properties) {
        return new WebConfiguration.WebSettings(properties.web().maxRequestSize().toBytes(),
                properties.web().maxHeaderSize().toBytes(), properties.dolphinscheduler().serverTimeZone());
    }

    @Bean
    @ConditionalOnMissingBean
    RunSettings defaultRunSettings(SchedulerProperties properties) {
        return properties.defaultRunSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackSettings callbackSettings(SchedulerProperties properties) {
        return new CallbackSettings(Optional.ofNullable(properties.callbackToken()), properties.callbackMaxTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationSettings notificationSettings(SchedulerProperties properties) {
        SchedulerProperties.Notification notification = properties.notification();
        NotificationPolicy policy = new NotificationPolicy(notification.level(), notification.messageHeader(),
                notification.includeError(), notification.maxErrorLength(),
                MessageTemplate.of(notification.template(), SchedulerProperties.PREFIX + ".notification.template"),
                notification.notifyOnStart(), notification.longRunWarning());
        List<WebhookTarget> destinations = Optional.ofNullable(notification.webhookUrl())
                .map(url -> WebhookTarget.of(url.reveal(), notification.webhookKind(),
                        Optional.ofNullable(notification.webhookSecret()).map(Secret::reveal).orElse(null),
                        SchedulerProperties.PREFIX + ".notification.webhook-url"))
                .map(List::of).orElse(List.of());
        return new NotificationSettings(policy, destinations, notification.zone());
    }

    @Bean
    @ConditionalOnMissingBean
    RelaySettings relaySettings(SchedulerProperties properties) {
        SchedulerProperties.Relay relay = properties.relay();
        DeliveryBackoff backoff = new DeliveryBackoff(relay.maxAttempts(), relay.initialBackoff(), relay.maxBackoff(),
                BACKOFF_MULTIPLIER, BACKOFF_JITTER, relay.maxAge());
        return new RelaySettings(instanceId(), relay.lease(), relay.batchSize(), backoff, relay.retention(),
                properties.notification().connectTimeout().plus(properties.notification().requestTimeout()));
    }

    /**
     * pid@host plus a random part: unique per running instance, and readable where it is written
     * (the outbox's claimed-by column, the engine's runner column, Quartz's cluster table).
     */
    static String instanceId() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        String id = runtime + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }
}

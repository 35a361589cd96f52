package org.notebookscheduler.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.notification.NotificationLevel;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.Priority;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.WarningType;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SchedulerPropertiesTest {

    private static final String FEISHU = "https://open.feishu.cn/open-apis/bot/v2/hook/tok-3f9a-very-secret";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SchedulerConfiguration.class, DolphinSchedulerConfiguration.class, EnginesConfiguration.class,
                    SecretConverter.class);

    @Test
    void unset_properties_take_the_seeds_defaults() {
        runner.run(context -> {
            SchedulerProperties properties = context.getBean(SchedulerProperties.class);
            assertThat(properties.enable()).isFalse();
            assertThat(properties.projectName()).isEqualTo("ByzerScheduler");
            assertThat(context.getBean(RunSettings.class)).isEqualTo(
                    new RunSettings(WarningType.ALL, 1, FailureStrategy.END, Priority.MEDIUM, "default"));
            NotificationSettings notification = context.getBean(NotificationSettings.class);
            assertThat(notification.policy()).isEqualTo(NotificationPolicy.defaults());
            assertThat(notification.destinations()).isEmpty();
            assertThat(context.getBean(CallbackSettings.class).maxTimeout()).isEqualTo(Duration.ofHours(4));
        });
    }

    @Test
    void the_seeds_properties_bind_as_written_in_the_seed_document() {
        runner.withPropertyValues(
                "notebook.scheduler.enable=true",
                "notebook.scheduler.scheduler-name=DolphinScheduler",
                "notebook.scheduler.scheduler-url=http://localhost:12345/dolphinscheduler",
                "notebook.scheduler.auth-token=ds-auth-token",
                "notebook.scheduler.callback-token=localNotebook-token-for-localDolphin",
                "notebook.scheduler.callback-url=http://notebook:9002",
                "notebook.scheduler.warning-type=FAILURE",
                "notebook.scheduler.failure-strategy=CONTINUE",
                "notebook.scheduler.instance-priority=high",
                "notebook.scheduler.worker=gpu",
                "notebook.scheduler.notification.webhook-url=" + FEISHU,
                "notebook.scheduler.notification.level=all",
                "notebook.scheduler.notification.message-header=\"My Header:\"").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RunSettings.class)).isEqualTo(
                            new RunSettings(WarningType.FAILURE, 1, FailureStrategy.CONTINUE, Priority.HIGH, "gpu"));
                    NotificationSettings notification = context.getBean(NotificationSettings.class);
                    assertThat(notification.policy().level()).isEqualTo(NotificationLevel.ALL);
                    assertThat(notification.policy().header()).isEqualTo("My Header:");
                    assertThat(notification.destinations()).singleElement()
                            .satisfies(target -> assertThat(target.kind()).isEqualTo(WebhookKind.FEISHU));
                    assertThat(context.getBean(CallbackSettings.class).token().orElseThrow()
                            .matches("localNotebook-token-for-localDolphin")).isTrue();
                    assertThat(context.getBean(SchedulerEndpoints.class).callbackUrl()).isEqualTo("http://notebook:9002");
                });
    }

    @Test
    void an_unknown_warning_type_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.warning-type=SOMETIMES").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartupFailure.of(context)).contains("notebook.scheduler.warning-type").contains("SOMETIMES");
        });
    }

    @Test
    void an_unknown_notification_level_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.notification.level=never").run(context -> assertThat(
                StartupFailure.of(context)).contains("notebook.scheduler.notification.level"));
    }

    /** Observed: lease 20 s with a 40 s request timeout let a slow robot get messages twice. */
    @Test
    void a_relay_lease_a_slow_delivery_could_outlive_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.relay.lease=20s",
                "notebook.scheduler.notification.request-timeout=40s").run(context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.relay.lease", "request-timeout"));
    }

    @Test
    void a_negative_warning_group_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.warning-group-id=-1").run(context -> assertThat(
                StartupFailure.of(context)).contains("notebook.scheduler.warning-group-id must be at least 0, was -1"));
    }

    @Test
    void a_malformed_scheduler_url_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.scheduler-url=localhost:12345/dolphinscheduler").run(
                context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.scheduler-url must be an http:// or https:// URL"));
    }

    @Test
    void a_malformed_webhook_url_is_named_but_its_token_is_never_printed() {
        runner.withPropertyValues("notebook.scheduler.notification.webhook-url=open.feishu.cn/hook/tok-3f9a-very-secret")
                .run(context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.notification.webhook-url must be an http")
                        .doesNotContain("tok-3f9a-very-secret"));
    }

    @Test
    void turning_scheduling_on_without_url_and_tokens_names_each_missing_property() {
        runner.withPropertyValues("notebook.scheduler.enable=true", "notebook.url=http://notebook:9002")
                .run(context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.scheduler-url is required")
                        .contains("notebook.scheduler.auth-token is required")
                        .contains("notebook.scheduler.callback-token is required"));
    }

    @Test
    void a_token_in_a_failing_configuration_is_never_printed() {
        runner.withPropertyValues("notebook.scheduler.auth-token=ds-auth-s3cret", "notebook.scheduler.relay.batch-size=0")
                .run(context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.relay.batch-size must be at least 1")
                        .doesNotContain("ds-auth-s3cret"));
    }

    @Test
    void the_callback_url_defaults_to_the_notebooks_own_url() {
        runner.withPropertyValues("notebook.url=http://notebook:9002").run(context -> assertThat(
                context.getBean(SchedulerEndpoints.class).callbackUrl()).isEqualTo("http://notebook:9002"));
    }

    @Test
    void scheduling_on_without_any_callback_address_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.enable=true",
                "notebook.scheduler.scheduler-url=http://ds:12345/dolphinscheduler",
                "notebook.scheduler.auth-token=a", "notebook.scheduler.callback-token=b")
                .run(context -> assertThat(StartupFailure.of(context)).contains("notebook.scheduler.callback-url"));
    }

    @Test
    void a_scheduler_other_than_dolphinscheduler_is_refused() {
        runner.withPropertyValues("notebook.scheduler.scheduler-name=Airflow").run(context -> assertThat(
                StartupFailure.of(context)).contains("notebook.scheduler.scheduler-name must be DolphinScheduler or Embedded"));
    }

    @Test
    void relay_settings_bind_from_durations_as_people_write_them() {
        runner.withPropertyValues("notebook.scheduler.relay.lease=90s", "notebook.scheduler.relay.max-attempts=3",
                "notebook.scheduler.relay.retention=30d").run(context -> {
                    RelaySettings relay = context.getBean(RelaySettings.class);
                    assertThat(relay.lease()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(relay.backoff().maxAttempts()).isEqualTo(3);
                    assertThat(relay.retention()).isEqualTo(Duration.ofDays(30));
                    assertThat(relay.relayId()).isNotBlank();
                });
    }

    @Test
    void with_scheduling_on_dolphinscheduler_is_the_engine_for_new_schedules_and_nothing_is_called_at_startup() {
        runner.withPropertyValues("notebook.scheduler.enable=true",
                "notebook.scheduler.scheduler-url=http://127.0.0.1:9/dolphinscheduler",
                "notebook.scheduler.auth-token=a", "notebook.scheduler.callback-token=b",
                "notebook.scheduler.callback-url=http://notebook:9002",
                "notebook.scheduler.dolphinscheduler.server-time-zone=Asia/Shanghai").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(org.notebookscheduler.application.service.Engines.class)
                            .forNewSchedules().name()).isEqualTo("DolphinScheduler");
                    assertThat(context.getBean(org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerSettings.class)
                            .callbackEndpoint()).isEqualTo("http://notebook:9002/api/schedule/execution");
                });
    }

    @Test
    void an_unknown_server_time_zone_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.dolphinscheduler.server-time-zone=Mars/Olympus").run(
                context -> assertThat(StartupFailure.of(context)).contains("notebook.scheduler.dolphinscheduler.server-time-zone"));
    }

    @Test
    void a_message_template_with_an_unknown_placeholder_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.notification.template={stauts}").run(context -> assertThat(
                StartupFailure.of(context)).contains("notebook.scheduler.notification.template", "{stauts}"));
    }

    @Test
    void the_start_notice_long_run_warning_and_template_bind_into_the_global_policy() {
        runner.withPropertyValues("notebook.scheduler.notification.notify-on-start=true",
                "notebook.scheduler.notification.long-run-warning=90m",
                "notebook.scheduler.notification.template={scheduleName}: {status}").run(context -> {
                    NotificationPolicy policy = context.getBean(NotificationSettings.class).policy();
                    assertThat(policy.notifyOnStart()).isTrue();
                    assertThat(policy.longRunWarningAfter()).contains(Duration.ofMinutes(90));
                    assertThat(policy.template().text()).isEqualTo("{scheduleName}: {status}");
                });
    }

    @Test
    void a_zero_lease_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.relay.lease=0s").run(context -> assertThat(
                StartupFailure.of(context)).contains("notebook.scheduler.relay.lease must be a positive duration"));
    }

    /** Observed: without a DolphinScheduler 1.3.9, a new user's app could not create a schedule at all. */
    @Test
    void the_embedded_engine_needs_no_scheduler_url_no_token_and_no_callback_url() {
        new ApplicationContextRunner().withUserConfiguration(SchedulerConfiguration.class,
                DolphinSchedulerConfiguration.class, SecretConverter.class)
                .withPropertyValues("notebook.scheduler.enable=true", "notebook.scheduler.scheduler-name=embedded")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SchedulerProperties.class).embeddedByDefault()).isTrue();
                    assertThat(context).doesNotHaveBean(
                            org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerSettings.class);
                });
    }

    @Test
    void with_the_embedded_default_a_scheduler_url_keeps_dolphinscheduler_for_its_schedules_and_needs_its_tokens() {
        runner.withPropertyValues("notebook.scheduler.enable=true", "notebook.scheduler.scheduler-name=Embedded",
                "notebook.scheduler.scheduler-url=http://127.0.0.1:9/dolphinscheduler")
                .run(context -> assertThat(StartupFailure.of(context)).contains("notebook.scheduler.auth-token is required",
                        "DolphinScheduler keeps serving the schedules created on it"));
    }

    @Test
    void bad_embedded_engine_settings_stop_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.embedded.workers=0",
                "notebook.scheduler.embedded.missed-heartbeats=1").run(context -> assertThat(StartupFailure.of(context))
                        .contains("notebook.scheduler.embedded.workers", "notebook.scheduler.embedded.missed-heartbeats"));
    }
}

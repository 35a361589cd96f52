package org.notebookscheduler.bootstrap.autoconfigure;

import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.notebookscheduler.adapters.web.WebConfiguration;
import org.notebookscheduler.bootstrap.config.ApplicationServicesConfiguration;
import org.notebookscheduler.bootstrap.config.DolphinSchedulerConfiguration;
import org.notebookscheduler.bootstrap.config.EmbeddedEngineConfiguration;
import org.notebookscheduler.bootstrap.config.EnginesConfiguration;
import org.notebookscheduler.bootstrap.config.NotificationConfiguration;
import org.notebookscheduler.bootstrap.config.RunnerConfiguration;
import org.notebookscheduler.bootstrap.config.SchedulerConfiguration;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.notebookscheduler.bootstrap.config.SecretConverter;
import org.notebookscheduler.bootstrap.health.HealthConfiguration;
import org.notebookscheduler.bootstrap.jobs.JobsConfiguration;
import org.notebookscheduler.bootstrap.openapi.OpenApiConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Import;

/**
 * What a host gets by putting this jar on its classpath and setting
 * {@code notebook.scheduler.enable=true}: the validated {@code notebook.scheduler.*} settings,
 * persistence, the engines, the runner, the use cases, the REST API and callback, and the
 * background jobs; without that property, nothing at all.
 *
 * <p>It takes nothing over from the host: it scans no package (its entities and repositories join
 * Spring Boot's own scanning), migrates only its own tables with its own Flyway history, declares no
 * bean of a type that makes a Boot auto-configuration back off (no executor, no Quartz scheduler),
 * answers errors only for its own controllers and paths, and leaves the server's settings alone.
 * Every bean a host may want to change is replaceable by a bean of the same type. The host provides
 * {@code CurrentUser} and {@code NotebookCatalog}; the runner is the host's {@code NotebookRunner}
 * or the one {@code notebook.scheduler.runner.*} configures.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBooleanProperty(prefix = SchedulerProperties.PREFIX, name = "enable")
@Import({SecretConverter.class, SchedulerConfiguration.class, PersistenceConfiguration.class,
    DolphinSchedulerConfiguration.class, EmbeddedEngineConfiguration.class, EnginesConfiguration.class,
    RunnerConfiguration.class, ApplicationServicesConfiguration.class, NotificationConfiguration.class,
    WebConfiguration.class, JobsConfiguration.class, HealthConfiguration.class, OpenApiConfiguration.class})
public class NotebookSchedulerAutoConfiguration {
}

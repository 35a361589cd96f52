package org.notebookscheduler.bootstrap.autoconfigure;

import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.notebookscheduler.adapters.web.WebConfiguration;
import org.notebookscheduler.bootstrap.config.ApplicationServicesConfiguration;
import org.notebookscheduler.bootstrap.config.DisabledSchedulerConfiguration;
import org.notebookscheduler.bootstrap.config.DolphinSchedulerConfiguration;
import org.notebookscheduler.bootstrap.config.EmbeddedEngineConfiguration;
import org.notebookscheduler.bootstrap.config.EnginesConfiguration;
import org.notebookscheduler.bootstrap.config.NotificationConfiguration;
import org.notebookscheduler.bootstrap.config.RunnerConfiguration;
import org.notebookscheduler.bootstrap.config.SchedulerConfiguration;
import org.notebookscheduler.bootstrap.config.SecretConverter;
import org.notebookscheduler.bootstrap.host.StandaloneHostConfiguration;
import org.notebookscheduler.bootstrap.jobs.JobsConfiguration;
import org.notebookscheduler.bootstrap.web.TomcatProblemsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Everything the module needs, for a host that puts this jar on its classpath: the validated
 * {@code notebook.scheduler.*} settings, persistence, the engines, the use cases, the
 * REST API and callback, and the background jobs. A host's own {@code CurrentUser},
 * {@code NotebookCatalog} and {@code NotebookRunner} beans replace the standalone stand-ins.
 */
@AutoConfiguration
@Import({SecretConverter.class, SchedulerConfiguration.class, PersistenceConfiguration.class,
    DolphinSchedulerConfiguration.class, EmbeddedEngineConfiguration.class, EnginesConfiguration.class,
    DisabledSchedulerConfiguration.class, StandaloneHostConfiguration.class, RunnerConfiguration.class,
    ApplicationServicesConfiguration.class, NotificationConfiguration.class, WebConfiguration.class,
    JobsConfiguration.class, TomcatProblemsConfiguration.class})
public class NotebookSchedulerAutoConfiguration {
}

package org.notebookscheduler.bootstrap;

import org.notebookscheduler.bootstrap.autoconfigure.NotebookSchedulerAutoConfiguration;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.notebookscheduler.bootstrap.host.StandaloneHostConfiguration;
import org.notebookscheduler.bootstrap.web.TomcatProblemsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Import;

/**
 * What only the standalone app has, never a host: the stand-ins for the host's ports and the
 * server-wide Tomcat tuning. Not listed in the jar's auto-configurations; the standalone app imports
 * it ({@link NotebookSchedulerApplication}), after everything else, so that a test's own beans still
 * replace the stand-ins.
 */
@AutoConfiguration(after = NotebookSchedulerAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = SchedulerProperties.PREFIX, name = "enable")
@Import({StandaloneHostConfiguration.class, TomcatProblemsConfiguration.class})
public class StandaloneAutoConfiguration {
}

package org.notebookscheduler.bootstrap;

import org.notebookscheduler.bootstrap.autoconfigure.NotebookSchedulerAutoConfiguration;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.notebookscheduler.bootstrap.host.StandaloneHostConfiguration;
import org.notebookscheduler.bootstrap.security.RejectedRequests;
import org.notebookscheduler.bootstrap.security.StandaloneSecurityConfiguration;
import org.notebookscheduler.bootstrap.security.TrustedHeaderSecurityConfiguration;
import org.notebookscheduler.bootstrap.web.TomcatProblemsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What only the standalone app has, never a host: its users (Spring Security), the stand-ins for
 * the host's other ports and the server-wide Tomcat tuning. Not listed in the jar's auto-configurations; the standalone app imports
 * it ({@link NotebookSchedulerApplication}), after everything else, so that a test's own beans still
 * replace the stand-ins.
 */
@AutoConfiguration(after = NotebookSchedulerAutoConfiguration.class, beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnBooleanProperty(prefix = SchedulerProperties.PREFIX, name = "enable")
@Import({StandaloneHostConfiguration.class, StandaloneSecurityConfiguration.class,
    TrustedHeaderSecurityConfiguration.class, RejectedRequests.class, TomcatProblemsConfiguration.class})
public class StandaloneAutoConfiguration {

    /** The OpenAPI document's title and licence; the operations are springdoc's, read from the controllers. */
    @Bean
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    io.swagger.v3.oas.models.OpenAPI notebookSchedulerOpenApi() {
        return new io.swagger.v3.oas.models.OpenAPI().info(new io.swagger.v3.oas.models.info.Info()
                .title("notebook-scheduler").version("0.1.0")
                .description("Schedules of notebooks and workflows, their runs, results, audit trail and"
                        + " notifications. Every refusal is application/problem+json with a stable code.")
                .license(new io.swagger.v3.oas.models.info.License().name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")));
    }
}

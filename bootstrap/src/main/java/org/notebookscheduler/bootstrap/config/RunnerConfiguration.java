package org.notebookscheduler.bootstrap.config;

import java.net.URI;
import java.time.Clock;
import org.notebookscheduler.adapters.runner.CommandNotebookRunner;
import org.notebookscheduler.adapters.runner.HttpNotebookRunner;
import org.notebookscheduler.adapters.runner.HttpRunnerSettings;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.bootstrap.host.NoNotebookRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runner {@code notebook.scheduler.runner.kind} chooses, unless the host provides its own
 * {@link NotebookRunner} (which always wins).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunnerProperties.class)
public class RunnerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NotebookRunner notebookRunner(RunnerProperties properties, Clock clock) {
        return switch (properties.kind()) {
            case NONE -> new NoNotebookRunner();
            case HTTP -> new HttpNotebookRunner(new HttpRunnerSettings(URI.create(properties.http().url().strip()),
                    properties.http().token(), properties.http().dialect(), properties.http().connectTimeout(),
                    properties.http().answerGrace()), clock);
            case COMMAND -> new CommandNotebookRunner(properties.command().settings(), clock);
        };
    }
}

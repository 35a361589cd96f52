package org.notebookscheduler.bootstrap.jobs;

import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.service.Engines;
import org.notebookscheduler.bootstrap.host.NoNotebookRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says once the app is up which engines schedule, which runner runs the notebooks and where the
 * API is, so an operator reading the first lines of the log knows what this instance will do.
 */
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final Engines engines;
    private final NotebookRunner runner;
    private final Environment environment;

    public StartupReport(Engines engines, NotebookRunner runner, Environment environment) {
        this.engines = engines;
        this.runner = runner;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        LOG.info("notebook-scheduler is up: new schedules go to the {} engine (engines: {}); notebooks run with {};"
                + " API at http://localhost:{}{}/api, health at {}/actuator/health", engines.forNewSchedules().name(),
                engines.names(), describe(runner), port, context, context);
        if (runner instanceof NoNotebookRunner) {
            LOG.warn("No NotebookRunner is configured: every task attempt is recorded as failed with 'no notebook"
                    + " engine'. Set notebook.scheduler.runner.kind to HTTP or COMMAND, or provide a NotebookRunner"
                    + " bean from the host application.");
        }
    }

    /** A runner of this module says what it runs and where; a host's is named by its class. */
    static String describe(NotebookRunner runner) {
        try {
            boolean describesItself = runner.getClass().getMethod("toString").getDeclaringClass() != Object.class;
            return describesItself ? runner.toString() : runner.getClass().getSimpleName();
        } catch (NoSuchMethodException cannotHappen) {
            return runner.getClass().getSimpleName();
        }
    }
}

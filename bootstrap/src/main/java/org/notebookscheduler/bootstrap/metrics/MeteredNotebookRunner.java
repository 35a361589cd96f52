package org.notebookscheduler.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.notebookscheduler.application.port.out.NotebookRunner;

/**
 * Times every run of a notebook: {@code notebook.scheduler.runner.duration}, by {@code outcome}
 * (succeeded, failed) and {@code entity_type}, whichever runner does the running (the host's or
 * this module's).
 */
final class MeteredNotebookRunner implements NotebookRunner {

    private final NotebookRunner runner;
    private final MeterRegistry registry;

    MeteredNotebookRunner(NotebookRunner runner, MeterRegistry registry) {
        this.runner = runner;
        this.registry = registry;
    }

    @Override
    public Outcome run(Request request) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Outcome ran = runner.run(request);
            outcome = ran.succeeded() ? "succeeded" : "failed";
            return ran;
        } finally {
            sample.stop(Timer.builder("notebook.scheduler.runner.duration")
                    .description("how long the runner took to run a notebook or workflow")
                    .tag("outcome", outcome).tag("entity_type", request.entity().type().wireName())
                    .register(registry));
        }
    }

    /** Says what the runner it times says of itself. */
    @Override
    public String toString() {
        return runner.toString();
    }
}

package org.notebookscheduler.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.domain.schedule.EntityRef;

/**
 * Implemented by the host: runs a notebook or workflow as its owner. Called outside any database
 * transaction; it may take as long as the timeout.
 */
public interface NotebookRunner {

    Outcome run(Request request);

    /**
     * @param commitId the version to run; null for the latest
     */
    record Request(EntityRef entity, String owner, String commitId, Map<String, String> parameters,
            Duration timeout) {

        public Request {
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * @param executedBy the identity the host ran it as
     * @param error      the failure's message; null on success
     * @param output     what the run printed, or its last part when it printed much (the task log
     *                   an engine shows); null when the runner has none
     */
    record Outcome(boolean succeeded, String executedBy, Instant startedAt, Instant finishedAt, String error,
            String output) {

        public Outcome(boolean succeeded, String executedBy, Instant startedAt, Instant finishedAt, String error) {
            this(succeeded, executedBy, startedAt, finishedAt, error, null);
        }

        public Optional<String> printed() {
            return Optional.ofNullable(output).filter(text -> !text.isEmpty());
        }
    }
}

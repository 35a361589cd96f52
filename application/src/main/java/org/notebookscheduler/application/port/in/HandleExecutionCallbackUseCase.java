package org.notebookscheduler.application.port.in;

import org.notebookscheduler.domain.execution.ExecutionResult;

/**
 * The scheduler calls back to run an entity: check the token, run it as its owner, then record the
 * result, its audit line and its notifications in one transaction.
 */
public interface HandleExecutionCallbackUseCase {

    /**
     * Refused with {@code CALLBACK_TOKEN_INVALID}, recording nothing, when the token is missing or
     * wrong.
     */
    Outcome handle(ExecutionCallback callback);

    /**
     * @param repeated true when this run's task had already succeeded and was not run again
     */
    record Outcome(ExecutionResult result, boolean repeated) {
    }
}

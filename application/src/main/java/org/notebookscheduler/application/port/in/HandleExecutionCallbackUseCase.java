package org.notebookscheduler.application.port.in;

import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase.Outcome;

/**
 * DolphinScheduler's HTTP task calls back to run an entity: prove the task's credential, check
 * what was sent against the stored schedule, and hand the attempt to {@link RunTaskAttemptUseCase}.
 */
public interface HandleExecutionCallbackUseCase {

    /**
     * Refused with {@code CALLBACK_TOKEN_INVALID}, recording nothing, when the token is missing or
     * wrong; refusals name the callback's own fields ({@code task_name}, {@code run_key}…).
     */
    Outcome handle(ExecutionCallback callback);
}

package org.notebookscheduler.adapters.dolphinscheduler;

import org.notebookscheduler.domain.run.RunState;

/** DolphinScheduler 1.3.9's {@code ExecutionStatus} names, in the notebook user's words. */
final class RunStates {

    private RunStates() {
    }

    static RunState of(String executionStatus) {
        if (executionStatus == null) {
            return RunState.SUBMITTED;
        }
        return switch (executionStatus) {
            case "SUBMITTED_SUCCESS" -> RunState.SUBMITTED;
            case "RUNNING_EXECUTION" -> RunState.RUNNING;
            case "READY_PAUSE" -> RunState.PAUSING;
            case "PAUSE" -> RunState.PAUSED;
            case "READY_STOP" -> RunState.STOPPING;
            case "STOP" -> RunState.STOPPED;
            case "FAILURE" -> RunState.FAILED;
            case "SUCCESS" -> RunState.SUCCEEDED;
            case "NEED_FAULT_TOLERANCE" -> RunState.NEEDS_FAULT_TOLERANCE;
            case "KILL" -> RunState.KILLED;
            // sic: 1.3.9 spells both with a double T
            case "WAITTING_THREAD", "WAITTING_DEPEND" -> RunState.WAITING;
            // a state a later version adds: not finished, as far as this module can tell
            default -> RunState.RUNNING;
        };
    }
}

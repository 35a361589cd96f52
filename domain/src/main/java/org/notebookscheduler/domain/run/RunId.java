package org.notebookscheduler.domain.run;

import org.notebookscheduler.domain.shared.Check;

/** A run of a schedule as the remote scheduler numbers it (a process instance in DolphinScheduler). */
public record RunId(String value) {

    public RunId {
        value = Check.text(value, "runId", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}

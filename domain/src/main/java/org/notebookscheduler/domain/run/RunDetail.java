package org.notebookscheduler.domain.run;

import java.util.List;
import java.util.Objects;

/** A run with its task nodes. */
public record RunDetail(Run run, List<TaskRun> tasks) {

    public RunDetail {
        Objects.requireNonNull(run, "run");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}

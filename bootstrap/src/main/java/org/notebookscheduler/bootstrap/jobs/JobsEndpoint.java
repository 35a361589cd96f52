package org.notebookscheduler.bootstrap.jobs;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/notebookscheduler}: the module's background jobs (relay, purge, reconciliation)
 * with their interval and how their last run went. They run on their own threads rather than on
 * Spring's task scheduler, so {@code /actuator/scheduledtasks} does not list them.
 */
@Endpoint(id = "notebookscheduler")
public final class JobsEndpoint {

    private final List<PeriodicJob> jobs;

    public JobsEndpoint(List<PeriodicJob> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    @ReadOperation
    public Jobs jobs() {
        return new Jobs(jobs.stream().map(PeriodicJob::report).toList());
    }

    public record Jobs(List<PeriodicJob.Report> jobs) {
    }
}

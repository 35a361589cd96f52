package org.notebookscheduler.application.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

public final class InMemoryExecutionStore implements ExecutionStore, TransactionalFake {

    private final List<ExecutionResult> results = new ArrayList<>();
    private final Faults faults = new Faults();

    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void save(ExecutionResult result) {
        faults.check("save");
        boolean taken = results.stream().anyMatch(existing -> existing.scheduleId().equals(result.scheduleId())
                && existing.taskName().equals(result.taskName()) && existing.runKey().equals(result.runKey())
                && existing.attempt() == result.attempt());
        if (taken) {
            throw new RefusedException(ErrorCode.ATTEMPT_ALREADY_RECORDED, "attempt", "attempt " + result.attempt()
                    + " of task '" + result.taskName() + "' in run " + result.runKey() + " is recorded already");
        }
        results.add(result);
    }

    @Override
    public synchronized List<ExecutionResult> findAttempts(ScheduleId scheduleId, String taskName, String runKey) {
        return results.stream()
                .filter(result -> result.scheduleId().equals(scheduleId) && result.taskName().equals(taskName)
                        && result.runKey().equals(runKey))
                .sorted(Comparator.comparingInt(ExecutionResult::attempt)).toList();
    }

    @Override
    public synchronized Page<ExecutionResult> search(ExecutionQuery query, PageRequest page) {
        return Page.of(results.stream().filter(result -> matches(query, result))
                .sorted(Comparator.comparing(ExecutionResult::startedAt).reversed()).toList(), page);
    }

    static boolean matches(ExecutionQuery query, ExecutionResult result) {
        return (query.scheduleId() == null || query.scheduleId().equals(result.scheduleId()))
                && (query.entityType() == null || query.entityType() == result.entity().type())
                && (query.entityId() == null || query.entityId().equals(result.entity().id()))
                && (query.owner() == null || query.owner().equals(result.owner()))
                && (query.status() == null || query.status() == result.status())
                && (query.from() == null || !result.startedAt().isBefore(query.from()))
                && (query.to() == null || result.startedAt().isBefore(query.to()));
    }

    public synchronized List<ExecutionResult> all() {
        return List.copyOf(results);
    }

    @Override
    public synchronized Object snapshot() {
        return List.copyOf(results);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        results.clear();
        results.addAll((List<ExecutionResult>) snapshot);
    }
}

package org.notebookscheduler.application.service;

import org.notebookscheduler.application.port.in.QueryHistoryUseCase;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Reads execution history and audit trails, narrowed to what the current user may see. */
public final class HistoryService implements QueryHistoryUseCase {

    private final ExecutionStore executions;
    private final AuditLog audit;
    private final ScheduleStore schedules;
    private final CurrentUser currentUser;

    public HistoryService(ExecutionStore executions, AuditLog audit, ScheduleStore schedules, CurrentUser currentUser) {
        this.executions = executions;
        this.audit = audit;
        this.schedules = schedules;
        this.currentUser = currentUser;
    }

    @Override
    public Page<ExecutionResult> executions(ExecutionQuery query, PageRequest page) {
        Actor actor = currentUser.get();
        if (actor.admin()) {
            return executions.search(query, page);
        }
        if (query.owner() != null && !actor.mayAccessOwnedBy(query.owner())) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, "owner",
                    actor.name() + " may not read the executions of " + query.owner());
        }
        return executions.search(query.ownedBy(actor.name()), page);
    }

    @Override
    public Page<ScheduleEvent> auditTrail(ScheduleId scheduleId, PageRequest page) {
        Actor actor = currentUser.get();
        String owner = schedules.findById(scheduleId).map(Schedule::owner)
                .orElseGet(() -> ownerOfDeleted(scheduleId));
        if (!actor.mayAccessOwnedBy(owner)) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, "scheduleId",
                    actor.name() + " may not read the audit trail of schedule " + scheduleId);
        }
        return audit.history(scheduleId, page);
    }

    /** The trail outlives its schedule; whoever created the schedule owned it. */
    private String ownerOfDeleted(ScheduleId scheduleId) {
        return audit.history(scheduleId, PageRequest.first(1)).items().stream()
                .filter(event -> event.type() == ScheduleEventType.CREATED)
                .map(ScheduleEvent::actor)
                .findFirst()
                .orElseThrow(() -> ScheduleAccess.notFound(scheduleId));
    }
}

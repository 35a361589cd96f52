package org.notebookscheduler.adapters.dolphinscheduler.api;


/**
 * The parts of DolphinScheduler's rows this adapter reads; everything else in them is ignored.
 * Dates stay text ({@code 2026-11-24T11:03:13.988+0800}) until {@link DsTime} reads them.
 */
public final class Rows {

    private Rows() {
    }

    public record Project(long id, String name) {
    }

    public record Process(long id, String name, String releaseState, String description) {
    }

    public record ProcessDetail(long id, long projectId, String name, String releaseState, String description,
            String processDefinitionJson, String locations, String connects) {
    }

    public record Schedule(long id, long processDefinitionId, String startTime, String endTime, String crontab,
            String releaseState, String warningType, Integer warningGroupId, String failureStrategy,
            String processInstancePriority, String workerGroup) {
    }

    /** @param runTimes how many times the instance ran: 1, then one more per repeat or rerun */
    public record Instance(long id, long processDefinitionId, String name, String state, String scheduleTime,
            String startTime, String endTime, String commandType, int runTimes) {
    }

    /** @param flag YES for a task's latest attempt, NO for one a retry or rerun replaced */
    public record TaskInstance(long id, String name, String taskType, long processInstanceId, String state,
            String startTime, String endTime, int retryTimes, String flag) {

        /** Whether this is its task's attempt that counts, not one a retry or rerun replaced. */
        public boolean latest() {
            return !"NO".equals(flag);
        }
    }

}

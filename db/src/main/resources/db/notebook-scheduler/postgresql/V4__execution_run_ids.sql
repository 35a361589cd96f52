-- The scheduler's run (DolphinScheduler's process instance) and task run (task instance) an
-- execution belongs to, when the callback could find them: they lead from a result to its run and log.
ALTER TABLE execution_result ADD COLUMN run_id VARCHAR(64);
ALTER TABLE execution_result ADD COLUMN task_run_id VARCHAR(64);

-- What a runner printed during a task attempt of the embedded engine (the end of it, when long):
-- the attempt's task log, beside the note that says why it ended.
ALTER TABLE engine_task_run ADD COLUMN runner_output TEXT;

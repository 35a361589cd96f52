-- A callback holds its attempt here while the notebook runs, so that identical callbacks arriving
-- together, on any instance, run it once. A claim whose lease ran out (its instance died) can be
-- taken over; a recorded result removes its claim in the same transaction.
CREATE TABLE execution_claim (
    schedule_id VARCHAR(36)  NOT NULL,
    task_name   VARCHAR(100) NOT NULL,
    run_key     VARCHAR(128) NOT NULL,
    attempt     INT          NOT NULL,
    lease_until TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (schedule_id, task_name, run_key, attempt)
);

-- A robot's circuit: when its current run of failures began (NULL while it delivers), so that an
-- outage is reported once when it starts and once when it ends, whatever the number of relays.
ALTER TABLE destination_pace ADD COLUMN failing_since TIMESTAMP(6);

-- A replay keeps a notification's attempts; its retries count from the attempts it had then.
ALTER TABLE notification_outbox ADD COLUMN attempts_at_replay INT NOT NULL DEFAULT 0;

-- Every failed delivery attempt, kept through replays, so a dead letter shows its whole history.
CREATE TABLE notification_attempt (
    notification_id VARCHAR(36)   NOT NULL,
    attempt         INT           NOT NULL,
    attempted_at    TIMESTAMP(6)   NOT NULL,
    error           VARCHAR(2000) NOT NULL,
    PRIMARY KEY (notification_id, attempt)
);

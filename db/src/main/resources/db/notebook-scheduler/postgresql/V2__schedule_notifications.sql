-- A schedule's own notification settings; NULL follows the global settings.
ALTER TABLE schedule ADD COLUMN notify_level VARCHAR(16);
ALTER TABLE schedule ADD COLUMN notify_header VARCHAR(1000);
ALTER TABLE schedule ADD COLUMN notify_template VARCHAR(4000);
ALTER TABLE schedule ADD COLUMN notify_on_start BOOLEAN;
ALTER TABLE schedule ADD COLUMN long_run_warning_seconds BIGINT;
-- TRUE when the schedule names its own destinations (possibly none); FALSE follows the global robot
ALTER TABLE schedule ADD COLUMN own_destinations BOOLEAN DEFAULT FALSE NOT NULL;

-- The full URL and signing secret are the robot's credentials; only target_redacted is ever shown.
CREATE TABLE schedule_destination (
    schedule_id     VARCHAR(36)   NOT NULL,
    dest_order      INT           NOT NULL,
    target_url      VARCHAR(2000) NOT NULL,
    target_redacted VARCHAR(255)  NOT NULL,
    target_kind     VARCHAR(16)   NOT NULL,
    signing_secret  VARCHAR(512),
    PRIMARY KEY (schedule_id, dest_order),
    CONSTRAINT fk_schedule_destination_schedule FOREIGN KEY (schedule_id) REFERENCES schedule (id) ON DELETE CASCADE
);

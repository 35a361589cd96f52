-- When each robot may be sent to next, shared by every instance: one message per the kind's
-- interval, and nothing while the robot backs off after a failure.
CREATE TABLE destination_pace (
    destination VARCHAR(255) NOT NULL,
    free_at     TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (destination)
);

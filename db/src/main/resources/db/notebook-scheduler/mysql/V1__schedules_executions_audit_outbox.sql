-- One schema for H2 (MySQL mode), MySQL 8 and MariaDB 10.6+. Times are UTC, DATETIME(6).
-- Long texts are LONGTEXT: H2 reads it as CLOB, MySQL and MariaDB keep it off the row.

CREATE TABLE schedule (
    id                      VARCHAR(36)   NOT NULL,
    owner                   VARCHAR(255)  NOT NULL,
    name                    VARCHAR(100)  NOT NULL,
    -- the name in lower case: names are unique per owner whatever their case
    name_key                VARCHAR(100)  NOT NULL,
    description             VARCHAR(1000),
    cron_expression         VARCHAR(255)  NOT NULL,
    cron_start              DATETIME(6)   NOT NULL,
    cron_end                DATETIME(6),
    cron_zone               VARCHAR(64)   NOT NULL,
    warning_type            VARCHAR(16)   NOT NULL,
    warning_group_id        BIGINT        NOT NULL,
    failure_strategy        VARCHAR(16)   NOT NULL,
    priority                VARCHAR(16)   NOT NULL,
    worker_group            VARCHAR(64)   NOT NULL,
    release_state           VARCHAR(16)   NOT NULL,
    remote_scheduler        VARCHAR(64),
    remote_project          VARCHAR(100),
    remote_definition_id    VARCHAR(64),
    remote_cron_schedule_id VARCHAR(64),
    created_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    version                 BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_schedule_owner_name UNIQUE (owner, name_key)
);
CREATE INDEX ix_schedule_owner_created ON schedule (owner, created_at);
CREATE INDEX ix_schedule_created ON schedule (created_at);
CREATE INDEX ix_schedule_remote ON schedule (remote_scheduler, remote_definition_id);

CREATE TABLE schedule_task (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    schedule_id            VARCHAR(36)   NOT NULL,
    task_order             INT           NOT NULL,
    name                   VARCHAR(100)  NOT NULL,
    entity_type            VARCHAR(16)   NOT NULL,
    entity_id              VARCHAR(128)  NOT NULL,
    entity_name            VARCHAR(255)  NOT NULL,
    commit_id              VARCHAR(128),
    timeout_seconds        BIGINT        NOT NULL,
    retries                INT           NOT NULL,
    retry_interval_seconds BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_schedule_task_schedule FOREIGN KEY (schedule_id) REFERENCES schedule (id) ON DELETE CASCADE,
    CONSTRAINT uk_schedule_task_name UNIQUE (schedule_id, name),
    -- one schedule per entity, kept by the database as well as by the domain
    CONSTRAINT uk_schedule_task_entity UNIQUE (entity_type, entity_id)
);

CREATE TABLE schedule_task_upstream (
    task_id       BIGINT       NOT NULL,
    upstream_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (task_id, upstream_name),
    CONSTRAINT fk_schedule_task_upstream_task FOREIGN KEY (task_id) REFERENCES schedule_task (id) ON DELETE CASCADE
);

CREATE TABLE schedule_task_parameter (
    task_id BIGINT        NOT NULL,
    name    VARCHAR(128)  NOT NULL,
    param_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (task_id, name),
    CONSTRAINT fk_schedule_task_parameter_task FOREIGN KEY (task_id) REFERENCES schedule_task (id) ON DELETE CASCADE
);

-- The audit trail outlives its schedule: no foreign key to schedule.
CREATE TABLE schedule_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    schedule_id VARCHAR(36)   NOT NULL,
    event_type  VARCHAR(32)   NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    detail      VARCHAR(2000),
    PRIMARY KEY (id)
);
CREATE INDEX ix_schedule_event_schedule ON schedule_event (schedule_id, id);

CREATE TABLE schedule_event_change (
    event_id  BIGINT        NOT NULL,
    change_order INT          NOT NULL,
    field_name   VARCHAR(255) NOT NULL,
    old_value VARCHAR(4000),
    new_value VARCHAR(4000),
    PRIMARY KEY (event_id, change_order),
    CONSTRAINT fk_schedule_event_change_event FOREIGN KEY (event_id) REFERENCES schedule_event (id) ON DELETE CASCADE
);

-- Execution history outlives its schedule too.
CREATE TABLE execution_result (
    id            VARCHAR(36)  NOT NULL,
    schedule_id   VARCHAR(36)  NOT NULL,
    schedule_name VARCHAR(255) NOT NULL,
    owner         VARCHAR(255) NOT NULL,
    task_name     VARCHAR(255) NOT NULL,
    entity_type   VARCHAR(16)  NOT NULL,
    entity_id     VARCHAR(128) NOT NULL,
    entity_name   VARCHAR(255) NOT NULL,
    run_key       VARCHAR(128) NOT NULL,
    attempt       INT          NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    executed_by   VARCHAR(255) NOT NULL,
    started_at    DATETIME(6)  NOT NULL,
    finished_at   DATETIME(6)  NOT NULL,
    message       LONGTEXT,
    PRIMARY KEY (id),
    -- a repeated callback cannot record the same attempt twice
    CONSTRAINT uk_execution_result_attempt UNIQUE (schedule_id, task_name, run_key, attempt)
);
CREATE INDEX ix_execution_result_schedule ON execution_result (schedule_id, started_at);
CREATE INDEX ix_execution_result_entity ON execution_result (entity_type, entity_id, started_at);
CREATE INDEX ix_execution_result_owner ON execution_result (owner, started_at);
CREATE INDEX ix_execution_result_status ON execution_result (status, started_at);
CREATE INDEX ix_execution_result_started ON execution_result (started_at);

CREATE TABLE notification_outbox (
    id              VARCHAR(36)   NOT NULL,
    schedule_id     VARCHAR(36)   NOT NULL,
    execution_id    VARCHAR(36),
    -- the full URL carries the robot's token; only target_redacted is ever shown
    target_url      VARCHAR(2000) NOT NULL,
    target_redacted VARCHAR(255)  NOT NULL,
    target_kind     VARCHAR(16)   NOT NULL,
    signing_secret  VARCHAR(512),
    body            LONGTEXT      NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(2000),
    delivered_at    DATETIME(6),
    claimed_by      VARCHAR(128),
    lease_until     DATETIME(6),
    PRIMARY KEY (id)
);
-- the claim's predicate, exactly
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX ix_notification_outbox_schedule ON notification_outbox (schedule_id, status);
CREATE INDEX ix_notification_outbox_delivered ON notification_outbox (status, delivered_at);

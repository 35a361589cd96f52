-- Marking a notification delivered is an UPDATE that changes indexed columns, so PostgreSQL writes a
-- new row version and an entry in every index that covers it; the relay does it once per message.
-- Indexes over one status each take an entry only for the rows in that status: a delivery no longer
-- adds to the due index (which stays as small as the backlog), and the dead letters get an index of
-- their own, since a status-led index no longer serves them. (MySQL and MariaDB have no partial
-- indexes; their scripts keep the status-led ones.)
DROP INDEX ix_notification_outbox_due;
CREATE INDEX ix_notification_outbox_due ON notification_outbox (next_attempt_at, created_at, id)
    WHERE status = 'PENDING';
DROP INDEX ix_notification_outbox_delivered;
CREATE INDEX ix_notification_outbox_delivered ON notification_outbox (delivered_at) WHERE status = 'DELIVERED';
CREATE INDEX ix_notification_outbox_dead ON notification_outbox (created_at, id) WHERE status = 'DEAD';

-- The relay claims due rows oldest first: ORDER BY next_attempt_at, created_at, id. An index on
-- (status, next_attempt_at) alone leaves the last two to a sort of every due row, and on InnoDB a
-- locking claim (FOR UPDATE SKIP LOCKED) then locks every due row it read, so a second relay's claim
-- finds none free. With the whole order in the index the claim reads and locks just its batch.
DROP INDEX ix_notification_outbox_due ON notification_outbox;
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at, created_at, id);

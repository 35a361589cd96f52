-- The relay claims due rows oldest first: ORDER BY next_attempt_at, created_at, id. With the whole
-- order in the index, the claim reads its batch in index order and stops there instead of sorting
-- every due row.
DROP INDEX ix_notification_outbox_due;
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at, created_at, id);

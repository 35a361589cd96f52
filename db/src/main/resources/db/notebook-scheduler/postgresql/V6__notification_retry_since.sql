-- When a notification's current run of attempts began (created, or last replayed): a robot outage
-- is tolerated for relay.max-age from then, not for a number of attempts.
ALTER TABLE notification_outbox ADD COLUMN retry_since TIMESTAMP(6);
UPDATE notification_outbox SET retry_since = created_at;

package org.notebookscheduler.adapters.persistence.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Takes due outbox rows for one relay under a lease, so that relays on several instances never take
 * the same row, and hands them back whole. PostgreSQL does it in one statement: an UPDATE of the rows
 * a {@code FOR UPDATE SKIP LOCKED} sub-select picked, returning them. MySQL 8 and MariaDB 10.6+
 * (which have no UPDATE … RETURNING) lock a batch with {@code FOR UPDATE SKIP LOCKED}, lease it, then
 * read it; skipping locked rows lets concurrent relays pass each other's rows instead of waiting.
 * Elsewhere (H2) every candidate is taken by a conditional update that only one relay can win. Runs
 * inside the caller's transaction, which should be short and READ COMMITTED (no gap locks on InnoDB).
 */
class OutboxClaim {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutboxClaim.class);

    private static final String DUE = "status = 'PENDING' AND next_attempt_at <= :now"
            + " AND (lease_until IS NULL OR lease_until <= :now)";
    private static final String OLDEST_DUE_FIRST = " ORDER BY next_attempt_at, created_at, id LIMIT :limit";

    enum Strategy {
        /** One round trip: PostgreSQL. */
        UPDATE_RETURNING,
        /** Lock, lease, read: MySQL 8, MariaDB 10.6+. */
        LOCK_THEN_LEASE,
        /** One conditional update per candidate: whatever has no SKIP LOCKED. */
        CONDITIONAL_UPDATES
    }

    private final NamedParameterJdbcTemplate jdbc;
    private volatile Strategy strategy;

    OutboxClaim(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows now held by {@code claimant} until {@code leaseUntil}, as they are after the claim. */
    List<NotificationEntity> claim(String claimant, Instant now, Instant leaseUntil, int limit) {
        Map<String, Object> params = Map.of("now", UtcTime.column(now), "claimant", claimant,
                "leaseUntil", UtcTime.column(leaseUntil), "limit", limit);
        List<Claimed> claimed = switch (strategy()) {
            case UPDATE_RETURNING -> claimReturning(params);
            case LOCK_THEN_LEASE -> claimLocking(params);
            case CONDITIONAL_UPDATES -> claimConditionally(params);
        };
        warnOfTakeovers(claimant, claimed);
        return claimed.stream().map(Claimed::row).toList();
    }

    private List<Claimed> claimReturning(Map<String, Object> params) {
        // a plain UPDATE ... WHERE id IN (SELECT ... SKIP LOCKED) could be re-planned as a join that
        // locks more than the batch; the CTE is evaluated once, so only the rows it picked are taken
        return jdbc.query("WITH due AS (SELECT id, claimed_by FROM notification_outbox WHERE " + DUE
                + OLDEST_DUE_FIRST + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE notification_outbox AS claimed SET claimed_by = :claimant, lease_until = :leaseUntil"
                + " FROM due WHERE claimed.id = due.id RETURNING claimed.*, due.claimed_by AS held_before",
                params, (row, number) -> new Claimed(NotificationEntity.read(row), row.getString("held_before")));
    }

    private List<Claimed> claimLocking(Map<String, Object> params) {
        List<Candidate> candidates = jdbc.query("SELECT id, claimed_by FROM notification_outbox WHERE " + DUE
                + OLDEST_DUE_FIRST + " FOR UPDATE SKIP LOCKED", params, Candidate.ROWS);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> ids = candidates.stream().map(Candidate::id).toList();
        jdbc.update("UPDATE notification_outbox SET claimed_by = :claimant, lease_until = :leaseUntil"
                + " WHERE id IN (:ids)", with(params, "ids", ids));
        return read(candidates);
    }

    private List<Claimed> claimConditionally(Map<String, Object> params) {
        List<Candidate> candidates = jdbc.query("SELECT id, claimed_by FROM notification_outbox WHERE " + DUE
                + OLDEST_DUE_FIRST, params, Candidate.ROWS);
        List<Candidate> won = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int updated = jdbc.update("UPDATE notification_outbox SET claimed_by = :claimant,"
                    + " lease_until = :leaseUntil WHERE id = :id AND " + DUE, with(params, "id", candidate.id()));
            if (updated == 1) {
                won.add(candidate);
            }
        }
        return won.isEmpty() ? List.of() : read(won);
    }

    private List<Claimed> read(List<Candidate> taken) {
        Map<String, String> heldBefore = new java.util.HashMap<>();
        taken.forEach(candidate -> heldBefore.put(candidate.id(), candidate.heldBy()));
        return jdbc.query("SELECT * FROM notification_outbox WHERE id IN (:ids)", Map.of("ids", heldBefore.keySet()),
                (row, number) -> {
                    NotificationEntity entity = NotificationEntity.read(row);
                    return new Claimed(entity, heldBefore.get(entity.id));
                });
    }

    /**
     * A due row still naming a relay was abandoned mid-send: that relay stopped or stalled past its
     * lease (a relay that finishes or gives a row back clears its name). Said once per claim.
     */
    private static void warnOfTakeovers(String claimant, List<Claimed> claimed) {
        Map<String, Long> abandonedBy = claimed.stream().filter(row -> row.heldBefore() != null)
                .collect(java.util.stream.Collectors.groupingBy(Claimed::heldBefore, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        abandonedBy.forEach((previous, count) -> LOG.warn("Relay {} took over {} notification(s) from relay {},"
                + " whose lease ran out: that relay stopped or stalled mid-batch, so a message it was sending then"
                + " may be delivered a second time", claimant, count, previous));
    }

    private record Claimed(NotificationEntity row, String heldBefore) {
    }

    private record Candidate(String id, String heldBy) {
        static final org.springframework.jdbc.core.RowMapper<Candidate> ROWS = (row, number) ->
                new Candidate(row.getString("id"), row.getString("claimed_by"));
    }

    private static Map<String, Object> with(Map<String, Object> params, String key, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put(key, value);
        return all;
    }

    private Strategy strategy() {
        Strategy known = strategy;
        if (known == null) {
            JdbcTemplate plain = jdbc.getJdbcTemplate();
            String product = plain.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName() + " "
                            + connection.getMetaData().getDatabaseProductVersion());
            known = strategyFor(product);
            strategy = known;
        }
        return known;
    }

    static Strategy strategyFor(String productAndVersion) {
        if (!supportsSkipLocked(productAndVersion)) {
            return Strategy.CONDITIONAL_UPDATES;
        }
        return productAndVersion.toLowerCase(Locale.ROOT).startsWith("postgresql") ? Strategy.UPDATE_RETURNING
                : Strategy.LOCK_THEN_LEASE;
    }

    /** MySQL 8+, MariaDB 10.6+ (which Connector/J may report as "MySQL 5.5.5-10.x-MariaDB"), PostgreSQL 9.5+. */
    static boolean supportsSkipLocked(String productAndVersion) {
        String text = productAndVersion.toLowerCase(Locale.ROOT);
        if (text.contains("mariadb")) {
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-mariadb")
                    .matcher(text);
            if (version.find()) {
                return atLeast(version, 10, 6);
            }
            java.util.regex.Matcher plain = java.util.regex.Pattern.compile("mariadb (\\d+)\\.(\\d+)").matcher(text);
            return plain.find() && atLeast(plain, 10, 6);
        }
        if (text.startsWith("postgresql")) {
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("postgresql (\\d+)\\.(\\d+)").matcher(text);
            return version.find() && atLeast(version, 9, 5);
        }
        if (text.startsWith("mysql")) {
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("mysql (\\d+)\\.(\\d+)").matcher(text);
            return version.find() && atLeast(version, 8, 0);
        }
        return false;
    }

    private static boolean atLeast(java.util.regex.Matcher version, int major, int minor) {
        int foundMajor = Integer.parseInt(version.group(1));
        int foundMinor = Integer.parseInt(version.group(2));
        return foundMajor > major || (foundMajor == major && foundMinor >= minor);
    }

}

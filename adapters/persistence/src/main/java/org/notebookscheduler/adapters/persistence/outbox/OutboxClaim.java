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
 * the same row. MySQL 8 and MariaDB 10.6+ lock a batch with {@code FOR UPDATE SKIP LOCKED}, which
 * lets concurrent relays pass each other's rows instead of waiting; elsewhere (H2) every candidate
 * is taken by a conditional update that only one relay can win. Runs inside the caller's
 * transaction, which should be short and READ COMMITTED (no gap locks on InnoDB).
 */
class OutboxClaim {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutboxClaim.class);

    private static final String DUE = "status = 'PENDING' AND next_attempt_at <= :now"
            + " AND (lease_until IS NULL OR lease_until <= :now)";

    private final NamedParameterJdbcTemplate jdbc;
    private volatile Boolean skipLocked;

    OutboxClaim(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the rows now held by {@code claimant} until {@code leaseUntil}, oldest due first. */
    List<String> claim(String claimant, Instant now, Instant leaseUntil, int limit) {
        Map<String, Object> params = Map.of("now", UtcTime.column(now), "claimant", claimant,
                "leaseUntil", UtcTime.column(leaseUntil), "limit", limit);
        return usesSkipLocked() ? claimLocking(claimant, params) : claimConditionally(claimant, params);
    }

    private List<String> claimLocking(String claimant, Map<String, Object> params) {
        List<Candidate> candidates = jdbc.query("SELECT id, claimed_by FROM notification_outbox WHERE " + DUE
                + " ORDER BY next_attempt_at, created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", params,
                Candidate.ROWS);
        if (!candidates.isEmpty()) {
            jdbc.update("UPDATE notification_outbox SET claimed_by = :claimant, lease_until = :leaseUntil"
                    + " WHERE id IN (:ids)", with(params, "ids", candidates.stream().map(Candidate::id).toList()));
        }
        return taken(claimant, candidates);
    }

    private List<String> claimConditionally(String claimant, Map<String, Object> params) {
        List<Candidate> candidates = jdbc.query("SELECT id, claimed_by FROM notification_outbox WHERE " + DUE
                + " ORDER BY next_attempt_at, created_at, id LIMIT :limit", params, Candidate.ROWS);
        List<Candidate> won = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int updated = jdbc.update("UPDATE notification_outbox SET claimed_by = :claimant,"
                    + " lease_until = :leaseUntil WHERE id = :id AND " + DUE, with(params, "id", candidate.id()));
            if (updated == 1) {
                won.add(candidate);
            }
        }
        return taken(claimant, won);
    }

    /**
     * A due row still naming a relay was abandoned mid-send: that relay stopped or stalled past its
     * lease (a relay that finishes or gives a row back clears its name). Said once per claim.
     */
    private static List<String> taken(String claimant, List<Candidate> claimed) {
        Map<String, Long> abandonedBy = claimed.stream().filter(candidate -> candidate.heldBy() != null)
                .collect(java.util.stream.Collectors.groupingBy(Candidate::heldBy, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        abandonedBy.forEach((previous, count) -> LOG.warn("Relay {} took over {} notification(s) from relay {},"
                + " whose lease ran out: that relay stopped or stalled mid-batch, so a message it was sending then"
                + " may be delivered a second time", claimant, count, previous));
        return claimed.stream().map(Candidate::id).toList();
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

    private boolean usesSkipLocked() {
        Boolean known = skipLocked;
        if (known == null) {
            JdbcTemplate plain = jdbc.getJdbcTemplate();
            String product = plain.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName() + " "
                            + connection.getMetaData().getDatabaseProductVersion());
            known = supportsSkipLocked(product);
            skipLocked = known;
        }
        return known;
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

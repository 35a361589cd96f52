package org.notebookscheduler.application.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.AttemptClaims;

/** Claims in a map, rolled back with the fakes' transactions. */
public final class InMemoryAttemptClaims implements AttemptClaims, TransactionalFake {

    private final Map<Attempt, Instant> leases = new HashMap<>();
    private int releases;

    @Override
    public synchronized boolean claim(Attempt attempt, Instant now, Instant leaseUntil) {
        Instant held = leases.get(attempt);
        if (held != null && !held.isBefore(now)) {
            return false;
        }
        leases.put(attempt, leaseUntil);
        return true;
    }

    @Override
    public synchronized void release(Attempt attempt) {
        releases++;
        leases.remove(attempt);
    }

    /** How many times a claim was given back, each one a statement on a real database. */
    public synchronized int releases() {
        return releases;
    }

    public synchronized boolean held(Attempt attempt) {
        return leases.containsKey(attempt);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(leases);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        leases.clear();
        leases.putAll((Map<Attempt, Instant>) snapshot);
    }
}

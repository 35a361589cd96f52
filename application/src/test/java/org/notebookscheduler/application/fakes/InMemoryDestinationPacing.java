package org.notebookscheduler.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.DestinationPacing;

/** Pacing in a map. */
public final class InMemoryDestinationPacing implements DestinationPacing {

    private final Map<String, Instant> freeAt = new HashMap<>();
    private final Map<String, Instant> failingSince = new HashMap<>();

    @Override
    public synchronized Optional<Instant> reserve(String destination, Instant now, Duration interval) {
        Instant free = freeAt.get(destination);
        if (free != null && free.isAfter(now)) {
            return Optional.of(free);
        }
        if (!interval.isZero()) {
            freeAt.put(destination, now.plus(interval));
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean holdUntil(String destination, Instant until, Instant now) {
        freeAt.merge(destination, until, (current, next) -> current.isAfter(next) ? current : next);
        return failingSince.putIfAbsent(destination, now) == null;
    }

    @Override
    public synchronized Optional<Instant> recovered(String destination) {
        return Optional.ofNullable(failingSince.remove(destination));
    }
}

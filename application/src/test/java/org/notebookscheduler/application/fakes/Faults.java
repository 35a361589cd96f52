package org.notebookscheduler.application.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Failures a test arms on a fake, each thrown once by the named operation. */
public final class Faults {

    private final Map<String, Deque<RuntimeException>> armed = new HashMap<>();

    public synchronized void failNext(String operation, RuntimeException failure) {
        armed.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(failure);
    }

    synchronized void check(String operation) {
        Deque<RuntimeException> failures = armed.get(operation);
        if (failures != null && !failures.isEmpty()) {
            throw failures.poll();
        }
    }
}

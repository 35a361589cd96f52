package org.notebookscheduler.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.notebookscheduler.application.port.out.Alarms;

/** Alarms that go off when a test says the time has come: {@link #fireDue()} runs those due by the clock. */
public final class ManualAlarms implements Alarms {

    private final MutableClock clock;
    private final List<Pending> pending = new ArrayList<>();

    private static final class Pending {
        final Instant at;
        final Runnable action;
        boolean cancelled;

        Pending(Instant at, Runnable action) {
            this.at = at;
            this.action = action;
        }
    }

    public ManualAlarms(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Alarm set(Duration after, Runnable action) {
        Pending alarm = new Pending(clock.instant().plus(after), action);
        pending.add(alarm);
        return () -> {
            synchronized (ManualAlarms.this) {
                alarm.cancelled = true;
            }
        };
    }

    /** Runs every alarm that is due and not cancelled, once. */
    public void fireDue() {
        List<Pending> due = new ArrayList<>();
        synchronized (this) {
            for (Pending alarm : List.copyOf(pending)) {
                if (!alarm.cancelled && !alarm.at.isAfter(clock.instant())) {
                    due.add(alarm);
                    pending.remove(alarm);
                }
            }
        }
        due.forEach(alarm -> alarm.action.run());
    }

    public synchronized long armed() {
        return pending.stream().filter(alarm -> !alarm.cancelled).count();
    }
}

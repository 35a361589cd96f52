package org.notebookscheduler.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant now) {
        this(now, ZoneOffset.UTC);
    }

    private MutableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        MutableClock view = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return otherZone;
            }

            @Override
            public Clock withZone(ZoneId zoneId) {
                return view.withZone(zoneId);
            }

            @Override
            public Instant instant() {
                return view.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}

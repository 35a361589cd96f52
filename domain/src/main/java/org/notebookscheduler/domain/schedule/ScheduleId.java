package org.notebookscheduler.domain.schedule;

import java.util.Objects;
import java.util.UUID;

public record ScheduleId(UUID value) {

    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    public static ScheduleId newId() {
        return new ScheduleId(UUID.randomUUID());
    }

    public static ScheduleId of(String text) {
        return new ScheduleId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

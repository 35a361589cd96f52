package org.notebookscheduler.domain.audit;

import java.util.Objects;

/** One changed field, with its value before and after; null stands for "absent". */
public record FieldChange(String field, String oldValue, String newValue) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    public static void collect(java.util.List<FieldChange> into, String field, Object before, Object after) {
        String old = before == null ? null : before.toString();
        String now = after == null ? null : after.toString();
        if (!Objects.equals(old, now)) {
            into.add(new FieldChange(field, old, now));
        }
    }
}

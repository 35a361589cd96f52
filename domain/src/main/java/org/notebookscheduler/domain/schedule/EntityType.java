package org.notebookscheduler.domain.schedule;

import java.util.Locale;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** What a scheduled task runs. */
public enum EntityType {
    NOTEBOOK,
    WORKFLOW;

    /** The lower-case form the callback body carries ({@code entity_type}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code notebook} or {@code workflow}, in any case; refuses anything else, naming {@code field}. */
    public static EntityType parse(String text, String field) {
        String value = Check.text(text, field, 32);
        for (EntityType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field, field + " must be notebook or workflow");
    }
}

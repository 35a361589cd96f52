package org.notebookscheduler.domain.schedule;

/** What a scheduled task runs. */
public enum EntityType {
    NOTEBOOK,
    WORKFLOW;

    /** The lower-case form the callback body carries ({@code entity_type}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

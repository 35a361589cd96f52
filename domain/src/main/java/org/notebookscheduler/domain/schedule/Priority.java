package org.notebookscheduler.domain.schedule;

public enum Priority {
    HIGHEST,
    HIGH,
    MEDIUM,
    LOW,
    LOWEST
}

package org.notebookscheduler.domain.notification;

/** Which results are notified: {@code all} of them, or only the {@code failed} ones. */
public enum NotificationLevel {
    ALL,
    FAILED
}

package org.notebookscheduler.domain.notification;

public enum NotificationStatus {
    /** Waiting for its next delivery attempt. */
    PENDING,
    DELIVERED,
    /** Given up on: a permanent failure or too many attempts. Stays until replayed. */
    DEAD
}

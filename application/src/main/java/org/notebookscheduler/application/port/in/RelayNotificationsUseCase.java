package org.notebookscheduler.application.port.in;

import org.notebookscheduler.application.port.out.NotificationOutbox;

/** Deliver due notifications; every app instance relays, and no two deliver the same one. */
public interface RelayNotificationsUseCase {

    /** Claims one batch of due notifications and tries each once. */
    Report relayDue();

    /** Removes delivered notifications past their retention; returns how many. */
    int purgeDelivered();

    /** What is waiting in the outbox now. */
    NotificationOutbox.Backlog backlog();

    /**
     * @param claimed the notifications tried in this pass; a batch that outlasts most of its lease
     *                stops early and hands the rest back untouched, for any relay to take at once
     */
    record Report(int claimed, int delivered, int retrying, int dead) {
    }
}

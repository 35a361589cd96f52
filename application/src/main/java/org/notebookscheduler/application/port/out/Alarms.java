package org.notebookscheduler.application.port.out;

import java.time.Duration;

/** Does something later unless told not to: how a run that goes on too long gets noticed while it runs. */
public interface Alarms {

    Alarm set(Duration after, Runnable action);

    interface Alarm {
        /** The action will not run (if it has not already). */
        void cancel();
    }
}

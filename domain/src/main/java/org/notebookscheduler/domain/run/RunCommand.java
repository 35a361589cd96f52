package org.notebookscheduler.domain.run;

/** What a user may ask of a run in progress or finished. */
public enum RunCommand {
    PAUSE,
    STOP,
    /** Continue a paused run. */
    RESUME,
    /** Run again only the tasks that failed. */
    RERUN_FAILED,
    /** Run the whole run again. */
    REPEAT
}

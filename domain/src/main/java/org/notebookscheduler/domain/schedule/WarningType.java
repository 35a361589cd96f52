package org.notebookscheduler.domain.schedule;

/** When the scheduler itself alerts its alert group about a finished run. */
public enum WarningType {
    NONE,
    SUCCESS,
    FAILURE,
    ALL
}

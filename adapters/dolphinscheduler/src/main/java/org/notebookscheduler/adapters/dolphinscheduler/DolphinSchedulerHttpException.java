package org.notebookscheduler.adapters.dolphinscheduler;

/** A non-2xx answer: a 401 for a bad token (with an empty body), 405/404 for a wrong call, 5xx for a broken server. */
final class DolphinSchedulerHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    DolphinSchedulerHttpException(int status, String reason) {
        super("HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason));
        this.status = status;
    }

    int status() {
        return status;
    }
}

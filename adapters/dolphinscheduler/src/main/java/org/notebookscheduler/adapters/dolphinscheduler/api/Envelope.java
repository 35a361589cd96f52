package org.notebookscheduler.adapters.dolphinscheduler.api;

/**
 * Every DolphinScheduler 1.3.9 answer: {@code code} 0 is success, anything else a {@code Status}
 * code, whatever the HTTP status (200, or 201 for the create endpoints).
 */
public record Envelope<T>(int code, String msg, T data) {

    public boolean succeeded() {
        return code == 0;
    }
}

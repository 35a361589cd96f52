package org.notebookscheduler.application.port.out;

/**
 * An engine failed or refused. The message says which call and why, with the engine's
 * own code, and never contains a token.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in terms the caller can act on. */
    public enum Kind {
        /** The engine refused the request; retrying will not help. */
        REFUSED,
        /** The thing asked for does not exist there. */
        NOT_FOUND,
        /** The engine could not be reached or failed; retrying may help. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String call;

    public EngineException(Kind kind, String call, String message, Throwable cause) {
        super(call + ": " + message, cause);
        this.kind = kind;
        this.call = call;
    }

    public EngineException(Kind kind, String call, String message) {
        this(kind, call, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String call() {
        return call;
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}

package org.notebookscheduler.domain.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * An expected refusal: the input or the state does not allow what was asked. It carries a stable
 * {@link ErrorCode} and, when one field is at fault, that field's path (for example
 * {@code tasks[1].timeout}). Messages never contain secrets.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public RefusedException(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public RefusedException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The same refusal, with its field placed under a parent path such as {@code tasks[2]}. */
    public RefusedException under(String parent) {
        String path = field == null ? parent : parent + "." + field;
        RefusedException nested = new RefusedException(code, path, getMessage());
        nested.setStackTrace(getStackTrace());
        return nested;
    }
}

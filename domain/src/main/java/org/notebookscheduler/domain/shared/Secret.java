package org.notebookscheduler.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token or signing secret. Its text is only reachable through {@link #reveal()}, which the one
 * place that must send it calls; {@link #toString()} never shows it, so a secret that slips into a
 * log line or an exception message shows as {@code ******}.
 */
public final class Secret {

    private static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RefusedException(ErrorCode.FIELD_REQUIRED, field, field + " must not be blank");
        }
        return new Secret(value.strip());
    }

    public String reveal() {
        return value;
    }

    /** Compares in time that does not depend on where the texts first differ. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.matches(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    @Override
    public String toString() {
        return MASK;
    }
}

package org.notebookscheduler.domain.shared;

/** Field checks shared by the value objects; each refusal names the field it checked. */
public final class Check {

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new RefusedException(ErrorCode.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /** A non-blank text, trimmed, of at most {@code maxLength} characters. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new RefusedException(ErrorCode.FIELD_REQUIRED, field, field + " must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    /** An optional text, trimmed; null stays null. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new RefusedException(ErrorCode.FIELD_TOO_LONG, field,
                    field + " must be at most " + maxLength + " characters, was " + trimmed.length());
        }
        return trimmed;
    }

    public static long range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field,
                    field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}

package org.notebookscheduler.domain.shared;

import java.text.Normalizer;

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

    /** An optional text, trimmed; null stays null. A lone UTF-16 surrogate is never text and is refused. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < trimmed.length()
                    && Character.isLowSurrogate(trimmed.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RefusedException(ErrorCode.TEXT_INVALID, field, field + " holds a lone UTF-16 surrogate"
                        + " at position " + i + ", which no database or scheduler stores faithfully");
            }
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxLength) {
            throw new RefusedException(ErrorCode.FIELD_TOO_LONG, field,
                    field + " must be at most " + maxLength + " characters, was " + length);
        }
        return trimmed;
    }

    /**
     * A name: non-blank text without control or invisible formatting characters (zero-width
     * spaces, direction marks), in Unicode NFKC, so that names that look the same are the same name.
     */
    public static String name(String value, String field, int maxLength) {
        String text = text(value, field, maxLength);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw new RefusedException(ErrorCode.TEXT_INVALID, field, String.format(
                        "%s holds an invisible or control character (U+%04X) at position %d", field, codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return text(Normalizer.normalize(text, Normalizer.Form.NFKC), field, maxLength);
    }

    public static long range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field,
                    field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}

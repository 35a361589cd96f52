package org.notebookscheduler.adapters.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Enum values arrive as text, in any case, so that a wrong one is refused naming the field and
 * the accepted values instead of failing somewhere inside the JSON reader.
 */
public final class Enums {

    private Enums() {
    }

    /** @return null when {@code text} is null */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field, field + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}

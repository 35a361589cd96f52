package org.notebookscheduler.domain.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * The text of a notification, with {@code {placeholders}}. A line whose placeholders are all empty
 * is left out, so the default reads exactly as the reference product's message: no header line
 * without a header, no error line without an error.
 */
public final class MessageTemplate {

    /** The reference product's message, line for line. */
    public static final String DEFAULT = String.join("\n",
            "{header}",
            "{entityType}: {entityName}",
            "Schedule: {scheduleName}",
            "Time: {time}",
            "Duration: {duration}",
            "User: {user}",
            "Status: {status}",
            "Error: {error}");

    public static final int MAX_LENGTH = 4000;

    /** What a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("header", "entityType", "entityName", "scheduleName",
            "task", "time", "duration", "user", "status", "error", "attempt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String text;

    private MessageTemplate(String text) {
        this.text = text;
    }

    public static MessageTemplate defaults() {
        return new MessageTemplate(DEFAULT);
    }

    /** Refuses a template that is too long or uses a placeholder that does not exist, naming {@code field}. */
    public static MessageTemplate of(String text, String field) {
        if (text == null || text.isBlank()) {
            return defaults();
        }
        if (text.length() > MAX_LENGTH) {
            throw new RefusedException(ErrorCode.FIELD_TOO_LONG, field,
                    field + " must be at most " + MAX_LENGTH + " characters");
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field, field + " uses {" + matcher.group(1)
                        + "}; the placeholders are " + new TreeSet<>(PLACEHOLDERS));
            }
        }
        return new MessageTemplate(text);
    }

    public String text() {
        return text;
    }

    public boolean isDefault() {
        return text.equals(DEFAULT);
    }

    public String render(Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            StringBuilder rendered = new StringBuilder();
            boolean anyPlaceholder = false;
            boolean anyValue = false;
            while (matcher.find()) {
                anyPlaceholder = true;
                String value = values.getOrDefault(matcher.group(1), "");
                anyValue |= !value.isEmpty();
                matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(rendered);
            if (!anyPlaceholder || anyValue) {
                lines.add(rendered.toString());
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageTemplate that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return isDefault() ? "default" : text;
    }
}

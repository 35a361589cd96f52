package org.notebookscheduler.adapters.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notebookscheduler.application.port.out.NotebookRunner;

/**
 * A configured command with placeholders, made into the arguments of one run. Each argument stays
 * one argument whatever a value holds (there is no shell to split or interpret it), and a value
 * that could still change what the program does is refused: one that would begin an argument with
 * {@code -} (an option) and an entity id that climbs out of the working directory.
 *
 * <p>Placeholders: {@code {entity_type}}, {@code {entity_id}}, {@code {entity_name}},
 * {@code {commit_id}} (empty for the latest), {@code {owner}}, {@code {timeout_seconds}} and
 * {@code {parameter:NAME}} (empty when the task has no such parameter).
 */
final class CommandLine {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(?::([^}]+))?}");
    private static final Set<String> NAMES = Set.of("entity_type", "entity_id", "entity_name", "commit_id", "owner",
            "timeout_seconds", "parameter");

    private final List<String> template;

    /** @throws IllegalArgumentException naming the argument whose placeholder is not one of the known ones */
    CommandLine(List<String> template) {
        if (template == null || template.isEmpty() || template.get(0).isBlank()) {
            throw new IllegalArgumentException("the command is empty: its first element is the program to run");
        }
        for (int index = 0; index < template.size(); index++) {
            Matcher placeholder = PLACEHOLDER.matcher(template.get(index));
            while (placeholder.find()) {
                String name = placeholder.group(1);
                if (!NAMES.contains(name) || name.equals("parameter") != (placeholder.group(2) != null)) {
                    throw new IllegalArgumentException("argument " + index + " ('" + template.get(index)
                            + "') has the placeholder " + placeholder.group() + "; known are {entity_type},"
                            + " {entity_id}, {entity_name}, {commit_id}, {owner}, {timeout_seconds} and"
                            + " {parameter:NAME}");
                }
            }
        }
        this.template = List.copyOf(template);
    }

    String program() {
        return template.get(0);
    }

    /** @throws UnsafeValue when a value would change what the program does rather than what it works on */
    List<String> arguments(NotebookRunner.Request request) {
        String entityId = request.entity().id();
        boolean absolute = entityId.startsWith("/") || entityId.startsWith("\\");
        if (absolute || List.of(entityId.split("[/\\\\]")).contains("..")) {
            throw new UnsafeValue("the entity id '" + entityId + "' is an absolute path or climbs out of the"
                    + " working directory");
        }
        List<String> arguments = new ArrayList<>(template.size());
        for (String argument : template) {
            Matcher placeholder = PLACEHOLDER.matcher(argument);
            StringBuilder expanded = new StringBuilder();
            while (placeholder.find()) {
                String value = value(request, placeholder.group(1), placeholder.group(2));
                if (placeholder.start() == 0 && expanded.isEmpty() && value.startsWith("-")) {
                    throw new UnsafeValue(placeholder.group() + " is '" + value + "', which would begin an argument"
                            + " with '-' and be read as an option");
                }
                placeholder.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(expanded);
            arguments.add(expanded.toString());
        }
        return arguments;
    }

    private static String value(NotebookRunner.Request request, String name, String parameter) {
        return switch (name) {
            case "entity_type" -> request.entity().type().wireName();
            case "entity_id" -> request.entity().id();
            case "entity_name" -> request.entity().name();
            case "commit_id" -> request.commitId() == null ? "" : request.commitId();
            case "owner" -> request.owner();
            case "timeout_seconds" -> String.valueOf(HttpRunnerDialect.timeoutSeconds(request));
            default -> request.parameters().getOrDefault(parameter, "");
        };
    }

    static final class UnsafeValue extends RuntimeException {

        UnsafeValue(String message) {
            super(message);
        }
    }
}

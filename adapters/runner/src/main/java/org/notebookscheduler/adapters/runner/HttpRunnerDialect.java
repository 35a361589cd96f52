package org.notebookscheduler.adapters.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.NotebookRunner;
import tools.jackson.databind.JsonNode;

/** The request body a notebook backend takes and how its answer says whether the run succeeded. */
public enum HttpRunnerDialect {

    /**
     * Byzer Notebook's {@code POST /api/schedule/execution}: the flat body its DolphinScheduler tasks
     * send (user parameters beside the fixed fields, the token in the body, the timeout in seconds);
     * it runs the entity before answering, with its {@code Response} envelope: an empty
     * {@code code} on success, an error code and the error in {@code msg} otherwise.
     */
    BYZER {
        @Override
        Map<String, Object> body(NotebookRunner.Request request, String token) {
            Map<String, Object> body = new LinkedHashMap<>(request.parameters());
            body.put("token", token);
            body.put("owner", request.owner());
            body.put("entity_type", request.entity().type().wireName());
            body.put("entity_id", request.entity().id());
            if (request.commitId() != null) {
                body.put("commit_id", request.commitId());
            }
            body.put("timeout", timeoutSeconds(request));
            return body;
        }

        @Override
        Map<String, String> headers(String token) {
            return Map.of();
        }

        @Override
        Verdict judge(int status, JsonNode answer, String text) {
            String code = answer == null ? "" : answer.path("code").asString("");
            if (status / 100 == 2 && answer != null && code.isBlank()) {
                return new Verdict(true, null, null, null);
            }
            String message = answer == null ? text : answer.path("msg").asString("");
            String error = (message.isBlank() ? "no message" : message) + " (" + (code.isBlank() ? "" : code + ", ")
                    + "HTTP " + status + ")";
            return new Verdict(false, error, null, null);
        }
    },

    /**
     * A backend of another kind: a JSON body with the entity, owner, commit, timeout and parameters
     * apart, the token as a bearer token; 2xx means it ran, unless the answer says
     * {@code "succeeded": false}; {@code error}, {@code output} and {@code executedBy} are read when
     * present.
     */
    GENERIC {
        @Override
        Map<String, Object> body(NotebookRunner.Request request, String token) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("type", request.entity().type().wireName());
            entity.put("id", request.entity().id());
            entity.put("name", request.entity().name());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entity", entity);
            body.put("owner", request.owner());
            body.put("commitId", request.commitId());
            body.put("timeoutSeconds", timeoutSeconds(request));
            body.put("parameters", request.parameters());
            return body;
        }

        @Override
        Map<String, String> headers(String token) {
            return Map.of("Authorization", "Bearer " + token);
        }

        @Override
        Verdict judge(int status, JsonNode answer, String text) {
            String error = answer == null ? null : answer.path("error").asString(null);
            String output = answer == null ? null : answer.path("output").asString(null);
            String executedBy = answer == null ? null : answer.path("executedBy").asString(null);
            boolean said = answer == null || answer.path("succeeded").asBoolean(true);
            if (status / 100 == 2 && said) {
                return new Verdict(true, null, output, executedBy);
            }
            String reason = error != null ? error : status / 100 == 2 ? "the backend says the run failed" : text;
            return new Verdict(false, (reason == null || reason.isBlank() ? "no message" : reason) + " (HTTP "
                    + status + ")", output, executedBy);
        }
    };

    abstract Map<String, Object> body(NotebookRunner.Request request, String token);

    abstract Map<String, String> headers(String token);

    /**
     * @param answer the answer's JSON; null when it was not JSON
     * @param text   the answer as text, for a failure that is not JSON
     */
    abstract Verdict judge(int status, JsonNode answer, String text);

    /** Whole seconds, rounded up: a backend given less than the run's time would stop it early. */
    static long timeoutSeconds(NotebookRunner.Request request) {
        long seconds = request.timeout().toSeconds();
        return request.timeout().toNanosPart() > 0 || seconds == 0 ? seconds + 1 : seconds;
    }

    record Verdict(boolean succeeded, String error, String output, String executedBy) {
    }
}

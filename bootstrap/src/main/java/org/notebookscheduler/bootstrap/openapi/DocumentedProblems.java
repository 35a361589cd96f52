package org.notebookscheduler.bootstrap.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives each operation of this module's API its refusals as OpenAPI sees them: every 4xx and 5xx is
 * {@code application/problem+json} with a stable {@code code} and, where a field is at fault, the
 * request's own JSON path in {@code field}; the schedule's create and update carry a request example.
 * Operations of a host's own controllers are left as they are.
 */
final class DocumentedProblems implements OperationCustomizer {

    private static final String API_PACKAGE = "org.notebookscheduler.adapters.web";
    private static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEDULE_EXAMPLE = """
            {"name": "hello-every-minute",
             "tasks": [{"name": "say-hello", "entity": {"type": "notebook", "id": "hello"},
                        "timeoutSeconds": 600, "retries": 1, "parameters": {"region": "emea"}}],
             "cron": {"expression": "* * * * *", "timeZone": "UTC"},
             "notifications": {"level": "all", "destinations": [{"url": "http://localhost:9999/notifications",
                               "kind": "GENERIC"}]}}""";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().startsWith(API_PACKAGE)) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("4XX", problem("Refused: the request is wrong (400, with the field), not allowed"
                + " (401, 403), names nothing there is (404) or conflicts with the schedule's state (409)",
                Map.of("type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", "tasks[0].entity.type must be notebook or workflow", "instance", "/api/schedules",
                        "code", "FIELD_OUT_OF_RANGE", "field", "tasks[0].entity.type")));
        responses.addApiResponse("5XX", problem("The engine refused (502) or is unavailable (503, with Retry-After);"
                + " anything unexpected is a 500 that names only a log reference",
                Map.of("type", "about:blank", "title", "Service Unavailable", "status", 503,
                        "detail", "DolphinScheduler did not answer within the request deadline (10s)",
                        "instance", "/api/schedules", "code", "SCHEDULER_UNAVAILABLE")));
        operation.setResponses(responses);
        if (handler.getMethod().getName().matches("create|update") && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.addExamples("hello",
                    new Example().summary("the quick start's schedule").value(SCHEDULE_EXAMPLE)));
        }
        return operation;
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what was wrong, in words"));
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().description("the stable code (README: every code the API"
                + " answers)"));
        problem.addProperty("field", new StringSchema().description("the request's own JSON path at fault"));
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(problem).example(example)));
    }
}

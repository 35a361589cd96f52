package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of the standalone app is read from the controllers, and this test keeps it
 * in step with them: every endpoint of the module's controllers is in {@code /v3/api-docs}, each
 * with its problem responses, and Swagger UI serves it.
 */
@SpringBootTest(classes = NotebookSchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:openapi;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "notebook.scheduler.enable=true",
            "notebook.scheduler.security.users.alice.password={noop}alice-password",
            "notebook.scheduler.scheduler-name=Embedded"})
class OpenApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> endpointsOfTheModule() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.notebookscheduler.adapters.web")) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return endpoints;
    }

    @Test
    void every_endpoint_of_the_modules_controllers_is_in_the_document_with_its_problem_responses() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        JsonNode spec = JSON.readTree(docs.body());

        Set<String> documented = new TreeSet<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey() + " " + path.getKey());
            assertThat(operation.getValue().path("responses").path("4XX").path("content")
                    .has("application/problem+json")).as("%s %s has its problems", operation.getKey(), path.getKey())
                    .isTrue();
        }));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(endpointsOfTheModule()).hasSizeGreaterThan(20);
        assertThat(documented).containsAll(endpointsOfTheModule());
        assertThat(spec.path("info").path("title").asString()).isEqualTo("notebook-scheduler");
        assertThat(spec.path("paths").path("/api/schedules").path("post").path("requestBody").toString())
                .contains("hello-every-minute");
    }

    @Test
    void swagger_ui_serves_the_document() throws Exception {
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}

package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app authenticates its callers: configured users over HTTP basic, API tokens as
 * bearer tokens, a generated first admin when nothing is configured; the X-Notebook-* headers say
 * nothing unless the development flag is set.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneSecurityTest {

    private static final String SCHEDULE = "{\"name\": \"weekly\", \"tasks\": [{\"entity\": {\"type\": \"notebook\","
            + " \"id\": \"hello\"}}], \"cron\": {\"expression\": \"0 6 * * 1\"}}";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, String body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(app) + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_request_without_credentials_is_401_problem_json_and_the_headers_alone_are_not_credentials(
            @TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.users.alice.password={noop}alice-password")) {
            HttpResponse<String> anonymous = send(app, "GET", "/api/schedules", null);
            HttpResponse<String> headersOnly = send(app, "GET", "/api/schedules", null, "X-Notebook-User", "bob",
                    "X-Notebook-Admin", "true");
            HttpResponse<String> wrongPassword = send(app, "GET", "/api/schedules", null, "Authorization",
                    basic("alice", "guess"));

            for (HttpResponse<String> refused : java.util.List.of(anonymous, headersOnly, wrongPassword)) {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"");
                assertThat(refused.headers().allValues("WWW-Authenticate")).contains("Bearer");
            }
        }
    }

    @Test
    void a_configured_user_acts_as_themself_whatever_the_headers_say(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.users.alice.password={noop}alice-password")) {
            HttpResponse<String> created = send(app, "POST", "/api/schedules", SCHEDULE, "Authorization",
                    basic("alice", "alice-password"), "X-Notebook-User", "bob", "X-Notebook-Admin", "true");
            HttpResponse<String> everyonesSchedules = send(app, "GET", "/api/schedules?owner=bob", null,
                    "Authorization", basic("alice", "alice-password"), "X-Notebook-Admin", "true");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).contains("\"owner\":\"alice\"");
            assertThat(everyonesSchedules.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void an_api_token_is_a_bearer_token_acting_as_its_user_with_its_roles(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.tokens.ci-bot.token=tok-7f3a-SECRET",
                "--notebook.scheduler.security.tokens.ci-bot.roles=ADMIN")) {
            HttpResponse<String> created = send(app, "POST", "/api/schedules", SCHEDULE, "Authorization",
                    "Bearer tok-7f3a-SECRET");
            HttpResponse<String> everyones = send(app, "GET", "/api/schedules?owner=someone-else", null,
                    "Authorization", "Bearer tok-7f3a-SECRET");
            HttpResponse<String> guessed = send(app, "GET", "/api/schedules", null, "Authorization", "Bearer tok-guess");

            assertThat(created.body()).contains("\"owner\":\"ci-bot\"");
            assertThat(everyones.statusCode()).isEqualTo(200);
            assertThat(guessed.statusCode()).isEqualTo(401);
            assertThat(guessed.body()).contains("AUTHENTICATION_REQUIRED").doesNotContain("tok-");
        }
    }

    @Test
    void with_an_oidc_issuers_key_a_signed_jwt_names_the_user_and_its_roles_claim_the_roles(@TempDir Path dataDir)
            throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        Path publicKey = dataDir.resolve("issuer.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("dana").claim("roles", java.util.List.of("ADMIN"))
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.getPrivate()));

        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey)) {
            String bearer = "Bearer " + jwt.serialize();
            HttpResponse<String> created = send(app, "POST", "/api/schedules", SCHEDULE, "Authorization", bearer);
            HttpResponse<String> everyones = send(app, "GET", "/api/schedules?owner=someone-else", null,
                    "Authorization", bearer);
            HttpResponse<String> forged = send(app, "GET", "/api/schedules", null, "Authorization",
                    bearer.substring(0, bearer.length() - 4) + "AAAA");

            assertThat(created.body()).contains("\"owner\":\"dana\"");
            assertThat(everyones.statusCode()).isEqualTo(200);
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(dataDir.resolve("initial-admin-password")).doesNotExist();
        }
    }

    @Test
    void the_callback_health_and_the_api_document_need_no_user(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.users.alice.password={noop}alice-password")) {
            HttpResponse<String> callback = send(app, "POST", "/api/schedule/execution", "{\"entity_type\":"
                    + " \"notebook\", \"entity_id\": \"hello\"}");

            assertThat(callback.statusCode()).isEqualTo(401);
            assertThat(callback.body()).contains("CALLBACK_TOKEN_INVALID");
            assertThat(send(app, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(send(app, "GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metrics_prometheus_and_the_background_jobs_are_there_for_a_user_and_not_for_anyone(@TempDir Path dataDir)
            throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.users.ops.password={noop}ops-password")) {
            String ops = basic("ops", "ops-password");
            HttpResponse<String> prometheus = send(app, "GET", "/actuator/prometheus", null, "Authorization", ops);
            HttpResponse<String> jobs = send(app, "GET", "/actuator/notebookscheduler", null, "Authorization", ops);

            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("notebook_scheduler_outbox_backlog");
            assertThat(jobs.statusCode()).isEqualTo(200);
            assertThat(jobs.body()).contains("\"name\":\"relay\"", "\"name\":\"purge\"", "\"interval\":\"PT5S\"");
            assertThat(send(app, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void health_shows_its_components_to_anyone_and_their_details_to_a_signed_in_user(@TempDir Path dataDir)
            throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.users.ops.password={noop}ops-password")) {
            HttpResponse<String> anonymous = send(app, "GET", "/actuator/health", null);
            HttpResponse<String> signedIn = send(app, "GET", "/actuator/health", null, "Authorization",
                    basic("ops", "ops-password"));

            assertThat(anonymous.body()).contains("\"notebookScheduler\"", "\"outbox\"").doesNotContain("pending");
            assertThat(signedIn.body()).contains("\"pending\"", "\"instance\"", "\"maxAgeSeconds\"");
        }
    }

    @Test
    void with_nothing_configured_the_first_admin_has_a_generated_password_in_a_file_and_never_in_the_log(
            @TempDir Path dataDir, CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir)) {
            String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();

            HttpResponse<String> created = send(app, "POST", "/api/schedules", SCHEDULE, "Authorization",
                    basic("admin", password));

            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"owner\":\"admin\"");
            assertThat(output.getOut()).contains("the API's user is 'admin', with the password in " + dataDir
                    .resolve("initial-admin-password")).doesNotContain(password);
        }
    }

    @Test
    void the_development_flag_alone_makes_the_headers_say_who_acts_and_says_so_in_the_log(@TempDir Path dataDir,
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = ApplicationTest.start(dataDir,
                "--notebook.scheduler.security.trust-user-header=true")) {
            HttpResponse<String> created = send(app, "POST", "/api/schedules", SCHEDULE, "X-Notebook-User", "carol");

            assertThat(created.body()).contains("\"owner\":\"carol\"");
            assertThat(output.getOut()).contains("trust-user-header=true: the API believes the X-Notebook-User");
        }
    }
}

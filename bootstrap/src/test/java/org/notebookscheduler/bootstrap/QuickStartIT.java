package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's quick start on the packaged app: {@code java -jar notebook-scheduler-exec.jar} from
 * the repository root (H2 in a file, the embedded engine, the command runner running
 * examples/notebooks, its first user admin with a generated password), the receiver from
 * examples/, and examples/quickstart.sh run as a user runs it. Then what it claims is checked over the API and at the receiver. Needs bash and curl, as the
 * script does; skipped without them unless {@code CI=true}.
 */
class QuickStartIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "notebook-scheduler-exec.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Process> STARTED = new ArrayList<>();

    @TempDir
    static Path work;

    private static String api;
    private static String receiver;
    private static Path received;
    private static Path passwordFile;

    @BeforeAll
    static void startTheAppAndTheReceiver() throws Exception {
        for (String tool : List.of("bash", "curl")) {
            if (!onPath(tool)) {
                String reason = tool + " is not installed; the quick start script needs it";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true requires the quick start test, but " + reason);
                }
                System.out.println("QuickStartIT skipped: " + reason);
                Assumptions.abort(reason);
            }
        }
        assertThat(JAR).as("the packaged app (mvn package)").exists();
        received = work.resolve("received.jsonl");
        Path receiverLog = work.resolve("receiver.log");
        start(receiverLog, JAVA, "examples/receiver/NotificationReceiver.java", "0", received.toString());
        receiver = "http://localhost:" + awaitLine(receiverLog, Pattern.compile("receiver listening on port (\\d+)"));
        Path appLog = work.resolve("app.log");
        passwordFile = work.resolve("data/initial-admin-password");
        start(appLog, JAVA, "-jar", JAR.toString(), "--server.port=0", "--spring.datasource.url=jdbc:h2:file:"
                + work.resolve("data/notebook-scheduler") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE", "--notebook.scheduler.security.initial-admin-password-file="
                + passwordFile);
        api = "http://localhost:" + awaitLine(appLog, Pattern.compile("notebook-scheduler is up: .* API at"
                + " http://localhost:(\\d+)/api"));
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (Process process : STARTED) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void the_quick_start_shows_a_scheduled_success_a_failure_with_its_error_and_both_notifications() throws Exception {
        Path scriptLog = work.resolve("quickstart.log");
        ProcessBuilder script = new ProcessBuilder("bash", "examples/quickstart.sh").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        script.environment().put("API", api);
        script.environment().put("RECEIVER", receiver);
        script.environment().put("PASSWORD_FILE", passwordFile.toString());
        Process running = script.start();
        boolean ended = running.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(scriptLog);

        assertThat(ended).as("the script ended within 3 minutes:\n%s", output).isTrue();
        assertThat(running.exitValue()).as("the script's exit code; its output:\n%s", output).isZero();
        assertThat(output).contains("ONLINE", "ValueError: no rows for region apac", "\"status\":\"succeed\"",
                "quickstart: done");

        JsonNode hello = executionsOf("hello");
        assertThat(hello.get("items").valueStream().map(item -> item.get("status").asString())).contains("succeed");
        JsonNode hellos = hello.get("items").get(0);
        assertThat(get(hellos.get("log").asString())).contains("SUCCEEDED", "hello from hello (notebook hello), run"
                + " for admin", "42 rows written");
        JsonNode broken = executionsOf("broken").get("items").get(0);
        assertThat(broken.get("status").asString()).isEqualTo("failed");
        assertThat(broken.get("message").asString()).startsWith("exited with code 1")
                .endsWith("ValueError: no rows for region apac");

        List<String> notifications = Files.readAllLines(received, StandardCharsets.UTF_8);
        assertThat(notifications).anySatisfy(line -> assertThat(line).contains("Schedule: hello-every-minute",
                "Status: succeed"));
        assertThat(notifications).anySatisfy(line -> assertThat(line).contains("Schedule: broken-report",
                "Status: failed", "ValueError: no rows for region apac"));
    }

    @Test
    void the_packaged_app_refuses_anonymous_callers_shows_its_health_components_and_documents_its_api()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(api + "/api/schedules"))
                .header("X-Notebook-User", "mallory").header("X-Notebook-Admin", "true").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create(api + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("AUTHENTICATION_REQUIRED");
        JsonNode scheduler = health.path("components").path("notebookScheduler").path("components");
        assertThat(scheduler.path("engines").path("components").path("Embedded").path("status").asString())
                .isEqualTo("UP");
        assertThat(scheduler.path("outbox").path("status").asString()).isEqualTo("UP");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/schedules/{id}/online", "/api/schedule/execution");
    }

    private static JsonNode executionsOf(String notebook) throws Exception {
        String schedule = JSON.readTree(get("/api/schedules/by-entity?type=notebook&id=" + notebook)).get("id")
                .asString();
        return JSON.readTree(get("/api/executions?scheduleId=" + schedule));
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:"
                        + Files.readString(passwordFile).strip()).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static void start(Path log, String... command) throws IOException {
        STARTED.add(new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
    }

    /** The first group of the pattern in the log, once a line has it; the log in the failure otherwise. */
    private static String awaitLine(Path log, Pattern line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher found = line.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (found.find()) {
                return found.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line matching " + line + " in " + log + ":\n" + Files.readString(log));
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }
}

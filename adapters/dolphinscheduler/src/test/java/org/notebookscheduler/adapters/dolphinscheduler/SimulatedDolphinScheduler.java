package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.notebookscheduler.application.port.out.Engine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A DolphinScheduler 1.3.9 API server that keeps state, at the HTTP level: projects, process
 * definitions and cron schedules with their release states, answering each endpoint with the codes,
 * HTTP statuses and checks of the reference (sections 2, 3, 8 and 11). Faults can be injected at the
 * n-th call, and {@link #state()} is what a test compares before and after a change.
 */
public final class SimulatedDolphinScheduler implements AutoCloseable {

    static final String CONTEXT = "/dolphinscheduler";
    static final String PROJECT = DolphinSchedulerStub.PROJECT;
    /** MySQL's {@code text} columns of locations, connects and description. */
    static final int TEXT_COLUMN_BYTES = 65_535;
    /** Jetty's {@code max-http-form-post-size} on the 1.3.9 API server. */
    static final int MAX_FORM_BYTES = 5_000_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRANSFORMER = "simulated-dolphinscheduler-1.3.9";

    /** What is injected at a call. */
    enum Fault {
        /** The call is refused before anything changes, with an exception code as the server gives it. */
        REFUSED,
        /** The call is applied, but the answer is lost: HTTP 500. */
        APPLIED_THEN_LOST
    }

    record Project(long id, String name) {
    }

    static final class Process {
        long id;
        long projectId;
        String name;
        String json;
        String locations;
        String connects;
        String description;
        boolean online;
    }

    static final class Cron {
        long id;
        long processId;
        String startTime;
        String endTime;
        String crontab;
        String warningType;
        int warningGroupId;
        String failureStrategy;
        String priority;
        String workerGroup;
        boolean online;
    }

    /** The remote state without ids or times: equal when DolphinScheduler holds the same things. */
    public record State(Map<String, String> projects, Map<String, String> processes) {
    }

    private final Map<Long, Project> projects = new LinkedHashMap<>();
    private final Map<Long, Process> processes = new LinkedHashMap<>();
    private final Map<Long, Cron> crons = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();
    /** Process instances, newest last: id and the process they run. */
    private final List<long[]> instances = new ArrayList<>();
    private long nextInstanceId = 1;
    private long nextProjectId = 1;
    private long nextProcessId = 1;
    private long nextCronId = 1;
    private int callsSeen;
    private int faultAt = -1;
    private Fault fault;
    private Duration delay = Duration.ZERO;

    public final WireMockServer server;

    public SimulatedDolphinScheduler() {
        server = new WireMockServer(options().dynamicPort().extensions(new Transformer()));
        server.start();
        // lowest priority: a test may still stub one call to answer otherwise
        server.stubFor(any(anyUrl()).atPriority(100)
                .willReturn(aResponse().withStatus(200).withTransformers(TRANSFORMER)));
    }

    DolphinSchedulerSettings settings() {
        return DolphinSchedulerStub.settingsFor(server.baseUrl());
    }

    Engine engine() {
        return DolphinSchedulerEngine.create(settings());
    }

    /** A fresh server database: everything gone, ids start at 1 again. */
    synchronized void reset() {
        projects.clear();
        processes.clear();
        crons.clear();
        started.clear();
        instances.clear();
        nextInstanceId = 1;
        nextProjectId = 1;
        nextProcessId = 1;
        nextCronId = 1;
    }

    /** A process made by someone else, straight into the server's database. */
    synchronized void addForeignProcess(String name) {
        Project project = projects.values().stream().filter(candidate -> candidate.name().equals(PROJECT)).findFirst()
                .orElseGet(() -> {
                    Project made = new Project(nextProjectId++, PROJECT);
                    projects.put(made.id(), made);
                    return made;
                });
        Process process = new Process();
        process.id = nextProcessId++;
        process.projectId = project.id();
        process.name = name;
        process.json = "{\"tasks\":[]}";
        process.description = "made by hand";
        processes.put(process.id, process);
    }

    synchronized void dropProject() {
        projects.values().removeIf(project -> project.name().equals(PROJECT));
    }

    /** The {@code n}-th call from now (1 is the next one) meets {@code fault}. */
    synchronized void failAt(int n, Fault fault) {
        this.callsSeen = 0;
        this.faultAt = n;
        this.fault = fault;
    }

    /** Counts calls from now, without a fault. */
    synchronized void count() {
        failAt(-1, null);
    }

    synchronized int callsSeen() {
        return callsSeen;
    }

    /** Every answer takes this long, as a frozen server's would. */
    synchronized void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public synchronized State state() {
        Map<String, String> projectState = new TreeMap<>();
        projects.values().forEach(project -> projectState.put(project.name(), "project"));
        Map<String, String> processState = new TreeMap<>();
        for (Process process : processes.values()) {
            String cronState = crons.values().stream().filter(cron -> cron.processId == process.id)
                    .map(cron -> String.join("|", cron.startTime, cron.endTime, cron.crontab, cron.warningType,
                            String.valueOf(cron.warningGroupId), cron.failureStrategy, String.valueOf(cron.priority),
                            cron.workerGroup, cron.online ? "ONLINE" : "OFFLINE"))
                    .sorted().collect(Collectors.joining(" ; "));
            processState.put(projectName(process.projectId) + "/" + process.name, String.join(" | ",
                    process.online ? "ONLINE" : "OFFLINE", process.description, process.json, process.locations,
                    process.connects, "cron[" + cronState + "]"));
        }
        return new State(projectState, processState);
    }

    synchronized Process process(String name) {
        return processes.values().stream().filter(process -> process.name.equals(name)).findFirst().orElse(null);
    }

    synchronized Process process(long id) {
        return processes.get(id);
    }

    synchronized List<Cron> cronsOf(long processId) {
        return crons.values().stream().filter(cron -> cron.processId == processId).toList();
    }

    synchronized List<String> started() {
        return List.copyOf(started);
    }

    private String projectName(long projectId) {
        Project project = projects.get(projectId);
        return project == null ? "?" : project.name();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            synchronized (SimulatedDolphinScheduler.this) {
                ResponseDefinitionBuilder answer = answer(serveEvent.getRequest());
                if (!delay.isZero()) {
                    answer.withFixedDelay((int) delay.toMillis());
                }
                return answer.build();
            }
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private ResponseDefinitionBuilder answer(Request request) {
        callsSeen++;
        boolean faulty = callsSeen == faultAt;
        if (faulty && fault == Fault.REFUSED) {
            return envelope(200, 10000, "Internal Server Error: injected", "null");
        }
        if (request.getBody().length > MAX_FORM_BYTES) {
            return aResponse().withStatus(400).withBody("Form too large");
        }
        ResponseDefinitionBuilder answer = route(request, params(request));
        return faulty ? aResponse().withStatus(500).withBody("lost") : answer;
    }

    private static Map<String, String> params(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        String url = request.getUrl();
        int query = url.indexOf('?');
        if (query >= 0) {
            decode(url.substring(query + 1), params);
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            decode(request.getBodyAsString(), params);
        }
        return params;
    }

    private static void decode(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    private ResponseDefinitionBuilder route(Request request, Map<String, String> p) {
        String path = request.getUrl().replaceAll("\\?.*", "").substring(CONTEXT.length());
        if (path.equals("/projects/list-paging")) {
            String search = p.getOrDefault("searchVal", "");
            return paged(projects.values().stream().filter(project -> project.name().contains(search))
                    .map(project -> "{\"id\":" + project.id() + ",\"name\":" + quote(project.name()) + "}").toList(), p);
        }
        if (path.equals("/projects/create")) {
            String name = p.get("projectName");
            if (projects.values().stream().anyMatch(project -> project.name().equalsIgnoreCase(name))) {
                return envelope(201, 10019, "project " + name + " already exists", "null");
            }
            long id = nextProjectId++;
            projects.put(id, new Project(id, name));
            return envelope(201, 0, "success", String.valueOf(id));
        }
        String[] parts = path.split("/", 4);
        if (parts.length < 4 || !parts[1].equals("projects")) {
            return aResponse().withStatus(404);
        }
        String projectName = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        Project project = projects.values().stream().filter(candidate -> candidate.name().equalsIgnoreCase(projectName))
                .findFirst().orElse(null);
        if (project == null) {
            return envelope(200, 10018, "project " + projectName + " not found ", "null");
        }
        return switch (parts[3]) {
            case "process/verify-name" -> processes.values().stream()
                    .anyMatch(process -> process.projectId == project.id() && process.name.equals(p.get("name")))
                    ? envelope(200, 10106, "verify process definition name unique error", "null") : ok("null");
            case "process/save" -> saveProcess(project, p);
            case "process/update" -> updateProcess(project, p);
            case "process/list-paging" -> paged(processes.values().stream()
                    .filter(process -> process.projectId == project.id()
                            && process.name.contains(p.getOrDefault("searchVal", "")))
                    .map(process -> "{\"id\":" + process.id + ",\"name\":" + quote(process.name)
                            + ",\"releaseState\":\"" + (process.online ? "ONLINE" : "OFFLINE") + "\",\"description\":"
                            + quote(process.description) + ",\"processDefinitionJson\":null}")
                    .toList(), p);
            case "process/select-by-id" -> {
                Process process = processes.get(number(p, "processId"));
                yield process == null ? envelope(200, 50001, "process instance " + p.get("processId")
                        + " does not exist", "null") : ok(detail(process));
            }
            case "process/release" -> release(p);
            case "process/delete" -> deleteProcess(p);
            case "schedule/create" -> createCron(p);
            case "schedule/update" -> updateCron(p);
            case "schedule/online" -> releaseCron(p, true);
            case "schedule/offline" -> releaseCron(p, false);
            case "schedule/list-paging" -> {
                long processId = number(p, "processDefinitionId");
                yield !processes.containsKey(processId) ? notExist(processId)
                        : paged(crons.values().stream().filter(cron -> cron.processId == processId)
                                .sorted((a, b) -> Long.compare(b.id, a.id)).map(SimulatedDolphinScheduler::row).toList(), p);
            }
            case "schedule/delete" -> {
                Cron cron = crons.get(number(p, "scheduleId"));
                if (cron == null) {
                    yield envelope(200, 10022, "scheduler crontab " + p.get("scheduleId") + " does not exist", "null");
                }
                if (cron.online) {
                    yield envelope(200, 50023, "the status of schedule " + cron.id + " is already on line", "null");
                }
                crons.remove(cron.id);
                yield ok("null");
            }
            case "executors/start-process-instance" -> {
                Process process = processes.get(number(p, "processDefinitionId"));
                if (process == null) {
                    yield notExist(number(p, "processDefinitionId"));
                }
                if (!process.online) {
                    yield envelope(200, 50004, "process definition " + process.id + " not on line", "null");
                }
                started.add(process.name);
                instances.add(new long[] {nextInstanceId++, process.id});
                yield ok("null");
            }
            case "instance/list-paging" -> {
                long processId = number(p, "processDefinitionId");
                List<String> rows = new ArrayList<>();
                for (int i = instances.size() - 1; i >= 0; i--) {
                    long[] instance = instances.get(i);
                    if (processId == 0 || instance[1] == processId) {
                        rows.add("{\"id\":" + instance[0] + ",\"processDefinitionId\":" + instance[1]
                                + ",\"state\":\"RUNNING_EXECUTION\",\"commandType\":\"START_PROCESS\","
                                + "\"scheduleTime\":null,\"runTimes\":1}");
                    }
                }
                yield paged(rows, p);
            }
            default -> aResponse().withStatus(404);
        };
    }

    private ResponseDefinitionBuilder saveProcess(Project project, Map<String, String> p) {
        ResponseDefinitionBuilder invalid = invalidDefinition(p);
        if (invalid != null) {
            return invalid;
        }
        String name = p.get("name");
        if (processes.values().stream().anyMatch(process -> process.projectId == project.id()
                && process.name.equals(name)) || tooLongForColumns(p)) {
            return envelope(200, 10105, "create process definition", "null");
        }
        Process process = new Process();
        process.id = nextProcessId++;
        process.projectId = project.id();
        process.name = name;
        process.json = p.get("processDefinitionJson");
        process.locations = p.get("locations");
        process.connects = p.get("connects");
        process.description = p.get("description");
        processes.put(process.id, process);
        return envelope(201, 0, "success", "null");
    }

    private ResponseDefinitionBuilder updateProcess(Project project, Map<String, String> p) {
        ResponseDefinitionBuilder invalid = invalidDefinition(p);
        if (invalid != null) {
            return invalid;
        }
        long id = number(p, "id");
        Process process = processes.get(id);
        if (process == null) {
            return notExist(id);
        }
        if (process.online) {
            return envelope(200, 50008, "process definition " + id + " does not allow edit", "null");
        }
        String name = p.get("name");
        if (!name.equals(process.name) && processes.values().stream()
                .anyMatch(other -> other.projectId == project.id() && other.name.equals(name))) {
            return envelope(200, 10106, "verify process definition name unique error", "null");
        }
        if (tooLongForColumns(p)) {
            return envelope(200, 10107, "update process definition error", "null");
        }
        process.name = name;
        process.json = p.get("processDefinitionJson");
        process.locations = p.get("locations");
        process.connects = p.get("connects");
        process.description = p.get("description");
        process.online = false;
        return ok("null");
    }

    private static boolean tooLongForColumns(Map<String, String> p) {
        return bytes(p.get("locations")) > TEXT_COLUMN_BYTES || bytes(p.get("connects")) > TEXT_COLUMN_BYTES
                || bytes(p.get("description")) > TEXT_COLUMN_BYTES || bytes(p.get("name")) > 255 * 3;
    }

    private static int bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static ResponseDefinitionBuilder invalidDefinition(Map<String, String> p) {
        JsonNode json;
        try {
            json = JSON.readTree(p.getOrDefault("processDefinitionJson", ""));
        } catch (RuntimeException unreadable) {
            return envelope(200, 50017, "data " + p.get("processDefinitionJson") + " not valid", "null");
        }
        if (json == null || !json.has("tasks")) {
            return envelope(200, 50018, "data tasks is null", "null");
        }
        return null;
    }

    private ResponseDefinitionBuilder release(Map<String, String> p) {
        String state = p.get("releaseState");
        if (!"0".equals(state) && !"1".equals(state)) {
            return envelope(200, 10001, "request parameter releaseState is not valid", "null");
        }
        Process process = processes.get(number(p, "processId"));
        if (process == null) {
            return envelope(200, 10108, "release process definition error", "null");
        }
        process.online = state.equals("1");
        if (!process.online) {
            crons.values().stream().filter(cron -> cron.processId == process.id).forEach(cron -> cron.online = false);
        }
        return ok("null");
    }

    private ResponseDefinitionBuilder deleteProcess(Map<String, String> p) {
        long id = number(p, "processDefinitionId");
        Process process = processes.get(id);
        if (process == null) {
            return notExist(id);
        }
        if (process.online) {
            return envelope(200, 50021, "process definition " + id + " is already on line", "null");
        }
        List<Cron> own = cronsOf(id);
        if (own.size() > 1) {
            return envelope(200, 50022, "delete process definition by id error", "null");
        }
        if (own.size() == 1 && own.get(0).online) {
            return envelope(200, 50023, "the status of schedule " + own.get(0).id + " is already on line", "null");
        }
        own.forEach(cron -> crons.remove(cron.id));
        processes.remove(id);
        return ok("null");
    }

    private ResponseDefinitionBuilder createCron(Map<String, String> p) {
        long processId = number(p, "processDefinitionId");
        Process process = processes.get(processId);
        if (process == null) {
            return envelope(201, 50003, "process definition " + processId + " does not exist", "null");
        }
        if (!process.online) {
            return envelope(201, 50004, "process definition " + processId + " not on line", "null");
        }
        Cron cron = new Cron();
        String refused = fill(cron, p, 10001, 10076);
        if (refused != null) {
            return envelope(201, Integer.parseInt(refused.substring(0, 5)), refused.substring(6), "null");
        }
        cron.id = nextCronId++;
        cron.processId = processId;
        cron.warningGroupId = p.containsKey("warningGroupId") ? Integer.parseInt(p.get("warningGroupId")) : 1;
        cron.failureStrategy = p.getOrDefault("failureStrategy", "CONTINUE");
        crons.put(cron.id, cron);
        return envelope(201, 0, "success", "null");
    }

    private ResponseDefinitionBuilder updateCron(Map<String, String> p) {
        if (!p.containsKey("warningGroupId")) {
            return envelope(200, 10077, "update schedule error", "null");
        }
        Cron cron = crons.get(number(p, "id"));
        if (cron == null) {
            return envelope(200, 10022, "scheduler crontab " + p.get("id") + " does not exist", "null");
        }
        if (cron.online) {
            return envelope(200, 10023, "online status does not allow update operations", "null");
        }
        Cron next = new Cron();
        String refused = fill(next, p, 10024, 10077);
        if (refused != null) {
            return envelope(200, Integer.parseInt(refused.substring(0, 5)), refused.substring(6), "null");
        }
        cron.startTime = next.startTime;
        cron.endTime = next.endTime;
        cron.crontab = next.crontab;
        cron.warningType = next.warningType;
        cron.priority = next.priority;
        cron.workerGroup = next.workerGroup;
        cron.warningGroupId = Integer.parseInt(p.get("warningGroupId"));
        cron.failureStrategy = p.getOrDefault("failureStrategy", "END");
        return ok("null");
    }

    /** Reads the schedule fields; returns {@code "<code> <msg>"} when the server would refuse them. */
    private static String fill(Cron cron, Map<String, String> p, int cronInvalid, int exceptionCode) {
        JsonNode schedule;
        try {
            schedule = JSON.readTree(p.getOrDefault("schedule", ""));
        } catch (RuntimeException unreadable) {
            return exceptionCode + " schedule error";
        }
        if (schedule == null || !schedule.has("startTime") || !schedule.has("endTime")) {
            return exceptionCode + " schedule error";
        }
        cron.startTime = schedule.get("startTime").asString();
        cron.endTime = schedule.get("endTime").asString();
        cron.crontab = schedule.get("crontab").asString();
        // a datetime column holds years 1000 to 9999; fastjson fails on more digits
        if (!cron.startTime.matches("\\d{4}-.*") || !cron.endTime.matches("\\d{4}-.*")) {
            return exceptionCode + " schedule error";
        }
        if (cron.startTime.equals(cron.endTime)) {
            return "10141 The start time must not be the same as the end";
        }
        int fields = cron.crontab.trim().split("\\s+").length;
        if (fields < 6 || fields > 7) {
            return cronInvalid + " request parameter " + cron.crontab + " is not valid";
        }
        cron.warningType = p.getOrDefault("warningType", "NONE");
        cron.priority = p.get("processInstancePriority");
        cron.workerGroup = p.getOrDefault("workerGroup", "default");
        return null;
    }

    private ResponseDefinitionBuilder releaseCron(Map<String, String> p, boolean online) {
        Cron cron = crons.get(number(p, "id"));
        if (cron == null) {
            return envelope(200, 10022, "scheduler crontab " + p.get("id") + " does not exist", "null");
        }
        if (cron.online == online) {
            return envelope(200, 10126, "schedule release is already " + (online ? "ONLINE" : "OFFLINE"), "null");
        }
        Process process = processes.get(cron.processId);
        if (process == null) {
            return notExist(cron.processId);
        }
        if (online && !process.online) {
            return envelope(200, 50004, "process definition " + process.id + " not on line", "null");
        }
        cron.online = online;
        return ok("null");
    }

    private static String detail(Process process) {
        return "{\"id\":" + process.id + ",\"name\":" + quote(process.name) + ",\"version\":0,\"releaseState\":\""
                + (process.online ? "ONLINE" : "OFFLINE") + "\",\"projectId\":" + process.projectId
                + ",\"processDefinitionJson\":" + quote(process.json) + ",\"description\":" + quote(process.description)
                + ",\"locations\":" + quote(process.locations) + ",\"connects\":" + quote(process.connects)
                + ",\"flag\":\"YES\",\"userId\":2,\"userName\":null,\"projectName\":null,\"timeout\":0,\"tenantId\":-1}";
    }

    private static String row(Cron cron) {
        return "{\"id\":" + cron.id + ",\"processDefinitionId\":" + cron.processId + ",\"startTime\":"
                + quote(DsTimes.response(cron.startTime)) + ",\"endTime\":" + quote(DsTimes.response(cron.endTime))
                + ",\"crontab\":" + quote(cron.crontab) + ",\"failureStrategy\":" + quote(cron.failureStrategy)
                + ",\"warningType\":" + quote(cron.warningType) + ",\"releaseState\":\""
                + (cron.online ? "ONLINE" : "OFFLINE") + "\",\"warningGroupId\":" + cron.warningGroupId
                + ",\"processInstancePriority\":" + quote(cron.priority) + ",\"workerGroup\":" + quote(cron.workerGroup)
                + "}";
    }

    /** Dates as the server writes them back: ISO with millis and the fixed +0800 offset. */
    private static final class DsTimes {
        static String response(String scheduleField) {
            return scheduleField == null ? null : scheduleField.replace(' ', 'T') + ".000+0800";
        }
    }

    private static ResponseDefinitionBuilder paged(List<String> rows, Map<String, String> p) {
        int pageNo = Integer.parseInt(p.getOrDefault("pageNo", "1"));
        int pageSize = Integer.parseInt(p.getOrDefault("pageSize", "10"));
        int rowsPerPage = Math.min(pageSize, 500);
        int from = Math.min(rows.size(), (pageNo - 1) * rowsPerPage);
        List<String> page = rows.subList(from, Math.min(rows.size(), from + rowsPerPage));
        int totalPage = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
        return ok("{\"totalList\":[" + String.join(",", page) + "],\"total\":" + rows.size() + ",\"currentPage\":"
                + pageNo + ",\"totalPage\":" + totalPage + "}");
    }

    private static ResponseDefinitionBuilder notExist(long processId) {
        return envelope(200, 50003, "process definition " + processId + " does not exist", "null");
    }

    private static long number(Map<String, String> p, String name) {
        try {
            return Long.parseLong(p.getOrDefault(name, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ResponseDefinitionBuilder ok(String data) {
        return envelope(200, 0, "success", data);
    }

    private static ResponseDefinitionBuilder envelope(int status, int code, String msg, String data) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"code\":" + code + ",\"msg\":" + quote(msg) + ",\"data\":" + data + "}");
    }

    private static String quote(String text) {
        return text == null ? "null" : JSON.writeValueAsString(text);
    }
}

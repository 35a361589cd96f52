package org.notebookscheduler.adapters.web.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.notebookscheduler.application.port.in.ExecutionCallback;
import org.notebookscheduler.application.port.in.HandleExecutionCallbackUseCase;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase.Outcome;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where DolphinScheduler's HTTP task calls to run a notebook or workflow. It takes what 1.3.9
 * sends (a flat JSON object of strings, with {@code Content-Encoding: UTF-8}) and the form body of
 * the reference product, proven by the task's own credential (in the body's {@code token} or the
 * {@value #TOKEN_HEADER} header). A run that succeeded answers 200, the only status the HTTP task counts as
 * success; a run that failed answers 422 with a short reason, so that DolphinScheduler marks the
 * task failed and applies its retries.
 */
@RestController
public class CallbackController {

    public static final String PATH = "/api/schedule/execution";
    /** The token may come as a header instead of a body field, which keeps it out of task logs' bodies. */
    public static final String TOKEN_HEADER = "X-Callback-Token";
    static final int MAX_REASON_LENGTH = 500;
    /**
     * The end of what the runner printed, in the answer: DolphinScheduler writes the answer to the
     * task's log, so its UI shows the notebook's last lines beside the task.
     */
    public static final int MAX_OUTPUT_LENGTH = 4000;

    /** Body fields that are the callback's own, not parameters for the run. */
    private static final Set<String> NOT_PARAMETERS = Set.of(ExecutionCallback.TOKEN, ExecutionCallback.ENTITY_TYPE,
            ExecutionCallback.ENTITY_ID, ExecutionCallback.COMMIT_ID, ExecutionCallback.TIMEOUT,
            ExecutionCallback.RUN_KEY, ExecutionCallback.SCHEDULE_ID, ExecutionCallback.TASK_NAME, "owner");

    private final HandleExecutionCallbackUseCase callbacks;

    public CallbackController(HandleExecutionCallbackUseCase callbacks) {
        this.callbacks = callbacks;
    }

    /** @param output the end of what the runner printed in this attempt; null when it printed nothing */
    public record CallbackResponse(String status, String executionId, int attempt, boolean repeated, String output) {
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> fromJson(@RequestBody Map<String, Object> body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken) {
        Map<String, String> fields = new HashMap<>();
        body.forEach((key, value) -> fields.put(key, value == null ? null : String.valueOf(value)));
        return handle(fields, headerToken);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> fromForm(@RequestParam Map<String, String> body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken) {
        return handle(body, headerToken);
    }

    /**
     * A credential in the URL lands in access logs and proxies' histories: it is never read from
     * there, and a callback that puts it there is refused (a form body's fields and the query
     * string would otherwise be one map).
     */
    @ModelAttribute
    void refuseTokenInUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && request.getRequestURI().endsWith(PATH)
                && java.util.Arrays.stream(query.split("&")).anyMatch(pair -> pair.equals(ExecutionCallback.TOKEN)
                        || pair.startsWith(ExecutionCallback.TOKEN + "="))) {
            throw new RefusedException(ErrorCode.REQUEST_MALFORMED, ExecutionCallback.TOKEN, "the callback credential"
                    + " is read only from the body or the " + TOKEN_HEADER + " header, never from the URL");
        }
    }

    private ResponseEntity<?> handle(Map<String, String> fields, String headerToken) {
        Map<String, String> parameters = new HashMap<>();
        fields.forEach((key, value) -> {
            if (!NOT_PARAMETERS.contains(key) && value != null) {
                parameters.put(key, value);
            }
        });
        String token = headerToken != null ? headerToken : fields.get(ExecutionCallback.TOKEN);
        Outcome outcome = callbacks.handle(new ExecutionCallback(token, fields.get(ExecutionCallback.SCHEDULE_ID),
                fields.get(ExecutionCallback.TASK_NAME), fields.get(ExecutionCallback.ENTITY_TYPE),
                fields.get(ExecutionCallback.ENTITY_ID), fields.get(ExecutionCallback.COMMIT_ID),
                fields.get(ExecutionCallback.TIMEOUT), fields.get(ExecutionCallback.RUN_KEY), parameters));
        ExecutionResult result = outcome.result();
        String output = outcome.output().map(printed -> Text.tail(printed, MAX_OUTPUT_LENGTH)).orElse(null);
        if (result.failed()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "run failed: " + Text.cut(result.errorMessage().orElse("no reason given"), MAX_REASON_LENGTH));
            problem.setTitle("Run failed");
            problem.setProperty("code", ErrorCode.RUN_FAILED.code());
            problem.setProperty("executionId", result.id().toString());
            problem.setProperty("attempt", result.attempt());
            if (output != null) {
                problem.setProperty("output", output);
            }
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new CallbackResponse(result.status().label(), result.id().toString(),
                result.attempt(), outcome.repeated(), output));
    }
}

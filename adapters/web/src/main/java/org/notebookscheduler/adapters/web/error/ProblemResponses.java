package org.notebookscheduler.adapters.web.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details with this module's stable {@code code} and, where one is at fault, the {@code field}. */
public final class ProblemResponses {

    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(ErrorCode.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        for (ErrorCode code : ErrorCode.values()) {
            STATUS.put(code, HttpStatus.BAD_REQUEST);
        }
        for (ErrorCode code : new ErrorCode[] {ErrorCode.SCHEDULE_NOT_FOUND, ErrorCode.RUN_NOT_FOUND,
            ErrorCode.NOTIFICATION_NOT_FOUND}) {
            STATUS.put(code, HttpStatus.NOT_FOUND);
        }
        for (ErrorCode code : new ErrorCode[] {ErrorCode.ENTITY_ALREADY_SCHEDULED, ErrorCode.SCHEDULE_NAME_TAKEN,
            ErrorCode.SCHEDULE_ONLINE, ErrorCode.SCHEDULE_NOT_LINKED, ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED,
            ErrorCode.NOTIFICATION_NOT_DEAD, ErrorCode.ATTEMPT_ALREADY_RECORDED, ErrorCode.ATTEMPT_IN_PROGRESS, ErrorCode.RUN_STATE_CONFLICT,
            ErrorCode.CALLBACK_MISMATCH, ErrorCode.CALLBACK_NOT_EXPECTED}) {
            STATUS.put(code, HttpStatus.CONFLICT);
        }
        STATUS.put(ErrorCode.ENTITY_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT);
        STATUS.put(ErrorCode.ACCESS_DENIED, HttpStatus.FORBIDDEN);
        STATUS.put(ErrorCode.CALLBACK_TOKEN_INVALID, HttpStatus.UNAUTHORIZED);
        STATUS.put(ErrorCode.AUTHENTICATION_REQUIRED, HttpStatus.UNAUTHORIZED);
        STATUS.put(ErrorCode.REQUEST_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
        STATUS.put(ErrorCode.REQUEST_HEADERS_TOO_LARGE, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        STATUS.put(ErrorCode.REQUEST_UNSUPPORTED, HttpStatus.NOT_FOUND);
        STATUS.put(ErrorCode.SCHEDULER_REFUSED, HttpStatus.BAD_GATEWAY);
        STATUS.put(ErrorCode.SCHEDULER_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
        STATUS.put(ErrorCode.RUN_FAILED, HttpStatus.UNPROCESSABLE_CONTENT);
        STATUS.put(ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ProblemResponses() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return STATUS.get(code);
    }

    public static ResponseEntity<ProblemDetail> of(ErrorCode code, String field, String detail) {
        return of(statusOf(code), code, field, detail);
    }

    /**
     * Writes a problem straight to a servlet response, for refusals made before Spring MVC runs
     * (filters, the servlet container's own errors); the same fields the handlers write.
     */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String instance)
            throws IOException {
        response.setStatus(statusOf(code).value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(statusOf(code).value(), code, detail, instance));
    }

    /** A problem as JSON text. */
    public static String json(int status, ErrorCode code, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code.code());
        return JSON.writeValueAsString(problem);
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, ErrorCode code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.code());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

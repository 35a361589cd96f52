package org.notebookscheduler.adapters.web.error;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as a problem detail with a stable {@code code} and the {@code field} at fault;
 * anything unexpected as a 500 that says nothing of the internals, with a reference to the log line.
 * It answers for this module's controllers only: a host's controllers keep the host's own handling.
 * What fails before any controller is chosen (an unknown path, a wrong method) is
 * {@link UnmappedApiRequests}'s, under {@code /api/} only.
 */
@RestControllerAdvice(basePackageClasses = org.notebookscheduler.adapters.web.WebConfiguration.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** When to try again after the scheduler was unavailable: long enough for a restart to finish. */
    static final int RETRY_AFTER_SECONDS = 30;
    private static final Set<String> PAGING = Set.of("page", "size");
    private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return ProblemResponses.of(e.code(), e.field().orElse(null), e.getMessage());
    }

    @ExceptionHandler(EngineException.class)
    ResponseEntity<ProblemDetail> scheduler(EngineException e) {
        LOG.warn("The scheduler failed: {}", e.getMessage());
        ErrorCode code = e.retryable() ? ErrorCode.SCHEDULER_UNAVAILABLE : ErrorCode.SCHEDULER_REFUSED;
        ResponseEntity<ProblemDetail> problem = ProblemResponses.of(code, null, "the scheduler "
                + (e.retryable() ? "is unavailable" : "refused") + ": " + e.getMessage());
        if (!e.retryable()) {
            return problem;
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        boolean paging = PAGING.contains(e.getName());
        return ProblemResponses.of(paging ? ErrorCode.PAGE_INVALID : ErrorCode.FIELD_OUT_OF_RANGE, e.getName(),
                e.getName() + (paging ? " must be a whole number" : " has the wrong form"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<String> undecodable = undecodableParameter(e);
        if (undecodable.isPresent()) {
            return ProblemResponses.of(ErrorCode.REQUEST_MALFORMED, undecodable.get(),
                    undecodable.get() + " is not valid percent-encoded UTF-8");
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, reference {}", reference, e);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, null,
                "an unexpected error occurred; the server log has it under reference " + reference);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(e)) {
            return widen(ProblemResponses.of(ErrorCode.REQUEST_TOO_LARGE, null, RequestSizeLimit.MESSAGE));
        }
        String field = fieldOf(e);
        String detail = field == null ? "the request body is not readable JSON"
                : "the request body is not readable: " + field + " has the wrong type or form";
        return widen(ProblemResponses.of(HttpStatus.BAD_REQUEST, ErrorCode.REQUEST_MALFORMED, field, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return widen(ProblemResponses.of(ErrorCode.FIELD_REQUIRED, e.getParameterName(),
                e.getParameterName() + " is required"));
    }

    /** Spring's own refusals (no such endpoint, wrong method, wrong content type) keep their status and get a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ErrorCode code = switch (status.value()) {
                case 404, 405, 406, 415 -> ErrorCode.REQUEST_UNSUPPORTED;
                case 413 -> ErrorCode.REQUEST_TOO_LARGE;
                default -> status.is5xxServerError() ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_MALFORMED;
            };
            problem.setProperty("code", code.code());
        }
        return response;
    }

    /**
     * Tomcat's {@code InvalidParameterException} for a query parameter that is not valid percent
     * encoding ({@code ?owner=%ff}); matched by name, so this adapter needs no Tomcat classes.
     */
    private static Optional<String> undecodableParameter(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("InvalidParameterException") && cause.getMessage() != null) {
                Matcher name = PARAMETER_NAME.matcher(cause.getMessage());
                return Optional.of(name.find() ? name.group(1) : "query");
            }
        }
        return Optional.empty();
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of the value that could not be read, such as {@code tasks[0].timeoutSeconds}. */
    private static String fieldOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}

package org.notebookscheduler.adapters.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request under {@code /api/} that no controller takes (an unknown path, a method or a content
 * type no endpoint has) is refused as problem JSON with {@code REQUEST_UNSUPPORTED}, like every other
 * refusal of the API. Any other path is left alone: the exception goes on to the host's handling (or
 * Spring Boot's) as if this module were not there. Ordered last, so a host's own advice comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnmappedApiRequests {

    static final String API_PREFIX = "/api/";

    private final ApiExceptionHandler problems;

    public UnmappedApiRequests(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
        HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<Object> unmapped(Exception e, HttpServletRequest request, WebRequest web) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(API_PREFIX)) {
            // rethrown as it came: Spring then resolves it as though no advice had matched
            throw e;
        }
        return problems.handleException(e, web);
    }
}

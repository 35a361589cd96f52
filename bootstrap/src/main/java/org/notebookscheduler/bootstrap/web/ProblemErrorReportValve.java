package org.notebookscheduler.bootstrap.web;

import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.notebookscheduler.adapters.web.error.ProblemResponses;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers by itself, before the application sees a request (a malformed URI, headers it
 * cannot parse), as problem JSON with a code, like every other refusal, instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = switch (status) {
            case 404, 405, 415 -> ErrorCode.REQUEST_UNSUPPORTED;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 431 -> ErrorCode.REQUEST_HEADERS_TOO_LARGE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_MALFORMED;
        };
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known == null ? "the request was refused" : "the server refused the request: "
                + known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.json(status, code, detail, request.getRequestURI()));
                response.finishResponse();
            }
        } catch (java.io.IOException | IllegalStateException ignored) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }
}

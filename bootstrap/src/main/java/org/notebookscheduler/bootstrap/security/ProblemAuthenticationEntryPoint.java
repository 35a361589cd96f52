package org.notebookscheduler.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.notebookscheduler.adapters.web.error.ProblemResponses;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request without credentials, or with credentials that name nobody, is answered like every other
 * refusal of the API: problem JSON with {@code AUTHENTICATION_REQUIRED}, and the schemes it may use.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.addHeader("WWW-Authenticate", "Basic realm=\"notebook-scheduler\"");
        response.addHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemResponses.json(HttpServletResponse.SC_UNAUTHORIZED,
                ErrorCode.AUTHENTICATION_REQUIRED, "sign in: HTTP basic with a configured user, or a bearer token",
                request.getRequestURI()));
    }
}

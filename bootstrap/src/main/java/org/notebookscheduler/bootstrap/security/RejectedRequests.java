package org.notebookscheduler.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.notebookscheduler.adapters.web.error.ProblemResponses;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses a URL with an encoded slash, a semicolon or other characters
 * that can smuggle a path past a rule; that refusal is answered like every other of the API:
 * problem JSON, 400, {@code REQUEST_MALFORMED}. The firewall itself stays strict.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RequestRejectedHandler.class)
public class RejectedRequests {

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return RejectedRequests::reject;
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemResponses.json(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.REQUEST_MALFORMED,
                "the URL holds what the API does not take (an encoded slash, a semicolon, a double slash)",
                request.getRequestURI()));
    }
}

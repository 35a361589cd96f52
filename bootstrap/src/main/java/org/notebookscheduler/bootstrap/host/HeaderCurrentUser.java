package org.notebookscheduler.bootstrap.host;

import jakarta.servlet.http.HttpServletRequest;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The standalone app's user: whoever the {@code X-Notebook-User} header names, an admin when
 * {@code X-Notebook-Admin: true}. It trusts the caller, which is fine behind the notebook backend
 * or on a laptop and wrong anywhere else: a host replaces it with its own {@code CurrentUser}.
 */
final class HeaderCurrentUser implements CurrentUser {

    static final String USER_HEADER = "X-Notebook-User";
    static final String ADMIN_HEADER = "X-Notebook-Admin";

    @Override
    public Actor get() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, USER_HEADER, "no user outside a request");
        }
        HttpServletRequest request = servlet.getRequest();
        String name = request.getHeader(USER_HEADER);
        if (name == null || name.isBlank()) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, USER_HEADER,
                    "no user: send the " + USER_HEADER + " header (the host application normally says who is acting)");
        }
        return new Actor(name.strip(), "true".equalsIgnoreCase(request.getHeader(ADMIN_HEADER)));
    }
}

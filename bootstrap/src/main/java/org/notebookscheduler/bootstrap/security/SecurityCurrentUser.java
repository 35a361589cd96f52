package org.notebookscheduler.bootstrap.security;

import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The standalone app's user: whoever Spring Security authenticated; an admin by role. */
final class SecurityCurrentUser implements CurrentUser {

    private final String adminAuthority;

    SecurityCurrentUser(String adminRole) {
        this.adminAuthority = "ROLE_" + adminRole;
    }

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new RefusedException(ErrorCode.AUTHENTICATION_REQUIRED, null, "no authenticated user");
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> adminAuthority.equals(authority.getAuthority()));
        return new Actor(authentication.getName(), admin);
    }
}

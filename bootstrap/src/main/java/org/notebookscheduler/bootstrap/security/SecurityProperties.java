package org.notebookscheduler.bootstrap.security;

import java.util.List;
import java.util.Map;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notebook.scheduler.security.*: who may use the standalone app's API. A host that embeds
 * the module has its own security and provides its own CurrentUser; none of this applies.
 *
 * @param users                     users for HTTP basic, by name
 * @param tokens                    API tokens for Authorization: Bearer, by the user they act as
 * @param adminRole                 the role that makes a user an admin (sees and changes every schedule)
 * @param jwtRolesClaim             with an OIDC issuer, the claim that lists a user's roles
 * @param jwtNameClaim              with an OIDC issuer, the claim that names the user
 * @param initialAdminPasswordFile  with no user, token or issuer configured, an admin user is
 *                                  made with a generated password kept in this file (never logged)
 * @param trustUserHeader           development only: believe the X-Notebook-User and
 *                                  X-Notebook-Admin headers and check no credentials at all
 */
@ConfigurationProperties("notebook.scheduler.security")
public record SecurityProperties(
        Map<String, User> users,
        Map<String, Token> tokens,
        @DefaultValue("ADMIN") String adminRole,
        @DefaultValue("roles") String jwtRolesClaim,
        @DefaultValue("sub") String jwtNameClaim,
        @DefaultValue("./data/initial-admin-password") String initialAdminPasswordFile,
        @DefaultValue("false") boolean trustUserHeader) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /**
     * @param password in Spring Security's stored form: {bcrypt$2a$…} (or {noop…} for a test)
     * @param roles    e.g. ADMIN
     */
    public record User(Secret password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param token the bearer token itself, a secret
     * @param roles e.g. ADMIN
     */
    public record Token(Secret token, List<String> roles) {

        public Token {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}

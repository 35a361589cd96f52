package org.notebookscheduler.bootstrap.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * API tokens from configuration ({@code notebook.scheduler.security.tokens.<user>.token}) as bearer
 * tokens: each token acts as its user with its roles. Every configured token is compared, in time
 * that does not depend on where they differ, so a guess learns nothing from the answer's timing.
 */
final class ConfiguredTokens implements OpaqueTokenIntrospector {

    private final Map<String, SecurityProperties.Token> tokens;

    ConfiguredTokens(Map<String, SecurityProperties.Token> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String presented) {
        Map.Entry<String, SecurityProperties.Token> match = null;
        for (Map.Entry<String, SecurityProperties.Token> token : tokens.entrySet()) {
            if (token.getValue().token().matches(presented) && match == null) {
                match = token;
            }
        }
        if (match == null) {
            throw new BadOpaqueTokenException("the bearer token is not one of notebook.scheduler.security.tokens");
        }
        List<GrantedAuthority> authorities = match.getValue().roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new DefaultOAuth2AuthenticatedPrincipal(match.getKey(), Map.of("sub", match.getKey()), authorities);
    }
}

package org.notebookscheduler.bootstrap.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may use the standalone app's API: users from configuration over HTTP basic, API tokens as
 * bearer tokens, or, when an OIDC issuer is configured (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}), its JWTs; an admin by role. The callback keeps
 * its own per-task credential, health and the API's document need none. Stateless: no session, no
 * cookie, so no CSRF to guard against. With nothing configured, the first user is {@code admin} with
 * a generated password kept in a file ({@link InitialAdmin}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnBooleanProperty(name = "notebook.scheduler.security.trust-user-header", havingValue = false,
        matchIfMissing = true)
@EnableConfigurationProperties(SecurityProperties.class)
public class StandaloneSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSecurityConfiguration.class);
    static final String[] OPEN = {"/api/schedule/execution", "/actuator/health", "/actuator/health/**",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @ConditionalOnMissingBean
    CurrentUser currentUser(SecurityProperties properties) {
        return new SecurityCurrentUser(properties.adminRole());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService notebookSchedulerUsers(SecurityProperties properties, PasswordEncoder encoder,
            ObjectProvider<JwtDecoder> jwt) {
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> users.add(User.withUsername(name)
                .password(user.password().reveal()).roles(user.roles().toArray(String[]::new)).build()));
        if (users.isEmpty() && properties.tokens().isEmpty() && jwt.getIfAvailable() == null) {
            Path file = Path.of(properties.initialAdminPasswordFile()).toAbsolutePath().normalize();
            String password = InitialAdmin.password(file);
            LOG.warn("No user is configured (notebook.scheduler.security.users): the API's user is '{}', with the"
                    + " password in {}; configure your own users, tokens or an OIDC issuer", InitialAdmin.NAME, file);
            return new InitialAdminUsers(users, encoder, password, properties.adminRole());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain notebookSchedulerApi(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwt) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (jwt.getIfAvailable() != null) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(properties.jwtRolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            converter.setPrincipalClaimName(properties.jwtNameClaim());
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .jwt(token -> token.jwtAuthenticationConverter(converter)));
        } else if (!properties.tokens().isEmpty()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .opaqueToken(token -> token.introspector(new ConfiguredTokens(properties.tokens()))));
        }
        return http.build();
    }
}

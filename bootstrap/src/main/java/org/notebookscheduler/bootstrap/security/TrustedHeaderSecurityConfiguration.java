package org.notebookscheduler.bootstrap.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code notebook.scheduler.security.trust-user-header=true}, for development only: no credentials
 * are checked and the {@code X-Notebook-User} header says who acts (see the header user). Says so in
 * the log at every start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnBooleanProperty("notebook.scheduler.security.trust-user-header")
public class TrustedHeaderSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedHeaderSecurityConfiguration.class);

    @Bean
    SecurityFilterChain trustingEveryCaller(HttpSecurity http) throws Exception {
        LOG.warn("notebook.scheduler.security.trust-user-header=true: the API believes the X-Notebook-User and"
                + " X-Notebook-Admin headers and checks no credentials. Anyone who can reach it can act as anyone,"
                + " admin included. For development only.");
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).csrf(csrf -> csrf.disable())
                .build();
    }
}

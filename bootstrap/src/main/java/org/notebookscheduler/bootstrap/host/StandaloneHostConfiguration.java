package org.notebookscheduler.bootstrap.host;

import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the host (the notebook backend) normally provides, for when the module runs on its own:
 * each is replaced by a bean of the same type. They are honest stand-ins, not the real thing: see
 * each class. The user is Spring Security's ({@code StandaloneSecurityConfiguration}); only with the
 * development flag {@code notebook.scheduler.security.trust-user-header=true} is it the header's.
 * The runner is chosen by {@code notebook.scheduler.runner.*} ({@code RunnerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneHostConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("notebook.scheduler.security.trust-user-header")
    CurrentUser currentUser() {
        return new HeaderCurrentUser();
    }

    @Bean
    @ConditionalOnMissingBean
    NotebookCatalog notebookCatalog(CurrentUser currentUser) {
        return new UnverifiedNotebookCatalog(currentUser);
    }
}

package org.notebookscheduler.bootstrap.host;

import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the host (the notebook backend) normally provides, for when the module runs on its own:
 * each is replaced by the host's bean of the same type. They are honest stand-ins, not the real
 * thing: see each class. The runner is chosen by {@code notebook.scheduler.runner.*}
 * ({@code RunnerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneHostConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CurrentUser currentUser() {
        return new HeaderCurrentUser();
    }

    @Bean
    @ConditionalOnMissingBean
    NotebookCatalog notebookCatalog(CurrentUser currentUser) {
        return new UnverifiedNotebookCatalog(currentUser);
    }
}

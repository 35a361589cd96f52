package org.notebookscheduler.bootstrap.openapi;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With springdoc on the classpath (the standalone app has it), this module's operations are documented fully. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OperationCustomizer.class)
public class OpenApiConfiguration {

    @Bean
    OperationCustomizer notebookSchedulerProblems() {
        return new DocumentedProblems();
    }
}

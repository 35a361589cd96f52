package org.notebookscheduler.benchmarks.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context of an implementation that runs in Spring. This module's classpath
 * holds both this project's JPA stack and Spring Modulith; each context leaves out the other's
 * auto-configuration, so that each implementation runs as its own users would run it and neither
 * pays for the other's beans.
 */
final class SpringContexts {

    private SpringContexts() {
    }

    /**
     * @param leftOut package prefixes whose auto-configurations this context must not apply
     * @param singletons objects made outside the context (the sink), by the bean names to give them
     */
    static ConfigurableApplicationContext run(Class<?> application, Map<String, Object> settings,
            List<String> leftOut, Map<String, Object> singletons) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.autoconfigure.exclude", String.join(",", autoConfigurationsUnder(leftOut)));
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).properties(properties)
                .initializers(context -> singletons.forEach(context.getBeanFactory()::registerSingleton)).run();
    }

    private static List<String> autoConfigurationsUnder(List<String> packagePrefixes) {
        return ImportCandidates.load(AutoConfiguration.class, SpringContexts.class.getClassLoader()).getCandidates()
                .stream().filter(name -> packagePrefixes.stream().anyMatch(name::startsWith)).toList();
    }
}

package org.notebookscheduler.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The module run on its own: an embedded H2 database under ./data, the REST API, the callback and
 * the health endpoint. Its defaults ({@code notebook-scheduler-standalone.properties}) sit below
 * everything else, so any property can be overridden on the command line or in an
 * application.properties; a host that embeds the module gets none of them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ImportAutoConfiguration(StandaloneAutoConfiguration.class)
public class NotebookSchedulerApplication {

    static final String STANDALONE_DEFAULTS = "/notebook-scheduler-standalone.properties";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(NotebookSchedulerApplication.class);
        application.setDefaultProperties(standaloneDefaults());
        return application;
    }

    static Properties standaloneDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = NotebookSchedulerApplication.class.getResourceAsStream(STANDALONE_DEFAULTS)) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }
}

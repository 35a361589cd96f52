package org.notebookscheduler.bootstrap;

import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The module run on its own: an embedded H2 database under ./data, the health endpoint, the scheduler wiring. */
@SpringBootApplication
@Import(PersistenceConfiguration.class)
public class NotebookSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotebookSchedulerApplication.class, args);
    }
}

package org.notebookscheduler.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The module run on its own: an embedded H2 database under ./data, the health endpoint, the scheduler wiring. */
@SpringBootApplication
public class NotebookSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotebookSchedulerApplication.class, args);
    }
}

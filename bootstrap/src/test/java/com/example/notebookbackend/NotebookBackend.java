package com.example.notebookbackend;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.shared.Actor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A notebook backend as a host would be: its own entity, repository, controller and scheduled job,
 * in its own package, with the notebook-scheduler starter on its classpath and the three ports it
 * must provide. Its Clock is its own too, which the module must take rather than add a second one.
 */
@SpringBootApplication
@EnableScheduling
public class NotebookBackend {

    static final AtomicInteger TICKS = new AtomicInteger();

    @Bean
    Clock hostClock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }

    @Bean
    CurrentUser backendUser() {
        return () -> new Actor("alice", false);
    }

    @Bean
    NotebookCatalog backendCatalog(NotebookRepository notebooks) {
        return (type, id) -> notebooks.findById(Long.parseLong(id)).map(notebook -> new NotebookCatalog.Entry(type, id,
                notebook.getTitle(), "alice", null));
    }

    @Bean
    NotebookRunner backendRunner() {
        return request -> new NotebookRunner.Outcome(true, request.owner(), Instant.now(), Instant.now(), null);
    }

    @Scheduled(fixedDelay = 50)
    void tick() {
        TICKS.incrementAndGet();
    }
}

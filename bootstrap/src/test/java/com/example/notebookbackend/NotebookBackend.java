package com.example.notebookbackend;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.shared.Actor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
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

    /** The backend says who is acting; {@code backend.provides-user=false} plays a backend that forgot to. */
    @Bean
    @ConditionalOnProperty(name = "backend.provides-user", havingValue = "true", matchIfMissing = true)
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

    /** The backend's own security (here: none required), which the module leaves as it is. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain backendSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).csrf(csrf -> csrf.disable())
                .build();
    }

    @Scheduled(fixedDelay = 50)
    void tick() {
        TICKS.incrementAndGet();
    }
}

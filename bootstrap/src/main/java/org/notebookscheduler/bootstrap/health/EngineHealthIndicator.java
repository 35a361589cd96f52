package org.notebookscheduler.bootstrap.health;

import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.EngineHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** One engine's own check, as Spring Boot's health endpoint shows it. */
final class EngineHealthIndicator implements HealthIndicator {

    private final Engine engine;

    EngineHealthIndicator(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        EngineHealth.Check check = engine.health().check();
        return (check.up() ? Health.up() : Health.down()).withDetails(check.details()).build();
    }
}

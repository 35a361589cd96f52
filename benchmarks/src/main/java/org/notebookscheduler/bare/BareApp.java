package org.notebookscheduler.bare;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The startup benchmark's baseline: a bare Spring Boot web app with JPA, Flyway and the health
 * endpoint, one entity and one repository ({@link Notes}), on the same database as the module's app.
 * Outside the harnesses' package: their Spring contexts scan theirs, and would find its entity.
 */
@SpringBootApplication
public class BareApp {

    @Entity
    @Table(name = "bare_note")
    public static class Note {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
    }
}

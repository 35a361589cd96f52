package org.notebookscheduler.adapters.persistence;

import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link NotebookSchedulerSchema} initialises the database, so that JPA, the
 * JDBC templates and everything else Boot knows to need an initialised database wait for it, as they
 * wait for a host's own Flyway. Ordered after every other initialiser: a host's Flyway that finds
 * this module's tables in a database it has never migrated refuses to start (a non-empty schema
 * without its history), so on a fresh database the host's migrations go first.
 */
public final class NotebookSchedulerSchemaDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(NotebookSchedulerSchema.class);
    }
}

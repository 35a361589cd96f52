package org.notebookscheduler.adapters.persistence;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The persistence adapter: the stores, the audit log, the outbox and transactions. Import it next to
 * Spring Boot's DataSource, JPA and Flyway auto-configuration; the schema is Flyway's
 * ({@code notebook-scheduler-db}), Hibernate only validates it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableJpaRepositories
@EntityScan
public class PersistenceConfiguration {
}

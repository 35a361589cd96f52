package org.notebookscheduler.adapters.persistence;

import javax.sql.DataSource;
import org.notebookscheduler.adapters.persistence.audit.JpaAuditLog;
import org.notebookscheduler.adapters.persistence.audit.ScheduleEventRepository;
import org.notebookscheduler.adapters.persistence.execution.ExecutionResultRepository;
import org.notebookscheduler.adapters.persistence.execution.JdbcAttemptClaims;
import org.notebookscheduler.adapters.persistence.execution.JpaExecutionStore;
import org.notebookscheduler.adapters.persistence.outbox.JdbcDestinationPacing;
import org.notebookscheduler.adapters.persistence.outbox.JpaNotificationOutbox;
import org.notebookscheduler.adapters.persistence.outbox.NotificationRepository;
import org.notebookscheduler.adapters.persistence.schedule.JpaScheduleStore;
import org.notebookscheduler.adapters.persistence.schedule.ScheduleRepository;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.Transactions;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The persistence adapter: the stores, the audit log, the outbox and transactions, each replaceable
 * by a bean of the host's. Import it next to Spring Boot's DataSource and JPA auto-configuration.
 *
 * <p>It scans nothing and switches none of Boot's scanning off: its package is added to Boot's
 * auto-configuration packages, so Boot's own entity and repository scanning finds this module's
 * entities and repositories beside the host's. The schema is this module's own Flyway migration
 * ({@link NotebookSchedulerSchema}); Hibernate only validates it.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage(basePackageClasses = PersistenceConfiguration.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PersistenceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NotebookSchedulerSchema notebookSchedulerSchema(DataSource dataSource) {
        return new NotebookSchedulerSchema(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    ScheduleStore scheduleStore(ScheduleRepository repository) {
        return new JpaScheduleStore(repository);
    }

    @Bean
    @ConditionalOnMissingBean
    ExecutionStore executionStore(ExecutionResultRepository repository) {
        return new JpaExecutionStore(repository);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog auditLog(ScheduleEventRepository repository) {
        return new JpaAuditLog(repository);
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationOutbox notificationOutbox(NotificationRepository repository, NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        return new JpaNotificationOutbox(repository, jdbc, transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    AttemptClaims attemptClaims(JdbcTemplate jdbc) {
        return new JdbcAttemptClaims(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    DestinationPacing destinationPacing(JdbcTemplate jdbc) {
        return new JdbcDestinationPacing(jdbc);
    }
}

package org.notebookscheduler.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and upgrades this module's tables, with Flyway, apart from anything the host migrates:
 * its own scripts ({@value #LOCATION}, or {@value #POSTGRESQL_LOCATION}) and its own history table
 * ({@value #HISTORY_TABLE}), so a
 * host's Flyway (whose default location is {@code db/migration}) neither runs them nor sees them.
 * Runs before anything that uses the database (see {@link NotebookSchedulerSchemaDetector}).
 */
public final class NotebookSchedulerSchema implements InitializingBean {

    /** H2 (MySQL mode), MySQL 8 and MariaDB share one set of scripts; PostgreSQL has its own. */
    public static final String LOCATION = "classpath:db/notebook-scheduler/mysql";
    public static final String POSTGRESQL_LOCATION = "classpath:db/notebook-scheduler/postgresql";
    public static final String HISTORY_TABLE = "ns_schema_history";

    private final DataSource dataSource;

    public NotebookSchedulerSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        // The schema is usually the host's too: its tables are no reason to refuse. A baseline at
        // version 0 starts this module's history, and every migration of ours is then applied.
        Flyway.configure().dataSource(dataSource).locations(location(dataSource)).table(HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    static String location(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? POSTGRESQL_LOCATION : LOCATION;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is to migrate it: " + e.getMessage(), e);
        }
    }
}

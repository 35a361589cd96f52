package org.notebookscheduler.adapters.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and upgrades this module's tables, with Flyway, apart from anything the host migrates:
 * its own scripts ({@value #LOCATION}) and its own history table ({@value #HISTORY_TABLE}), so a
 * host's Flyway (whose default location is {@code db/migration}) neither runs them nor sees them.
 * Runs before anything that uses the database (see {@link NotebookSchedulerSchemaDetector}).
 */
public final class NotebookSchedulerSchema implements InitializingBean {

    public static final String LOCATION = "classpath:db/notebook-scheduler/mysql";
    public static final String HISTORY_TABLE = "ns_schema_history";

    private final DataSource dataSource;

    public NotebookSchedulerSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        // The schema is usually the host's too: its tables are no reason to refuse. A baseline at
        // version 0 starts this module's history, and every migration of ours is then applied.
        Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE).baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }
}

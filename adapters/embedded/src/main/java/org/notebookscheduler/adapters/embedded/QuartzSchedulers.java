package org.notebookscheduler.adapters.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The embedded engine's Quartz scheduler: JDBC job store over the application's data source, the
 * {@code NS_QRTZ_} tables, clustered (every instance with the same database is one cluster, and
 * each trigger fires on exactly one of them). It is kept out of Quartz's JVM-wide registry, so it
 * never meets a host application's own Quartz scheduler, and several can live in one JVM (tests).
 */
public final class QuartzSchedulers {

    static final String NAME = "notebook-scheduler";

    private QuartzSchedulers() {
    }

    /**
     * A scheduler not yet started: {@link EmbeddedEngine} starts it once the jobs it fires can be
     * handed over.
     *
     * @param instanceId   this instance's name in the cluster; unique per instance
     * @param threads      Quartz's own threads; they only hand fires to the run launcher
     * @param checkin      how often the instance tells the cluster it lives; another instance
     *                     takes over its fires after a few missed check-ins
     * @param misfire      how late a fire may be before it counts as missed (then it fires once,
     *                     now, and the cron goes on)
     */
    public static Scheduler clustered(DataSource dataSource, String instanceId, int threads, Duration checkin,
            Duration misfire) throws SchedulerException {
        String connections = "notebook-scheduler-" + instanceId;
        DBConnectionManager.getInstance().addConnectionProvider(connections, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the data source is the application's to close
            }

            @Override
            public void initialize() {
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(dataSource));
        properties.setProperty("org.quartz.jobStore.dataSource", connections);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "NS_QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        // Without it an instance reads a due trigger, then marks it acquired if it is still WAITING; when
        // another instance fired it in between (and put it back to WAITING for its next time), the
        // first fires it again for the time it read: a double fire, seen with 1,000 triggers due at once
        // on two instances (MariaDB and H2). Acquiring under the cluster's trigger lock closes that gap.
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkin.toMillis()));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(misfire.toMillis()));
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        SchedulerRepository.getInstance().remove(NAME);
        return scheduler;
    }

    /** PostgreSQL keeps job data in BYTEA, which only Quartz's PostgreSQL delegate reads; the others take the standard one. */
    static String delegate(DataSource dataSource) throws SchedulerException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres") ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        } catch (SQLException e) {
            throw new SchedulerException("cannot tell which database the embedded engine's tables are in", e);
        }
    }
}

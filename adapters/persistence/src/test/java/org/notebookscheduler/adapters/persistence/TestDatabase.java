package org.notebookscheduler.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A database of its own for one test class, migrated by Flyway and validated by Hibernate, with the
 * persistence adapter running on it.
 *
 * <ul>
 *   <li>{@link #h2()}: an in-memory H2 database in MySQL mode, as the app uses by default.</li>
 *   <li>{@link #mariaDb()}: the database named by {@code NOTEBOOK_SCHEDULER_TEST_JDBC_URL} (with
 *       {@code _USER} and {@code _PASSWORD}) when set; otherwise a fresh database on the local
 *       server at 127.0.0.1:3306 (root, no password), created here and dropped afterwards.
 *       Unreachable: skipped with the reason printed, or failed when {@code CI=true}.</li>
 *   <li>{@link #mysqlContainer()}: MySQL 8 in a Testcontainers container where Docker runs;
 *       skipped with the reason printed where it does not.</li>
 * </ul>
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String[] TABLES_CHILD_FIRST = {"schedule_task_upstream", "schedule_task_parameter",
        "schedule_task", "schedule", "schedule_event_change", "schedule_event", "execution_result",
        "notification_attempt", "notification_outbox", "execution_claim", "destination_pace", "engine_task_run",
        "engine_run", "NS_QRTZ_FIRED_TRIGGERS", "NS_QRTZ_PAUSED_TRIGGER_GRPS", "NS_QRTZ_SCHEDULER_STATE", "NS_QRTZ_LOCKS",
        "NS_QRTZ_SIMPLE_TRIGGERS", "NS_QRTZ_SIMPROP_TRIGGERS", "NS_QRTZ_CRON_TRIGGERS", "NS_QRTZ_BLOB_TRIGGERS",
        "NS_QRTZ_TRIGGERS", "NS_QRTZ_JOB_DETAILS", "NS_QRTZ_CALENDARS"};

    private enum Kind { H2, MARIADB, POSTGRESQL, MYSQL_CONTAINER }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class PersistenceTestApp {
    }

    private final Kind kind;
    private String owner;
    private ConfigurableApplicationContext context;
    private String adminUrl;
    private String adminUser;
    private String createdDatabase;
    private MySQLContainer container;

    private TestDatabase(Kind kind) {
        this.kind = kind;
    }

    public static TestDatabase h2() {
        return new TestDatabase(Kind.H2);
    }

    public static TestDatabase mariaDb() {
        return new TestDatabase(Kind.MARIADB);
    }

    public static TestDatabase postgreSql() {
        return new TestDatabase(Kind.POSTGRESQL);
    }

    public static TestDatabase mysqlContainer() {
        return new TestDatabase(Kind.MYSQL_CONTAINER);
    }

    /**
     * Nested test classes inherit the extension and call it again; the database belongs to the
     * outermost class, set up once before it and dropped once after it.
     */
    @Override
    public void beforeAll(ExtensionContext extension) {
        if (owner != null) {
            return;
        }
        owner = extension.getUniqueId();
        Map<String, Object> datasource = switch (kind) {
            case H2 -> Map.of("spring.datasource.url", "jdbc:h2:mem:ns_" + shortId()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "spring.datasource.username", "sa", "spring.datasource.password", "");
            case MARIADB -> mariaDbDatasource();
            case POSTGRESQL -> postgreSqlDatasource();
            case MYSQL_CONTAINER -> containerDatasource();
        };
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("spring.jpa.properties.hibernate.generate_statistics", "true");
        properties.put("logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener", "WARN");
        properties.put("spring.main.banner-mode", "off");
        // the module migrates its own tables (NotebookSchedulerSchema); Boot's Flyway has nothing to do here
        properties.put("spring.flyway.enabled", "false");
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        context = new SpringApplicationBuilder(PersistenceTestApp.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    @Override
    public void afterAll(ExtensionContext extension) throws SQLException {
        if (!extension.getUniqueId().equals(owner)) {
            return;
        }
        if (context != null) {
            context.close();
        }
        if (createdDatabase != null) {
            try (Connection connection = DriverManager.getConnection(adminUrl, adminUser, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + createdDatabase
                        + (kind == Kind.POSTGRESQL ? " WITH (FORCE)" : ""));
            }
        }
        if (container != null) {
            container.stop();
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Empties every table, so each test starts from an empty database. */
    public void clean() {
        for (String table : TABLES_CHILD_FIRST) {
            jdbc().update("DELETE FROM " + table);
        }
    }

    private Map<String, Object> mariaDbDatasource() {
        String url = System.getenv("NOTEBOOK_SCHEDULER_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("spring.datasource.url", url,
                    "spring.datasource.username", envOr("NOTEBOOK_SCHEDULER_TEST_JDBC_USER", "root"),
                    "spring.datasource.password", envOr("NOTEBOOK_SCHEDULER_TEST_JDBC_PASSWORD", ""));
        }
        adminUrl = "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=2000";
        adminUser = "root";
        String database = "ns_test_" + shortId();
        try (Connection connection = DriverManager.getConnection(adminUrl, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            unavailable("MariaDB at 127.0.0.1:3306 (root, no password) cannot be reached: " + e.getMessage()
                    + "; set NOTEBOOK_SCHEDULER_TEST_JDBC_URL to test against another database", true);
        }
        createdDatabase = database;
        return Map.of("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3306/" + database,
                "spring.datasource.username", "root", "spring.datasource.password", "");
    }

    /** The local PostgreSQL (user postgres, trust authentication): a database of its own, dropped afterwards. */
    private Map<String, Object> postgreSqlDatasource() {
        adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2";
        adminUser = "postgres";
        String database = "ns_test_" + shortId();
        try (Connection connection = DriverManager.getConnection(adminUrl, adminUser, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            unavailable("PostgreSQL at 127.0.0.1:5432 (user postgres, trust) cannot be reached: " + e.getMessage(),
                    true);
        }
        createdDatabase = database;
        return Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "spring.datasource.username", adminUser, "spring.datasource.password", "");
    }

    private Map<String, Object> containerDatasource() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            unavailable("Docker is not available, so the Testcontainers MySQL 8 run is skipped", false);
        }
        container = new MySQLContainer("mysql:8.4");
        container.start();
        return Map.of("spring.datasource.url", container.getJdbcUrl(),
                "spring.datasource.username", container.getUsername(),
                "spring.datasource.password", container.getPassword());
    }

    /** Skips, saying why; in CI a required database that is missing fails the run instead. */
    private static void unavailable(String reason, boolean requiredInCi) {
        if (requiredInCi && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the real-database tests, but " + reason);
        }
        System.out.println("[notebook-scheduler] skipping real-database tests: " + reason);
        throw new TestAbortedException(reason);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}

package org.notebookscheduler.benchmarks.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one run (or one round), on the local MariaDB or PostgreSQL server (root
 * or postgres, no password), or in H2's memory; created at the start and dropped at the end, so that
 * a run neither sees nor leaves anything of another's.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    public enum Server {
        // in memory, kept until the JVM ends; MySQL mode, as the module's H2 tests run it
        H2("jdbc:h2:mem:", null, "sa", null, null),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "", "root",
                "CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "DROP DATABASE IF EXISTS %s"),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres", "postgres", "CREATE DATABASE %s",
                // connections a failed run left open would otherwise keep the database
                "DROP DATABASE IF EXISTS %s WITH (FORCE)");

        private final String urlPrefix;
        private final String adminDatabase;
        private final String user;
        private final String create;
        private final String drop;

        Server(String urlPrefix, String adminDatabase, String user, String create, String drop) {
            this.urlPrefix = urlPrefix;
            this.adminDatabase = adminDatabase;
            this.user = user;
            this.create = create;
            this.drop = drop;
        }

        public static Server named(String name) {
            return switch (name) {
                case "h2" -> H2;
                case "mariadb" -> MARIADB;
                case "postgresql" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("database must be h2, mariadb or postgresql, not " + name);
            };
        }
    }

    private final Server server;
    private final String name;

    private BenchmarkDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** @param serverName h2, mariadb or postgresql */
    public static BenchmarkDatabase create(String serverName) throws SQLException {
        Server server = Server.named(serverName);
        BenchmarkDatabase database = new BenchmarkDatabase(server,
                "ns_bench_" + UUID.randomUUID().toString().substring(0, 8));
        database.admin(server.create);
        return database;
    }

    public Server server() {
        return server;
    }

    public String url() {
        return server == Server.H2
                ? server.urlPrefix + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
                : server.urlPrefix + name;
    }

    public String user() {
        return server.user;
    }

    /** Spring Boot's properties for this database, with Boot's default pool. */
    public Map<String, Object> springDataSource() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", user(),
                "spring.datasource.password", "");
    }

    /** Spring Boot's properties for a pool of {@code poolSize} connections to this database. */
    public Map<String, Object> springDataSource(int poolSize, String poolName) {
        Map<String, Object> properties = new java.util.HashMap<>(springDataSource());
        properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
        properties.put("spring.datasource.hikari.pool-name", poolName);
        return Map.copyOf(properties);
    }

    /**
     * The same pool as {@link #springDataSource}, for an implementation that runs outside Spring;
     * its transactions run at READ COMMITTED, PostgreSQL's default and not MariaDB's.
     */
    public HikariDataSource newReadCommittedPool(int poolSize, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    private void admin(String statementFormat) throws SQLException {
        if (statementFormat == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(server.urlPrefix + server.adminDatabase, server.user, "");
                Statement statement = admin.createStatement()) {
            statement.execute(statementFormat.formatted(name));
        }
    }

    /** Drops the database (H2's stays in memory until the JVM ends). */
    @Override
    public void close() throws SQLException {
        admin(server.drop);
    }
}

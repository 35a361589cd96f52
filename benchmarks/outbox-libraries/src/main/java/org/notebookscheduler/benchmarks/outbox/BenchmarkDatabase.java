package org.notebookscheduler.benchmarks.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one run, on the local MariaDB or PostgreSQL server, created at the start
 * and dropped at the end, so that a run neither sees nor leaves anything of another's. All three
 * implementations share it, each with its own tables and its own pool of the same size.
 */
final class BenchmarkDatabase implements AutoCloseable {

    enum Server {
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

        static Server named(String name) {
            return switch (name) {
                case "mariadb" -> MARIADB;
                case "postgresql" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("database must be mariadb or postgresql, not " + name);
            };
        }
    }

    private final Server server;
    private final String name;

    private BenchmarkDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    static BenchmarkDatabase create(String serverName) throws SQLException {
        Server server = Server.named(serverName);
        BenchmarkDatabase database = new BenchmarkDatabase(server,
                "ns_bench_" + UUID.randomUUID().toString().substring(0, 8));
        database.admin(server.create);
        return database;
    }

    Server server() {
        return server;
    }

    String url() {
        return server.urlPrefix + name;
    }

    String user() {
        return server.user;
    }

    /** Spring Boot's properties for a pool of {@code poolSize} connections to this database. */
    Map<String, Object> springDataSource(int poolSize, String poolName) {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", user(),
                "spring.datasource.password", "", "spring.datasource.hikari.maximum-pool-size", poolSize,
                "spring.datasource.hikari.pool-name", poolName);
    }

    /**
     * The same pool as {@link #springDataSource}, for an implementation that runs outside Spring;
     * its transactions run at READ COMMITTED, PostgreSQL's default and not MariaDB's.
     */
    HikariDataSource newReadCommittedPool(int poolSize, String poolName) {
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
        try (Connection admin = DriverManager.getConnection(server.urlPrefix + server.adminDatabase, server.user, "");
                Statement statement = admin.createStatement()) {
            statement.execute(statementFormat.formatted(name));
        }
    }

    @Override
    public void close() throws SQLException {
        admin(server.drop);
    }
}

package org.notebookscheduler.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * An insert that may meet an existing row, inside a transaction that goes on either way. The insert
 * runs under a savepoint and a key violation rolls back to it: PostgreSQL aborts the whole
 * transaction on any failed statement, where MySQL, MariaDB and H2 fail only the statement.
 */
public final class InsertIfAbsent {

    private InsertIfAbsent() {
    }

    /**
     * @return true when the row was inserted, false when one with the same key was there
     * @throws org.springframework.dao.DataAccessException for any other failure
     */
    public static boolean insert(JdbcTemplate jdbc, String sql, Object... arguments) {
        Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint before = connection.setSavepoint();
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                new ArgumentPreparedStatementSetter(arguments).setValues(statement);
                statement.executeUpdate();
                connection.releaseSavepoint(before);
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    connection.rollback(before);
                    return false;
                }
                throw e;
            } finally {
                JdbcUtils.closeStatement(statement);
            }
        });
        return Boolean.TRUE.equals(inserted);
    }
}

package org.notebookscheduler.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The local MariaDB, or the database NOTEBOOK_SCHEDULER_TEST_JDBC_URL names; required when CI=true. */
class PersistenceOnMariaDbTest extends PersistenceSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariaDb();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

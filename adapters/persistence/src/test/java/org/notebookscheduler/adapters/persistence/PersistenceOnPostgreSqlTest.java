package org.notebookscheduler.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The local PostgreSQL at 127.0.0.1:5432 (user postgres); required when CI=true. */
class PersistenceOnPostgreSqlTest extends PersistenceSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgreSql();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

/** The local PostgreSQL; required when CI=true, skipped with the reason printed otherwise. */
class RunStoreOnPostgreSqlTest extends RunStoreSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgreSql();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

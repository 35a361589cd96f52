package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

/** The local MariaDB; required when CI=true, skipped with the reason printed otherwise. */
class RunStoreOnMariaDbTest extends RunStoreSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariaDb();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

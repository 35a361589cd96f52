package org.notebookscheduler.adapters.persistence.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

/** The local MariaDB; required when CI=true. */
class OutboxClaimOnMariaDbTest extends OutboxClaimSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariaDb();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

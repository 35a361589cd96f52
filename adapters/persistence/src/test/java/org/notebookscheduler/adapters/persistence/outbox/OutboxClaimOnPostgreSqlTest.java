package org.notebookscheduler.adapters.persistence.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

/** The local PostgreSQL; required when CI=true. */
class OutboxClaimOnPostgreSqlTest extends OutboxClaimSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgreSql();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

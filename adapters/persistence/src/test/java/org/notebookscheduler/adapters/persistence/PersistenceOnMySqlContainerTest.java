package org.notebookscheduler.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs where Docker does; skipped, with the reason printed, where it does not. */
class PersistenceOnMySqlContainerTest extends PersistenceSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mysqlContainer();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

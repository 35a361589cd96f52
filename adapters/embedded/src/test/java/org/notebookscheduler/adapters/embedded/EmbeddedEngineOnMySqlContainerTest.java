package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

/** MySQL 8 in a container: runs where Docker does; skipped, with the reason printed, where it does not. */
class EmbeddedEngineOnMySqlContainerTest extends EmbeddedEngineSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mysqlContainer();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

class EmbeddedEngineOnMariaDbTest extends EmbeddedEngineSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariaDb();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

class EmbeddedEngineOnPostgreSqlTest extends EmbeddedEngineSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgreSql();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

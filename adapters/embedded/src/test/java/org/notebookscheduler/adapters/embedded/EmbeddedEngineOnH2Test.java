package org.notebookscheduler.adapters.embedded;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;

class EmbeddedEngineOnH2Test extends EmbeddedEngineSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

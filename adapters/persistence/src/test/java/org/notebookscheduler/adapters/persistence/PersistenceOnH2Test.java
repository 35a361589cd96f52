package org.notebookscheduler.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** H2 in MySQL mode, the embedded default. */
class PersistenceOnH2Test extends PersistenceSuite {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase db() {
        return DATABASE;
    }
}

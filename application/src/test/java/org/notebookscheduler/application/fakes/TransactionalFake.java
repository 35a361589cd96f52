package org.notebookscheduler.application.fakes;

/** A fake whose state {@link FakeTransactions} can roll back, as a database would. */
public interface TransactionalFake {

    Object snapshot();

    void restore(Object snapshot);
}

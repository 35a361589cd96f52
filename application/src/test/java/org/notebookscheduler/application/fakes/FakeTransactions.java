package org.notebookscheduler.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.notebookscheduler.application.port.out.Transactions;

/**
 * Transactions over in-memory fakes: on failure every participant goes back to where it was when
 * the outermost transaction began. A nested call joins the outer transaction, as Spring's default does.
 */
public final class FakeTransactions implements Transactions {

    private final List<TransactionalFake> participants;
    private int depth;
    private int committed;
    private int rolledBack;

    public FakeTransactions(TransactionalFake... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        List<Object> snapshots = new ArrayList<>();
        participants.forEach(participant -> snapshots.add(participant.snapshot()));
        depth++;
        try {
            T result = work.get();
            committed++;
            return result;
        } catch (RuntimeException e) {
            for (int i = 0; i < participants.size(); i++) {
                participants.get(i).restore(snapshots.get(i));
            }
            rolledBack++;
            throw e;
        } finally {
            depth--;
        }
    }

    public synchronized int committed() {
        return committed;
    }

    public synchronized int rolledBack() {
        return rolledBack;
    }
}

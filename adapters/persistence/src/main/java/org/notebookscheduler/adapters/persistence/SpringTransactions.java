package org.notebookscheduler.adapters.persistence;

import java.util.function.Supplier;
import org.notebookscheduler.application.port.out.Transactions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's transactions are Spring's: one JPA transaction, joined by every store call inside it. */
public class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}

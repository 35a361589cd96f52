package org.notebookscheduler.application.contract;

import org.junit.jupiter.api.Nested;
import org.notebookscheduler.application.fakes.InMemoryAuditLog;
import org.notebookscheduler.application.fakes.InMemoryExecutionStore;
import org.notebookscheduler.application.fakes.InMemoryNotificationOutbox;
import org.notebookscheduler.application.fakes.InMemoryScheduleStore;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The fakes keep the same contracts as the real adapters, so tests over the fakes mean something. */
class InMemoryAdaptersContractTest {

    @Nested
    class ScheduleStoreInMemory extends ScheduleStoreContract {
        @Override
        protected ScheduleStore store() {
            return new InMemoryScheduleStore();
        }
    }

    @Nested
    class NotificationOutboxInMemory extends NotificationOutboxContract {
        @Override
        protected NotificationOutbox outbox() {
            return new InMemoryNotificationOutbox();
        }
    }

    @Nested
    class ExecutionStoreInMemory extends ExecutionStoreContract {
        @Override
        protected ExecutionStore store() {
            return new InMemoryExecutionStore();
        }

        @Override
        protected ScheduleId knownSchedule(String owner, String notebookId) {
            return ScheduleId.newId();
        }
    }

    @Nested
    class AuditLogInMemory extends AuditLogContract {
        @Override
        protected AuditLog log() {
            return new InMemoryAuditLog();
        }
    }

    @Nested
    class EngineFake extends EngineContract {
        private final org.notebookscheduler.application.fakes.FakeEngine fake =
                new org.notebookscheduler.application.fakes.FakeEngine();

        @Override
        protected org.notebookscheduler.application.port.out.Engine engine() {
            return fake.engine();
        }

        @Override
        protected void removeBehindTheBack(org.notebookscheduler.domain.schedule.Schedule schedule) {
            fake.deleteBehindTheBack(schedule.remote().orElseThrow());
        }
    }

    @Nested
    class AttemptClaimsInMemory extends AttemptClaimsContract {
        @Override
        protected org.notebookscheduler.application.port.out.AttemptClaims claims() {
            return new org.notebookscheduler.application.fakes.InMemoryAttemptClaims();
        }
    }

    @Nested
    class DestinationPacingInMemory extends DestinationPacingContract {
        @Override
        protected org.notebookscheduler.application.port.out.DestinationPacing pacing() {
            return new org.notebookscheduler.application.fakes.InMemoryDestinationPacing();
        }
    }
}

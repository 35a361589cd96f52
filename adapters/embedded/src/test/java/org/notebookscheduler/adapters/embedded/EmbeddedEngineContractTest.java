package org.notebookscheduler.adapters.embedded;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.notebookscheduler.adapters.persistence.TestDatabase;
import org.notebookscheduler.application.contract.EngineContract;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.domain.schedule.Schedule;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** The embedded engine keeps the contract every engine keeps, on a migrated H2 database. */
class EmbeddedEngineContractTest extends EngineContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    private final TestWorld world = new TestWorld();
    private Scheduler quartz;
    private EmbeddedEngine embedded;

    @BeforeEach
    void start() throws SchedulerException {
        DATABASE.clean();
        quartz = QuartzSchedulers.clustered(DATABASE.bean(DataSource.class), "contract", 1, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        embedded = new EmbeddedEngine(quartz, DATABASE.jdbc(), world.schedules, world.attempts,
                new EmbeddedSettings("contract", 2, Duration.ofSeconds(1), 3), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws SchedulerException {
        quartz.shutdown(false);
        embedded.close();
    }

    @Override
    protected Engine engine() {
        return embedded.engine();
    }

    @Override
    protected void removeBehindTheBack(Schedule schedule) {
        try {
            quartz.deleteJob(QuartzJobs.jobOf(schedule.id()));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.notebookscheduler.adapters.dolphinscheduler;

import org.junit.jupiter.api.AfterEach;
import org.notebookscheduler.application.contract.EngineContract;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.domain.schedule.Schedule;

/** DolphinScheduler keeps the contract every engine keeps, over the 1.3.9 simulator. */
class DolphinSchedulerEngineContractTest extends EngineContract {

    private final SimulatedDolphinScheduler simulator = new SimulatedDolphinScheduler();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Override
    protected Engine engine() {
        return simulator.engine();
    }

    /** The server's database emptied under the engine, as an operator's restore from an old backup would. */
    @Override
    protected void removeBehindTheBack(Schedule schedule) {
        simulator.reset();
    }
}

package org.notebookscheduler.application.port.out;

import java.util.Map;

/**
 * Whether an engine can do its work now, for operators (a health endpoint): DolphinScheduler
 * reachable with its token accepted, the embedded engine's scheduler running. Answers within the
 * engine's own deadline and never throws: a failure is a check that is down, saying why.
 */
public interface EngineHealth {

    Check check();

    /**
     * @param up      whether the engine can take and run schedules now
     * @param details what an operator needs to see, no secret among them
     */
    record Check(boolean up, Map<String, Object> details) {

        public Check {
            details = Map.copyOf(details);
        }
    }
}

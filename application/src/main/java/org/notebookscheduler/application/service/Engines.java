package org.notebookscheduler.application.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * The engines this instance runs, and which one serves a schedule: the one it was created on (its
 * {@link RemoteRef#scheduler()}), so that changing the default engine leaves existing schedules
 * where they are; new schedules go to the default.
 */
public final class Engines {

    private final Engine defaultEngine;
    private final Map<String, Engine> byName = new LinkedHashMap<>();

    /** @param defaultName the engine new schedules are created on; one of {@code engines} */
    public Engines(String defaultName, List<Engine> engines) {
        engines.forEach(engine -> {
            if (byName.putIfAbsent(engine.name(), engine) != null) {
                throw new IllegalArgumentException("two engines are named " + engine.name());
            }
        });
        this.defaultEngine = byName.get(defaultName);
        if (defaultEngine == null) {
            throw new IllegalArgumentException("the default engine " + defaultName + " is not among " + byName.keySet());
        }
    }

    /** One engine, the default, serving the schedules created on it. */
    public static Engines only(Engine only) {
        return new Engines(only.name(), List.of(only));
    }

    /** The names of the engines this instance runs, the default first. */
    public java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>(byName.keySet());
        names.remove(defaultEngine.name());
        names.add(0, defaultEngine.name());
        return java.util.List.copyOf(names);
    }

    /** Every engine this instance runs, the default first. */
    public List<Engine> all() {
        return names().stream().map(byName::get).toList();
    }

    /** Where new schedules are created. */
    public Engine forNewSchedules() {
        return defaultEngine;
    }

    /** The engine that holds the schedule; the default for one not yet on any engine. */
    public Engine of(Schedule schedule) {
        return schedule.remote().map(this::of).orElse(defaultEngine);
    }

    /**
     * The engine named in the link. A schedule created on an engine this instance does not run is
     * unavailable (503), not lost: configure that engine again and it is served as before.
     */
    public Engine of(RemoteRef ref) {
        Engine engine = byName.get(ref.scheduler());
        if (engine == null) {
            throw new EngineException(EngineException.Kind.UNAVAILABLE, "engine", "the schedule was created on the "
                    + ref.scheduler() + " engine, which this instance does not run (it runs " + byName.keySet()
                    + "); configure that engine to manage it");
        }
        return engine;
    }
}

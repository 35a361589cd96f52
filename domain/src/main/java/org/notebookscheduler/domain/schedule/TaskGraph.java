package org.notebookscheduler.domain.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * The tasks of a schedule as a DAG: names unique, every upstream known, no cycle, and each entity
 * at most once (a callback names its entity, so the entity must identify one task).
 */
final class TaskGraph {

    private TaskGraph() {
    }

    /** Returns the tasks in an order where every task comes after its upstream tasks. */
    static List<ScheduledTask> validate(List<ScheduledTask> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new RefusedException(ErrorCode.SCHEDULE_HAS_NO_TASKS, "tasks", "a schedule needs at least one task");
        }
        Map<String, ScheduledTask> byName = new LinkedHashMap<>();
        Map<String, Integer> indexOfEntity = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            ScheduledTask task = tasks.get(i);
            if (task == null) {
                throw new RefusedException(ErrorCode.FIELD_REQUIRED, "tasks[" + i + "]", "tasks[" + i + "] is required");
            }
            if (byName.putIfAbsent(task.name(), task) != null) {
                throw new RefusedException(ErrorCode.TASK_NAME_DUPLICATE, "tasks[" + i + "].name",
                        "task name '" + task.name() + "' is used twice");
            }
            Integer first = indexOfEntity.putIfAbsent(task.entity().key(), i);
            if (first != null) {
                throw new RefusedException(ErrorCode.ENTITY_ALREADY_SCHEDULED, "tasks[" + i + "].entity",
                        task.entity().key() + " is already task '" + tasks.get(first).name() + "' of this schedule");
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            for (String upstream : tasks.get(i).upstream()) {
                if (!byName.containsKey(upstream)) {
                    throw new RefusedException(ErrorCode.TASK_UPSTREAM_UNKNOWN, "tasks[" + i + "].upstream",
                            "task '" + tasks.get(i).name() + "' depends on unknown task '" + upstream + "'");
                }
            }
        }
        return topologicalOrder(byName);
    }

    private static List<ScheduledTask> topologicalOrder(Map<String, ScheduledTask> byName) {
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> downstream = new HashMap<>();
        byName.values().forEach(task -> {
            waitingFor.put(task.name(), task.upstream().size());
            task.upstream().forEach(up -> downstream.computeIfAbsent(up, k -> new ArrayList<>()).add(task.name()));
        });
        Deque<String> ready = new ArrayDeque<>();
        byName.keySet().stream().filter(name -> waitingFor.get(name) == 0).forEach(ready::add);
        List<ScheduledTask> ordered = new ArrayList<>(byName.size());
        while (!ready.isEmpty()) {
            String name = ready.poll();
            ordered.add(byName.get(name));
            for (String next : downstream.getOrDefault(name, List.of())) {
                if (waitingFor.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (ordered.size() < byName.size()) {
            List<String> inCycle = byName.keySet().stream().filter(name -> waitingFor.get(name) > 0).sorted().toList();
            throw new RefusedException(ErrorCode.TASK_DAG_CYCLE, "tasks",
                    "the tasks " + inCycle + " depend on each other in a cycle");
        }
        return ordered;
    }
}

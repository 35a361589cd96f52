package org.notebookscheduler.domain.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * One node of a schedule's DAG: a notebook or workflow run at a commit, with its own timeout and
 * retries, after the tasks named in {@code upstream}.
 *
 * @param commitId   the entity's version to run; null means the latest at run time
 * @param parameters user parameters handed to the run
 */
public record ScheduledTask(String name, EntityRef entity, String commitId, Duration timeout, int retries,
        Duration retryInterval, Set<String> upstream, Map<String, String> parameters) {

    /**
     * The longest task a run may take. DolphinScheduler's HTTP task waits at most 9999 s for the
     * callback to answer; the cap leaves room for the callback's own work after the run.
     */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(9600);
    public static final Duration DEFAULT_TIMEOUT = MAX_TIMEOUT;
    public static final int MAX_RETRIES = 100;
    public static final Duration MAX_RETRY_INTERVAL = Duration.ofDays(1);
    public static final int MAX_NAME_LENGTH = 100;
    /** The stored parameter value column is this wide. */
    public static final int MAX_PARAMETER_VALUE_LENGTH = 4000;

    /** Callback body fields the scheduler fills itself; a user parameter may not shadow them. */
    /** The scheduler's time parameters, handed to every run as the scheduler filled them in. */
    public static final List<String> TIME_PARAMETERS = List.of("system.biz.date", "system.biz.curdate",
            "system.datetime");
    public static final Set<String> RESERVED_PARAMETERS = Set.of("entity_type", "entity_id", "owner", "token",
            "commit_id", "timeout", "task_name", "schedule_id", "run_key");

    public ScheduledTask {
        name = Check.name(name, "name", MAX_NAME_LENGTH);
        Check.required(entity, "entity");
        commitId = Check.optionalText(commitId, "commitId", 128);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "timeoutSeconds", "timeoutSeconds must be positive");
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new RefusedException(ErrorCode.TASK_TIMEOUT_TOO_LONG, "timeoutSeconds",
                    "timeoutSeconds must be at most " + MAX_TIMEOUT.toSeconds() + ", was " + timeout.toSeconds());
        }
        Check.range(retries, 0, MAX_RETRIES, "retries");
        retryInterval = retryInterval == null ? Duration.ZERO : retryInterval;
        if (retryInterval.isNegative() || retryInterval.compareTo(MAX_RETRY_INTERVAL) > 0) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "retryIntervalSeconds",
                    "retryIntervalSeconds must be between 0 and " + MAX_RETRY_INTERVAL.toSeconds());
        }
        upstream = upstream == null ? Set.of() : Set.copyOf(new TreeSet<>(upstream));
        if (upstream.contains(name)) {
            throw new RefusedException(ErrorCode.TASK_DAG_CYCLE, "upstream", "task '" + name + "' depends on itself");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String key = Check.text(parameter.getKey(), "parameters", 128);
            if (RESERVED_PARAMETERS.contains(key)) {
                throw new RefusedException(ErrorCode.PARAMETER_RESERVED, "parameters." + key,
                        "parameter '" + key + "' is reserved for the scheduler's callback");
            }
            Check.required(parameter.getValue(), "parameters." + key);
            Check.optionalText(parameter.getValue(), "parameters." + key, MAX_PARAMETER_VALUE_LENGTH);
        }
    }

    /** A task with the defaults: no commit pin, the maximum timeout, no retries, no upstream. */
    public static ScheduledTask of(String name, EntityRef entity) {
        return new ScheduledTask(name, entity, null, null, 0, null, Set.of(), Map.of());
    }

    public ScheduledTask after(String... upstreamTasks) {
        return new ScheduledTask(name, entity, commitId, timeout, retries, retryInterval, Set.of(upstreamTasks),
                parameters);
    }

    public ScheduledTask withCommit(String commit) {
        return new ScheduledTask(name, entity, commit, timeout, retries, retryInterval, upstream, parameters);
    }

    public ScheduledTask withEntity(EntityRef otherEntity) {
        return new ScheduledTask(name, otherEntity, commitId, timeout, retries, retryInterval, upstream, parameters);
    }

    /** One line that tells two versions of this task apart in the audit trail. */
    public String describe() {
        return entity.key() + " '" + entity.name() + "'" + (commitId == null ? "" : " @" + commitId)
                + " timeout=" + timeout.toSeconds() + "s retries=" + retries + " every "
                + retryInterval.toMinutes() + "m after=" + upstream + " parameters=" + parameters.keySet();
    }
}

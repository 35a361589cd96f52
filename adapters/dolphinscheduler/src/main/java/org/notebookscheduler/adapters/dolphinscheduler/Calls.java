package org.notebookscheduler.adapters.dolphinscheduler;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.notebookscheduler.adapters.dolphinscheduler.api.Envelope;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Runs one API call: retries it when that is safe, checks the envelope's {@code code}, and turns
 * every failure into a {@link EngineException} that names the call, carries
 * DolphinScheduler's code and message, says whether retrying can help, and holds no token.
 *
 * <p>A read is retried on any transport failure or 5xx. A write is retried only when it never
 * reached the server (connection refused, unknown host): a write that timed out may have been
 * applied, and doing it again could create a second process or schedule.
 */
final class Calls {

    /** Status codes that mean "the thing you named is not there". */
    private static final Set<Integer> NOT_FOUND = Set.of(
            10008, // TASK_INSTANCE_NOT_FOUND
            10018, // PROJECT_NOT_FOUNT
            10022, // SCHEDULE_CRON_NOT_EXISTS
            10114, // QUERY_TASK_LIST_BY_PROCESS_INSTANCE_ID_ERROR: also an unknown instance id
            10116, // QUERY_PROCESS_INSTANCE_BY_ID_ERROR: also an unknown instance id
            50001, // PROCESS_INSTANCE_NOT_EXIST: also select-by-id of an unknown definition
            50003); // PROCESS_DEFINE_NOT_EXIST

    /** Codes of a server that cannot work right now, though the request was fine. */
    private static final Set<Integer> UNAVAILABLE = Set.of(
            10025); // MASTER_NOT_EXISTS

    /**
     * Codes that mean a lost race or a state conflict rather than a broken server: another change of
     * the same schedule got there first, or a run is in a state that forbids the command.
     */
    private static final Map<Integer, ErrorCode> CONFLICTS = Map.of(
            10106, ErrorCode.SCHEDULE_NAME_TAKEN, // VERIFY_PROCESS_DEFINITION_NAME_UNIQUE_ERROR on a rename
            50008, ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, // PROCESS_DEFINE_NOT_ALLOWED_EDIT: it went online meanwhile
            10023, ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, // SCHEDULE_CRON_ONLINE_FORBID_UPDATE: the same
            50005, ErrorCode.RUN_STATE_CONFLICT, // PROCESS_INSTANCE_ALREADY_CHANGED
            50006, ErrorCode.RUN_STATE_CONFLICT, // PROCESS_INSTANCE_STATE_OPERATION_ERROR
            50009, ErrorCode.RUN_STATE_CONFLICT); // PROCESS_INSTANCE_EXECUTING_COMMAND

    enum Safety { READ, WRITE }

    private final Retry reads;
    private final Retry writes;
    private final Redactor redactor;
    private final CallListener listener;

    Calls(DolphinSchedulerSettings settings, Redactor redactor) {
        this(settings, redactor, CallListener.NONE);
    }

    Calls(DolphinSchedulerSettings settings, Redactor redactor, CallListener listener) {
        this.redactor = redactor;
        this.listener = listener;
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0);
        this.reads = Retry.of("dolphinscheduler-reads", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts()).intervalFunction(backoff)
                .retryOnException(e -> e instanceof Failure failure && failure.kind() == Kind.UNAVAILABLE
                        && !Deadline.expired())
                .build());
        this.writes = Retry.of("dolphinscheduler-writes", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts()).intervalFunction(backoff)
                .retryOnException(e -> e instanceof Failure failure && failure.neverReachedServer()
                        && !Deadline.expired())
                .build());
    }

    /** The call's {@code data}, or a {@link EngineException} for a non-zero {@code code}. */
    <T> T data(String call, Safety safety, Supplier<Envelope<T>> request) {
        Envelope<T> envelope = envelope(call, safety, request);
        if (!envelope.succeeded()) {
            throw failure(call, envelope);
        }
        return envelope.data();
    }

    /** A conflict as the refusal the user can act on (409), anything else as {@link #refusal}. */
    RuntimeException failure(String call, Envelope<?> envelope) {
        ErrorCode conflict = CONFLICTS.get(envelope.code());
        if (conflict == null) {
            return refusal(call, envelope);
        }
        String field = conflict == ErrorCode.SCHEDULE_NAME_TAKEN ? "name" : null;
        String what = switch (conflict) {
            case SCHEDULE_NAME_TAKEN -> "the name is taken in DolphinScheduler by another process";
            case RUN_STATE_CONFLICT -> "the run is not in a state that allows this command";
            default -> "another change of this schedule reached DolphinScheduler at the same time; reload and retry";
        };
        return new RefusedException(conflict, field, what + " (DolphinScheduler " + call + " answered code "
                + envelope.code() + ": " + redactor.clean(envelope.msg()) + ")");
    }

    /** The whole envelope, for callers that treat some non-zero codes as an answer. */
    <T> Envelope<T> envelope(String call, Safety safety, Supplier<Envelope<T>> request) {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        Supplier<Envelope<T>> attempt = () -> observed(call, tries.incrementAndGet() > 1, request);
        return Retry.decorateSupplier(safety == Safety.READ ? reads : writes, attempt).get();
    }

    private <T> Envelope<T> observed(String call, boolean retry, Supplier<Envelope<T>> request) {
        long started = System.nanoTime();
        CallListener.Outcome outcome = CallListener.Outcome.UNAVAILABLE;
        try {
            Envelope<T> envelope = send(call, request);
            outcome = envelope.succeeded() ? CallListener.Outcome.SUCCESS : CallListener.Outcome.REFUSED;
            return envelope;
        } catch (Failure failure) {
            outcome = failure.kind() == Kind.UNAVAILABLE ? CallListener.Outcome.UNAVAILABLE : CallListener.Outcome.REFUSED;
            throw failure;
        } finally {
            listener.called(call, outcome, java.time.Duration.ofNanos(System.nanoTime() - started), retry);
        }
    }

    EngineException refusal(String call, Envelope<?> envelope) {
        Kind kind = NOT_FOUND.contains(envelope.code()) ? Kind.NOT_FOUND
                : UNAVAILABLE.contains(envelope.code()) ? Kind.UNAVAILABLE : Kind.REFUSED;
        return new EngineException(kind, call,
                "DolphinScheduler answered code " + envelope.code() + ": " + redactor.clean(envelope.msg()));
    }

    private <T> Envelope<T> send(String call, Supplier<Envelope<T>> request) {
        try {
            Envelope<T> envelope = request.get();
            if (envelope == null) {
                throw new Failure(Kind.UNAVAILABLE, call, "DolphinScheduler answered with an empty body", false);
            }
            return envelope;
        } catch (DolphinSchedulerHttpException e) {
            if (e.status() == 401) {
                throw new Failure(Kind.REFUSED, call, "DolphinScheduler refused the auth token (HTTP 401): it is unknown"
                        + " or expired; check notebook.scheduler.auth-token", false);
            }
            boolean serverError = e.status() >= 500;
            throw new Failure(serverError ? Kind.UNAVAILABLE : Kind.REFUSED, call,
                    "DolphinScheduler answered " + redactor.clean(e.getMessage()), false);
        } catch (RetryableException e) {
            if (Deadline.expired()) {
                throw new Failure(Kind.UNAVAILABLE, call, "DolphinScheduler did not answer within the deadline of "
                        + Deadline.budget() + " (notebook.scheduler.dolphinscheduler.request-deadline)", false);
            }
            boolean notSent = neverSent(e);
            throw new Failure(Kind.UNAVAILABLE, call, "cannot reach DolphinScheduler: "
                    + redactor.clean(rootMessage(e)), notSent);
        } catch (FeignException e) {
            throw new Failure(Kind.UNAVAILABLE, call, "unreadable answer from DolphinScheduler: "
                    + redactor.clean(rootMessage(e)), false);
        }
    }

    private static boolean neverSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A failed attempt, with what the retry policies need to know about it. */
    static final class Failure extends EngineException {

        private static final long serialVersionUID = 1L;

        private final boolean neverReachedServer;

        Failure(Kind kind, String call, String message, boolean neverReachedServer) {
            super(kind, call, message);
            this.neverReachedServer = neverReachedServer;
        }

        boolean neverReachedServer() {
            return neverReachedServer;
        }
    }
}

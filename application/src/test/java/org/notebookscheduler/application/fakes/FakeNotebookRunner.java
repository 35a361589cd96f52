package org.notebookscheduler.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.notebookscheduler.application.port.out.NotebookRunner;

/** Runs nothing: takes {@code runTime} on the clock and answers what the test told it to. */
public final class FakeNotebookRunner implements NotebookRunner {

    private final MutableClock clock;
    private final List<Request> requests = new ArrayList<>();
    private Duration runTime = Duration.ofMinutes(3);
    private Function<Request, String> failure = request -> null;
    private Runnable whileRunning = () -> { };
    private String output;

    public FakeNotebookRunner(MutableClock clock) {
        this.clock = clock;
    }

    /** Every following run fails with {@code error}. */
    public void failWith(String error) {
        failure = request -> error;
    }

    /** Every following run of {@code entityId} fails with {@code error}; other entities succeed. */
    public void failFor(String entityId, String error) {
        failure = request -> request.entity().id().equals(entityId) ? error : null;
    }

    public void succeed() {
        failure = request -> null;
    }

    /** Every following run prints {@code text}. */
    public void prints(String text) {
        output = text;
    }

    public void takes(Duration duration) {
        runTime = duration;
    }

    /** Something that happens after the run has taken its time and before it returns (an alarm going off). */
    public void whileRunning(Runnable action) {
        whileRunning = action;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized Outcome run(Request request) {
        requests.add(request);
        Instant started = clock.instant();
        clock.advance(runTime);
        whileRunning.run();
        String error = failure.apply(request);
        return new Outcome(error == null, request.owner(), started, clock.instant(), error, output);
    }

}

package org.notebookscheduler.benchmarks.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;

/**
 * How fast this project's outbox relay drains a backlog, against gruelbox transaction-outbox and
 * Spring Modulith's event publication registry, on the same database, to the same loopback sink, in
 * the same run. Each measurement stages {@code rows} due rows through the implementation's own API
 * (not timed), then starts N relays (as on N instances) and takes the time from their start to the
 * last message the sink receives; the sink must have received every row exactly once, or the
 * measurement fails. The three implementations take turns at each relay count within a round, so
 * that whatever else the machine is doing falls on all three alike; one warm-up round of
 * {@value #WARM_UP_ROWS} rows each comes first and is not counted.
 *
 * <p>Arguments: {@code mariadb|postgresql [rows] [relays] [batch] [rounds]}, e.g.
 * {@code mariadb 5000 1,3 50 3}: {@code relays} is a list of relay counts, {@code batch} the rows a
 * relay claims at a time (the same for all three). {@code -Dbench.modulith.completion-mode=} sets
 * Spring Modulith's completion mode ({@code delete}, the default here, {@code update} or
 * {@code archive}).
 */
public final class OutboxLibrariesBenchmark {

    private static final int WARM_UP_ROWS = 1000;
    /** A measurement that has not drained by then has failed: the relays are stuck. */
    private static final long DRAIN_LIMIT_MINUTES = 10;

    private OutboxLibrariesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.of(args);
        String server = arguments.text(0, "mariadb");
        if (BenchmarkDatabase.Server.named(server) == BenchmarkDatabase.Server.H2) {
            throw new IllegalArgumentException("the libraries are compared on mariadb and postgresql, not h2");
        }
        int rows = arguments.number(1, 5000);
        int[] relayCounts = arguments.numbers(2, "1,3");
        int batch = arguments.number(3, 50);
        int rounds = arguments.number(4, 3);
        String completionMode = System.getProperty("bench.modulith.completion-mode", "delete");
        int mostRelays = Arrays.stream(relayCounts).max().orElseThrow();
        // each relay holds one connection at a time; two to spare, as OutboxRelayBenchmark gives
        int poolSize = mostRelays + 2;

        List<Measurement> measurements = new ArrayList<>();
        try (BenchmarkDatabase database = BenchmarkDatabase.create(server);
                LoopbackSink sink = LoopbackSink.start(mostRelays + 1)) {
            List<Contender> contenders = new ArrayList<>();
            try {
                // the Spring contexts first: they set the logging levels gruelbox's logger then follows
                contenders.add(ProjectOutbox.start(database, poolSize, sink, batch));
                contenders.add(GruelboxOutbox.start(database, poolSize, sink, batch));
                contenders.add(ModulithRegistry.start(database, poolSize, sink, batch, completionMode));
                System.out.printf("outbox relays on %s: %,d rows a measurement, relays %s, batch %d, %d rounds,"
                        + " pools of %d, Spring Modulith completion mode %s%n", server, rows,
                        Arrays.toString(relayCounts), batch, rounds, poolSize, completionMode);
                for (int relays : relayCounts) {
                    for (Contender contender : contenders) {
                        report(measure(contender, sink, Math.min(rows, WARM_UP_ROWS), relays, 0));
                    }
                }
                for (int round = 1; round <= rounds; round++) {
                    for (int relays : relayCounts) {
                        for (Contender contender : contenders) {
                            measurements.add(report(measure(contender, sink, rows, relays, round)));
                        }
                    }
                }
            } finally {
                for (int last = contenders.size() - 1; last >= 0; last--) {
                    contenders.get(last).close();
                }
            }
            summarize(measurements, contenders.stream().map(Contender::name).toList(), relayCounts);
        }
        long failed = measurements.stream().filter(measurement -> !measurement.succeeded()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + measurements.size()
                    + " measurements did not deliver every row exactly once: see above");
        }
    }

    /** Round 0 is the warm-up. */
    private static Measurement measure(Contender contender, LoopbackSink sink, int rows, int relays, int round)
            throws Exception {
        List<String> messages = IntStream.range(0, rows)
                .mapToObj(row -> contender.name() + ", round " + round + ", " + relays + " relays, row " + row)
                .toList();
        contender.stage(messages);
        sink.reset();
        List<Contender.Relay> relayList = IntStream.range(0, relays).mapToObj(contender::newRelay).toList();
        ExecutorService threads = Executors.newFixedThreadPool(relays);
        Optional<String> failure = Optional.empty();
        Passes passes = new Passes(0, 0);
        long started = System.nanoTime();
        try {
            List<Future<Passes>> running = relayList.stream().map(relay -> threads.submit(() -> drain(relay)))
                    .toList();
            for (Future<Passes> relay : running) {
                passes = passes.plus(relay.get(DRAIN_LIMIT_MINUTES, TimeUnit.MINUTES));
            }
        } catch (ExecutionException e) {
            failure = Optional.of("a relay failed: " + e.getCause());
        } catch (TimeoutException e) {
            failure = Optional.of("the relays had not drained the backlog after " + DRAIN_LIMIT_MINUTES + " minutes");
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
        // no delivery at all leaves the time undefined, not zero
        double seconds = sink.lastDeliveryNanos() == 0 ? Double.NaN : (sink.lastDeliveryNanos() - started) / 1e9;
        LoopbackSink.Tally tally = sink.tally(messages);
        Optional<String> breakdown = contender.timeBreakdown();
        contender.clear();
        if (failure.isEmpty() && !tally.exactlyOnce()) {
            failure = Optional.of("not exactly once: " + tally);
        }
        return new Measurement(contender.name(), relays, round, rows, seconds, passes, breakdown, failure);
    }

    /** A relay's loop: passes until it finds nothing due twice in a row, as OutboxRelayBenchmark's relays do. */
    private static Passes drain(Contender.Relay relay) throws Exception {
        int passes = 0;
        int empty = 0;
        int emptyInARow = 0;
        while (emptyInARow < 2) {
            passes++;
            if (relay.pass()) {
                emptyInARow = 0;
            } else {
                empty++;
                emptyInARow++;
            }
        }
        return new Passes(passes, empty);
    }

    /**
     * How many passes the relays of a measurement made, and how many of them found nothing due:
     * beyond the last two of each relay, an empty pass means the rows were there but out of reach.
     */
    record Passes(int total, int empty) {

        Passes plus(Passes other) {
            return new Passes(total + other.total, empty + other.empty);
        }
    }

    private static Measurement report(Measurement measurement) {
        String round = measurement.round() == 0 ? "warm-up" : "round " + measurement.round();
        if (measurement.succeeded()) {
            System.out.printf("%s, %d relay(s), %s: %,d rows in %.2f s, %,.0f rows/s (%d passes, %d empty)%n", round,
                    measurement.relays(), measurement.contender(), measurement.rows(), measurement.seconds(),
                    measurement.rowsPerSecond(), measurement.passes().total(), measurement.passes().empty());
        } else {
            // the time is still shown: it says how fast the implementation went while it failed
            System.out.printf("%s, %d relay(s), %s: FAILED, %s (last delivery after %.2f s: %,.0f rows/s)%n", round,
                    measurement.relays(), measurement.contender(), measurement.failure().orElseThrow(),
                    measurement.seconds(), measurement.rowsPerSecond());
        }
        measurement.breakdown().ifPresent(breakdown -> System.out.println("  " + breakdown));
        return measurement;
    }

    /**
     * Rows per second for each implementation and relay count (median and range over the rounds),
     * and the ratios, each taken pair by pair within a round (so that the two figures of a pair met
     * the same machine) and then summarized the same way.
     */
    private static void summarize(List<Measurement> measurements, List<String> contenders, int[] relayCounts) {
        int fewest = Arrays.stream(relayCounts).min().orElseThrow();
        int most = Arrays.stream(relayCounts).max().orElseThrow();
        String ours = contenders.get(0);
        System.out.println();
        System.out.println("rows/s, median (min–max) over the rounds that delivered every row exactly once (in brackets,"
                + " the others); ratios pair by pair within a round, median (min–max)");
        StringBuilder header = new StringBuilder("| implementation |");
        for (int relays : relayCounts) {
            header.append(" ").append(relays).append(relays == 1 ? " relay |" : " relays |");
        }
        header.append(" ").append(most).append(" relays / ").append(fewest).append(" |");
        System.out.println(header);
        System.out.println("|---".repeat(relayCounts.length + 2) + "|");
        for (String contender : contenders) {
            StringBuilder line = new StringBuilder("| ").append(contender).append(" |");
            for (int relays : relayCounts) {
                line.append(" ").append(Summary.of(rates(measurements, contender, relays, true)).format("%,.0f"));
                List<Double> notExactlyOnce = rates(measurements, contender, relays, false);
                if (!notExactlyOnce.isEmpty()) {
                    line.append(" [").append(notExactlyOnce.size()).append(" not exactly once: ")
                            .append(Summary.of(notExactlyOnce).format("%,.0f")).append("]");
                }
                line.append(" |");
            }
            line.append(" ").append(Summary.of(ratios(measurements, contender, most, contender, fewest))
                    .format("%.2f×")).append(" |");
            System.out.println(line);
        }
        System.out.println();
        StringBuilder against = new StringBuilder("| " + ours + " / |");
        for (int relays : relayCounts) {
            against.append(" ").append(relays).append(relays == 1 ? " relay |" : " relays |");
        }
        System.out.println(against);
        System.out.println("|---".repeat(relayCounts.length + 1) + "|");
        for (String library : contenders.subList(1, contenders.size())) {
            StringBuilder line = new StringBuilder("| ").append(library).append(" |");
            for (int relays : relayCounts) {
                line.append(" ").append(Summary.of(ratios(measurements, ours, relays, library, relays))
                        .format("%.2f×")).append(" |");
            }
            System.out.println(line);
        }
    }

    /** @param succeeded the rates of the measurements that delivered every row exactly once, or of the others */
    private static List<Double> rates(List<Measurement> measurements, String contender, int relays, boolean succeeded) {
        return measurements.stream().filter(measurement -> measurement.succeeded() == succeeded
                && measurement.contender().equals(contender) && measurement.relays() == relays)
                .map(Measurement::rowsPerSecond).filter(Double::isFinite).toList();
    }

    /** Within each round where both succeeded: the first's rate over the second's. */
    private static List<Double> ratios(List<Measurement> measurements, String first, int firstRelays, String second,
            int secondRelays) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement numerator : measurements) {
            if (!numerator.succeeded() || !numerator.contender().equals(first) || numerator.relays() != firstRelays) {
                continue;
            }
            measurements.stream().filter(denominator -> denominator.succeeded() && denominator.round() == numerator.round()
                    && denominator.contender().equals(second) && denominator.relays() == secondRelays).findFirst()
                    .ifPresent(denominator -> ratios.add(numerator.rowsPerSecond() / denominator.rowsPerSecond()));
        }
        return ratios;
    }

    /** @param failure why the measurement does not count, if it does not */
    record Measurement(String contender, int relays, int round, int rows, double seconds, Passes passes,
            Optional<String> breakdown, Optional<String> failure) {

        boolean succeeded() {
            return failure.isEmpty();
        }

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** The median and range of some figures; "n/a" when there are none. */
    record Summary(List<Double> sorted) {

        static Summary of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Summary(sorted);
        }

        String format(String number) {
            if (sorted.isEmpty()) {
                return "n/a";
            }
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
            return String.format(number + " (" + number + "–" + number + ")", median, sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }
}

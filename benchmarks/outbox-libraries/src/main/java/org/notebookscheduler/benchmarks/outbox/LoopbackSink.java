package org.notebookscheduler.benchmarks.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The robot all three implementations deliver to: an HTTP server on the loopback interface that
 * answers 200 at once and counts every message it receives, and the one client call that all three
 * use to reach it. Each delivery therefore costs every implementation the same, and it is the sink,
 * not the implementation, that says what arrived and when the last message did.
 */
final class LoopbackSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers;
    private final HttpClient client;
    private final URI uri;
    /** Each message received since the last {@link #reset()}, with how many times it arrived. */
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicLong lastDeliveryNanos = new AtomicLong();

    private LoopbackSink(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/robot");
        // HTTP/1.1 stated, so that no request carries an HTTP/2 upgrade the server would only ignore
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** @param threads request handlers; more than the most relays, so a relay never waits for one */
    static LoopbackSink start(int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger number = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "sink-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        LoopbackSink sink = new LoopbackSink(server, handlers);
        server.createContext("/robot", sink::receive);
        server.start();
        return sink;
    }

    URI uri() {
        return uri;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String message = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            // counted before the answer: once a sender has its 200, the message is in the tally
            received.merge(message, 1, Integer::sum);
            lastDeliveryNanos.accumulateAndGet(System.nanoTime(), Math::max);
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    /**
     * Delivers one message and returns once the sink has counted it. Throws when the sink does not
     * answer 200, which each implementation treats as a failed attempt to retry.
     */
    void deliver(String message) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sink answered " + response.statusCode());
        }
    }

    /** Forgets what arrived so far; called before each measurement. */
    void reset() {
        received.clear();
        lastDeliveryNanos.set(0);
    }

    /** {@link System#nanoTime()} when the last message arrived since the last reset. */
    long lastDeliveryNanos() {
        return lastDeliveryNanos.get();
    }

    /** How what arrived since the last reset compares with what should have: each message exactly once. */
    Tally tally(Collection<String> staged) {
        Set<String> expected = new HashSet<>(staged);
        int missing = 0;
        int duplicated = 0;
        for (String message : expected) {
            int times = received.getOrDefault(message, 0);
            if (times == 0) {
                missing++;
            } else if (times > 1) {
                duplicated += times - 1;
            }
        }
        int unexpected = (int) received.keySet().stream().filter(message -> !expected.contains(message)).count();
        return new Tally(expected.size(), missing, duplicated, unexpected);
    }

    /**
     * @param duplicated deliveries beyond the first of a message
     * @param unexpected distinct messages received that were not staged for this measurement
     */
    record Tally(int expected, int missing, int duplicated, int unexpected) {

        boolean exactlyOnce() {
            return missing == 0 && duplicated == 0 && unexpected == 0;
        }

        @Override
        public String toString() {
            return expected + " staged: " + missing + " never delivered, " + duplicated + " extra deliveries, "
                    + unexpected + " not staged";
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}

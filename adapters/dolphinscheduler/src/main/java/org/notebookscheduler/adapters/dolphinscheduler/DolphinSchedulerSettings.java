package org.notebookscheduler.adapters.dolphinscheduler;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.shared.Secret;

/**
 * Where DolphinScheduler is and how to talk to it.
 *
 * @param baseUrl        e.g. {@code http://ds:12345/dolphinscheduler}
 * @param project        the project every schedule is created in
 * @param callbackUrl    this app's address as DolphinScheduler reaches it; tasks POST to
 *                       {@code <callbackUrl>/api/schedule/execution}
 * @param serverZone     the time zone of the DolphinScheduler API server's JVM: 1.3.9 reads schedule
 *                       times and evaluates cron in it
 * @param readTimeout    how long one call may wait for its answer
 * @param maxAttempts    tries of a call that may be retried (reads, and writes that never reached the server)
 * @param retryWait      the wait before the first retry, doubled after each
 * @param runSettings    the run settings for a run started by hand
 * @param deadline       how long one operation may take in all, its calls, retries and undo included
 */
public record DolphinSchedulerSettings(String baseUrl, Secret authToken, String project, String callbackUrl,
        Secret callbackToken, ZoneId serverZone, Duration connectTimeout, Duration readTimeout, int maxAttempts,
        Duration retryWait, RunSettings runSettings, Duration deadline) {

    public static final String CALLBACK_PATH = "/api/schedule/execution";

    public DolphinSchedulerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(callbackToken, "callbackToken");
        Objects.requireNonNull(serverZone, "serverZone");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(runSettings, "runSettings");
        Objects.requireNonNull(deadline, "deadline");
        baseUrl = stripSlash(baseUrl);
        callbackUrl = stripSlash(callbackUrl);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public String callbackEndpoint() {
        return callbackUrl + CALLBACK_PATH;
    }

    private static String stripSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}

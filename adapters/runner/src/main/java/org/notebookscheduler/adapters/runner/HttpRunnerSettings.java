package org.notebookscheduler.adapters.runner;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.notebookscheduler.domain.shared.Secret;

/**
 * Where and how the HTTP runner asks a notebook backend to run an entity.
 *
 * @param url            the backend's execution endpoint, e.g. Byzer Notebook's
 *                       {@code http://notebook:9002/api/schedule/execution}
 * @param token          what proves the call is the scheduler's: Byzer Notebook's callback token, or
 *                       the bearer token of a generic backend
 * @param dialect        the body and answer shapes the backend speaks
 * @param connectTimeout how long to wait for a connection
 * @param answerGrace    how long past the run's timeout to wait for the answer (the backend stops the
 *                       run at the timeout and then has to say so)
 */
public record HttpRunnerSettings(URI url, Secret token, HttpRunnerDialect dialect, Duration connectTimeout,
        Duration answerGrace) {

    public HttpRunnerSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(answerGrace, "answerGrace");
    }

    /** The URL as it may be shown: no user info, no query (either can carry a credential). */
    public String shownUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}

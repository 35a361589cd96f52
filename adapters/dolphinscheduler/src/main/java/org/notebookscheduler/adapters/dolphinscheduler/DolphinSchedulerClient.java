package org.notebookscheduler.adapters.dolphinscheduler;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import feign.form.FormEncoder;
import feign.jackson3.Jackson3Decoder;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds the Feign client: token header, form encoding, envelope decoding, timeouts, a log without secrets. */
public final class DolphinSchedulerClient {

    private DolphinSchedulerClient() {
    }

    static JsonMapper jsonMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    static DolphinSchedulerApi create(DolphinSchedulerSettings settings, Redactor redactor) {
        return Feign.builder()
                .encoder(new FormEncoder())
                .decoder(new Jackson3Decoder(jsonMapper()))
                .errorDecoder((methodKey, response) -> new DolphinSchedulerHttpException(response.status(),
                        response.reason()))
                .requestInterceptor(template -> template.header("token", settings.authToken().reveal()))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .client(new DeadlineClient(new Client.Default(null, null)))
                // Retries are Resilience4j's business, and only where they are safe (see Calls).
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingFeignLogger(redactor))
                .logLevel(Logger.Level.BASIC)
                .target(DolphinSchedulerApi.class, settings.baseUrl());
    }

    /** Gives each call no more time than the operation's {@link Deadline} has left. */
    private record DeadlineClient(Client delegate) implements Client {

        @Override
        public Response execute(feign.Request request, Request.Options options) throws IOException {
            Duration read = Deadline.remaining(Duration.ofMillis(options.readTimeoutMillis()));
            if (read.toMillis() < 1) {
                throw new IOException("the deadline of " + Deadline.budget() + " has passed");
            }
            long connect = Math.max(1, Math.min(options.connectTimeoutMillis(), read.toMillis()));
            return delegate.execute(request, new Request.Options(connect, TimeUnit.MILLISECONDS, read.toMillis(),
                    TimeUnit.MILLISECONDS, options.isFollowRedirects()));
        }
    }
}

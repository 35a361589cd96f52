package org.notebookscheduler.adapters.dolphinscheduler;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
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
                // Retries are Resilience4j's business, and only where they are safe (see Calls).
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingFeignLogger(redactor))
                .logLevel(Logger.Level.BASIC)
                .target(DolphinSchedulerApi.class, settings.baseUrl());
    }
}

package org.notebookscheduler.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import org.notebookscheduler.adapters.web.callback.CallbackController;
import org.notebookscheduler.adapters.web.error.ApiExceptionHandler;
import org.notebookscheduler.adapters.web.error.RequestSizeLimit;
import org.notebookscheduler.adapters.web.error.UnmappedApiRequests;
import org.notebookscheduler.adapters.web.history.HistoryController;
import org.notebookscheduler.adapters.web.notification.NotificationController;
import org.notebookscheduler.adapters.web.schedule.RunController;
import org.notebookscheduler.adapters.web.schedule.ScheduleController;
import org.notebookscheduler.adapters.web.schedule.ScheduleRequests;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The REST API and the callback. Needs the use cases as beans, the default run settings and a clock;
 * {@link WebSettings} says how large a request may be and which time zone a cron without one is in.
 * Its controllers are imported by name (nothing is scanned), and its error handling answers for its
 * own controllers and its own paths only, never for a host's.
 */
@Configuration(proxyBeanMethods = false)
@Import({ScheduleController.class, RunController.class, HistoryController.class, NotificationController.class,
    CallbackController.class, ApiExceptionHandler.class, UnmappedApiRequests.class})
public class WebConfiguration {

    @Bean
    ScheduleRequests scheduleRequests(WebSettings settings, RunSettings defaultRunSettings, Clock clock) {
        return new ScheduleRequests(settings.defaultZone(), defaultRunSettings, clock);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebSettings settings) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(settings.maxRequestBytes(), settings.maxHeaderBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Reading JSON is strict about scalars: a number with a fraction is not an integer, and a string
     * is not a number nor a number a string. A request that says {@code "retries": 1.5} or
     * {@code "name": 123} is refused naming the field, never silently changed.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * @param maxRequestBytes the largest request body accepted
     * @param maxHeaderBytes  the largest total of request headers accepted
     * @param defaultZone     the time zone of a cron that names none
     */
    public record WebSettings(long maxRequestBytes, long maxHeaderBytes, ZoneId defaultZone) {
    }
}

package org.notebookscheduler.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import org.notebookscheduler.adapters.web.error.RequestSizeLimit;
import org.notebookscheduler.adapters.web.schedule.ScheduleRequests;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API and the callback. Needs the use cases as beans, the default run settings and a clock;
 * {@link WebSettings} says how large a request may be and which time zone a cron without one is in.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class WebConfiguration {

    @Bean
    ScheduleRequests scheduleRequests(WebSettings settings, RunSettings defaultRunSettings, Clock clock) {
        return new ScheduleRequests(settings.defaultZone(), defaultRunSettings, clock);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebSettings settings) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(settings.maxRequestBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * @param maxRequestBytes the largest request body accepted
     * @param defaultZone     the time zone of a cron that names none
     */
    public record WebSettings(long maxRequestBytes, ZoneId defaultZone) {
    }
}

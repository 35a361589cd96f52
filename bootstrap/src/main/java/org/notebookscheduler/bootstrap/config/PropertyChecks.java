package org.notebookscheduler.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.notebookscheduler.domain.notification.MessageTemplate;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.validation.Errors;

/**
 * Every rejection names the property as it is written in a properties file. The rejected value
 * is left out: it may be a token, and Spring Boot's startup report would print it.
 */
record PropertyChecks(Errors errors) {

    void reject(String field, String reason) {
        errors.reject("invalid", SchedulerProperties.PREFIX + "." + Names.kebab(field) + " " + reason);
    }

    void required(String field, Object value, String because) {
        if (value == null || value.toString().isBlank()) {
            reject(field, "is required when " + because);
        }
    }

    void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            reject(field, "must not be blank");
        } else if (value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
        }
    }

    void atLeast(String field, long value, long minimum) {
        if (value < minimum) {
            reject(field, "must be at least " + minimum + ", was " + value);
        }
    }

    void atMost(String field, long value, long maximum) {
        if (value > maximum) {
            reject(field, "must be at most " + maximum + ", was " + value);
        }
    }

    void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            reject(field, "must be a positive duration such as 30s, 5m or 2h");
        }
    }

    void template(String field, String value) {
        try {
            MessageTemplate.of(value, field);
        } catch (RefusedException e) {
            reject(field, e.getMessage().replaceFirst("^\\S+ ", ""));
        }
    }

    void httpUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, without the value
        }
        reject(field, "must be an http:// or https:// URL with a host");
    }
}

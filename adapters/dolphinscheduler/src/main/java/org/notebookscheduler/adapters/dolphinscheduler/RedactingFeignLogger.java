package org.notebookscheduler.adapters.dolphinscheduler;

import feign.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's request log, at DEBUG under {@code org.notebookscheduler.adapters.dolphinscheduler.http}:
 * the request line, the status and the time taken. The {@code token} header is never printed,
 * whatever the level, and anything else that reaches a line goes through the {@link Redactor}.
 */
final class RedactingFeignLogger extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(
            "org.notebookscheduler.adapters.dolphinscheduler.http");

    private final Redactor redactor;

    RedactingFeignLogger(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return !"token".equalsIgnoreCase(header);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(redactor.clean(methodTag(configKey) + String.format(format, args)));
        }
    }
}

package org.notebookscheduler.bootstrap.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** What a context that failed to start said, every cause's message, for asserting on the whole report. */
final class StartupFailure {

    private StartupFailure() {
    }

    static String of(AssertableApplicationContext context) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join("\n", messages);
    }
}

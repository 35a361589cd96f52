package org.notebookscheduler.bootstrap.config;

/** Property paths as people write them in application.properties. */
final class Names {

    private Names() {
    }

    /** {@code notification.webhookUrl} becomes {@code notification.webhook-url}. */
    static String kebab(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

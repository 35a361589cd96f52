package org.notebookscheduler.bootstrap.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which engines this instance runs, read from {@code notebook.scheduler.*} before the properties
 * are bound (relaxed names, environment variables included).
 */
final class EngineConditions {

    private EngineConditions() {
    }

    private static boolean enabled(ConditionContext context) {
        return binder(context).bind(SchedulerProperties.PREFIX + ".enable", Boolean.class).orElse(false);
    }

    private static boolean embeddedByDefault(ConditionContext context) {
        return SchedulerProperties.EMBEDDED.equalsIgnoreCase(binder(context)
                .bind(SchedulerProperties.PREFIX + ".scheduler-name", String.class)
                .orElse(SchedulerProperties.DOLPHIN_SCHEDULER));
    }

    private static Binder binder(ConditionContext context) {
        return Binder.get(context.getEnvironment());
    }

    /** DolphinScheduler: the default engine, or configured beside an embedded default. */
    static final class DolphinSchedulerWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (!enabled(context)) {
                return false;
            }
            return !embeddedByDefault(context) || !binder(context)
                    .bind(SchedulerProperties.PREFIX + ".scheduler-url", String.class).orElse("").isBlank();
        }
    }

    /** The embedded engine: the default engine. */
    static final class EmbeddedWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context) && embeddedByDefault(context);
        }
    }
}

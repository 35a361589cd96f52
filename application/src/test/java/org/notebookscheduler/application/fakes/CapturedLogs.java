package org.notebookscheduler.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one class logs while a test runs. The application logs through {@link System.Logger},
 * which without another logging backend (as in these tests) is java.util.logging.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One formatted line: its level (WARNING, INFO, FINE…) and its text with the parameters filled in. */
    public record Line(Level level, String text) {
    }

    private final Logger logger;
    private final List<Line> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(new Line(record.getLevel(), formatted(record)));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
        logger.addHandler(handler);
    }

    public static CapturedLogs of(Class<?> source) {
        return new CapturedLogs(source);
    }

    public List<String> at(Level level) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.level().equals(level)).map(Line::text).toList();
        }
    }

    public List<String> all() {
        synchronized (lines) {
            return lines.stream().map(Line::text).toList();
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage()
                : java.text.MessageFormat.format(record.getMessage(), parameters);
    }
}

package org.adaldyq.risk.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.AbstractLogger;
import org.apache.logging.log4j.spi.StandardLevel;
import org.slf4j.Logger;

/**
 * A Log4j logger that writes to the SLF4J logger of the same name: the message formatted by Log4j, its
 * throwable, at the nearest SLF4J level (FATAL becomes ERROR). Whether a level is enabled is SLF4J's
 * answer; a logger without an SLF4J logger is silent. Markers are not carried over. The many {@code isEnabled} overloads are Log4j's garbage-free API;
 * here they all ask the same question.
 */
final class Slf4jLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    private final Logger slf4j;
    private final boolean forward;

    /** {@code slf4j} null: a silent logger (see {@link Slf4jLoggerContextFactory}). */
    Slf4jLogger(String name, MessageFactory messageFactory, Logger slf4j) {
        super(name, messageFactory);
        this.slf4j = slf4j;
        this.forward = slf4j != null;
    }

    private boolean enabled(Level level) {
        if (!forward) {
            return false;
        }
        return switch (StandardLevel.getStandardLevel(level.intLevel())) {
            case OFF -> false;
            case FATAL, ERROR -> slf4j.isErrorEnabled();
            case WARN -> slf4j.isWarnEnabled();
            case INFO -> slf4j.isInfoEnabled();
            case DEBUG -> slf4j.isDebugEnabled();
            case TRACE, ALL -> slf4j.isTraceEnabled();
        };
    }

    @Override
    public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable t) {
        if (!forward || message == null) {
            return;
        }
        String text = message.getFormattedMessage();
        Throwable thrown = t != null ? t : message.getThrowable();
        switch (StandardLevel.getStandardLevel(level.intLevel())) {
            case OFF -> { }
            case FATAL, ERROR -> slf4j.error(text, thrown);
            case WARN -> slf4j.warn(text, thrown);
            case INFO -> slf4j.info(text, thrown);
            case DEBUG -> slf4j.debug(text, thrown);
            case TRACE, ALL -> slf4j.trace(text, thrown);
        }
    }

    @Override
    public Level getLevel() {
        if (!forward) {
            return Level.OFF;
        }
        if (slf4j.isTraceEnabled()) {
            return Level.TRACE;
        }
        if (slf4j.isDebugEnabled()) {
            return Level.DEBUG;
        }
        if (slf4j.isInfoEnabled()) {
            return Level.INFO;
        }
        if (slf4j.isWarnEnabled()) {
            return Level.WARN;
        }
        return slf4j.isErrorEnabled() ? Level.ERROR : Level.OFF;
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7, Object p8) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3,
                             Object p4, Object p5, Object p6, Object p7, Object p8, Object p9) {
        return enabled(level);
    }
}

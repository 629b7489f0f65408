package org.adaldyq.risk.logging;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log4j loggers by name (and message factory), each writing to the SLF4J logger of the same name. */
final class Slf4jLoggerContext implements LoggerContext {

    private final ConcurrentMap<String, ExtendedLogger> loggers = new ConcurrentHashMap<>();
    private final boolean forward;

    Slf4jLoggerContext(boolean forward) {
        this.forward = forward;
    }

    @Override
    public Object getExternalContext() {
        return null;
    }

    @Override
    public ExtendedLogger getLogger(String name) {
        return getLogger(name, null);
    }

    @Override
    public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
        String key = key(name, messageFactory == null ? null : messageFactory.getClass());
        ExtendedLogger logger = loggers.get(key);
        if (logger == null) {
            // Created outside the map's lock: SLF4J's binding may itself ask Log4j for loggers.
            Logger slf4j = forward ? LoggerFactory.getLogger(name == null ? "" : name) : null;
            ExtendedLogger created = new Slf4jLogger(name, messageFactory, slf4j);
            logger = loggers.putIfAbsent(key, created);
            if (logger == null) {
                logger = created;
            }
        }
        return logger;
    }

    @Override
    public boolean hasLogger(String name) {
        return loggers.containsKey(key(name, null));
    }

    @Override
    public boolean hasLogger(String name, MessageFactory messageFactory) {
        return loggers.containsKey(key(name, messageFactory == null ? null : messageFactory.getClass()));
    }

    @Override
    public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
        return loggers.containsKey(key(name, messageFactoryClass));
    }

    private static String key(String name, Class<?> messageFactory) {
        return Objects.toString(name, "") + (messageFactory == null ? "" : "\u0000" + messageFactory.getName());
    }
}

package org.adaldyq.risk.logging;

import java.net.URI;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.slf4j.LoggerFactory;

/**
 * One logger context for the whole JVM, whose loggers write to SLF4J. Public only because Log4j
 * instantiates it by reflection (see {@link Slf4jFallbackProvider}).
 */
public final class Slf4jLoggerContextFactory implements LoggerContextFactory {

    private final LoggerContext context = new Slf4jLoggerContext(!slf4jRoutesToLog4j());

    /** Called by Log4j. */
    public Slf4jLoggerContextFactory() {
    }

    /**
     * True when SLF4J itself is bound to the Log4j API (log4j-slf4j-impl or log4j-slf4j2-impl without
     * log4j-core): forwarding would then call itself forever, so the loggers stay silent instead.
     */
    private static boolean slf4jRoutesToLog4j() {
        return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.apache.logging.slf4j.");
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
        return context;
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                                    URI configLocation, String name) {
        return context;
    }

    @Override
    public void removeContext(LoggerContext removed) {
        // The context holds no resources: SLF4J's binding owns them.
    }
}

package org.adaldyq.risk.logging;

import org.apache.logging.log4j.spi.Provider;

/**
 * The Log4j API provider of last resort: forwards Log4j API calls to SLF4J. Registered in
 * {@code META-INF/services/org.apache.logging.log4j.spi.Provider}; Log4j picks the provider with the
 * highest priority, and this one's ({@value #PRIORITY}) is below log4j-core's (10: in a host that has
 * log4j-core, as Spark does, Log4j's own implementation wins and SLF4J → Log4j cannot loop back) and below
 * log4j-to-slf4j's (15: a host that has it keeps it). Only the constructors that Log4j 2.6 already had
 * are used, so that any Log4j 2 API on a host's class path can load it.
 */
public final class Slf4jFallbackProvider extends Provider {

    /** Below log4j-core (10) and log4j-to-slf4j (15). */
    public static final int PRIORITY = 5;

    /** Called by {@link java.util.ServiceLoader}. */
    public Slf4jFallbackProvider() {
        // "2.6.0" is the provider API version every Log4j 2 since 2.6 accepts.
        super(PRIORITY, "2.6.0", Slf4jLoggerContextFactory.class);
    }
}

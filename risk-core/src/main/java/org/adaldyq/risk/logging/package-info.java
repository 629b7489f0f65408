/**
 * Keeps the Log4j API calls of dependencies (Apache POI inside Tika) off standard output. Without a Log4j
 * provider, the Log4j API prints {@code ERROR Log4j API could not find a logging provider.} on stdout at
 * the first DOCX or PDF read, which corrupts a host's JSON output. The library may not carry
 * {@code log4j-to-slf4j} (Apache Spark, which routes SLF4J to Log4j, refuses to start with it), so it
 * registers {@link org.adaldyq.risk.logging.Slf4jFallbackProvider}: a provider that forwards to SLF4J and
 * that Log4j chooses only when nothing better is there. Nothing here is meant to be called by hosts.
 */
package org.adaldyq.risk.logging;

/**
 * Scanning with untrusted rules out of process ({@link org.adaldyq.risk.isolation.IsolatedEngine}): the
 * engine, author rules included, runs in child JVMs with their own heap cap and a wall-clock limit per input,
 * behind a sandbox with no network, no processes, no exit and no file writes outside a private temporary
 * folder. A child past a limit is killed; that input gets an error record and a fresh child takes the next.
 */
package org.adaldyq.risk.isolation;

/**
 * The trained signal: per-factor linear models over features of our own analysis (stems, word bigrams,
 * character n-grams, lexicon concepts and their order, lead-in and article context). A model only reads a
 * provision and scores it; its score and the words that weighed most enter the rule session as
 * {@link org.adaldyq.risk.regulation.fact.FactorSignal} facts, and the rules decide. Models are data
 * ({@code org/adaldyq/risk/models/regulation/*.model} in risk-rules), written by the {@code train} command.
 */
package org.adaldyq.risk.signal;

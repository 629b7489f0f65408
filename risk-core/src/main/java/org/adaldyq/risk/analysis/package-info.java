/**
 * Lucene analysis chains for legal text: per-language analyzers and the Kazakh normalisation and
 * suffix-stripping filters. Each filter does one transformation and composes with Lucene's own.
 */
package org.adaldyq.risk.analysis;

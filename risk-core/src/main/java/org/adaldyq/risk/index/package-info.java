/**
 * The legislation index: an embedded on-disk Lucene index of scanned acts, one Lucene document per
 * provision (its text analysed per language, its findings as stored values, points and facets) and one per
 * act, and search over it with Lucene's query syntax, filters, facet counts and highlighted snippets.
 *
 * <p>{@link org.adaldyq.risk.index.ProvisionIndex} is the entry point; see {@code docs/index-and-search.md}.
 */
package org.adaldyq.risk.index;

/**
 * The legislation index: an embedded on-disk Lucene index of scanned acts, one Lucene document per
 * provision (its text analysed per language, its findings as stored values, points and facets) and one per
 * act, and search over it with Lucene's query syntax, filters, facet counts and highlighted snippets.
 *
 * <p>{@link org.adaldyq.risk.index.ProvisionIndex} is the entry point (opened to write, or
 * {@link org.adaldyq.risk.index.ProvisionIndex#openForSearch for search only}, unlocked); the texts may go in as an
 * expert's review left them; {@link org.adaldyq.risk.index.SearchJson} writes results as JSON. See
 * {@code docs/index-and-search.md}.
 */
package org.adaldyq.risk.index;

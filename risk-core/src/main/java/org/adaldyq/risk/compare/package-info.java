/**
 * Comparing two versions of one draft: their provisions aligned (by citation, then by text when renumbered,
 * split or merged), each change with the findings it added, removed or kept, and the document scores
 * before and after ({@link org.adaldyq.risk.compare.DraftComparison}).
 */
package org.adaldyq.risk.compare;

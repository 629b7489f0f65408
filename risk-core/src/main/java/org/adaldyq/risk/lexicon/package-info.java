/**
 * Trigger lexicons kept as data files that rule authors edit, and the matcher that finds their
 * entries in analysed text (many stored patterns against one text, indexed by first word).
 */
package org.adaldyq.risk.lexicon;

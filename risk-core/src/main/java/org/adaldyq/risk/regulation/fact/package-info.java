/**
 * The facts the regulation rules reason about: provisions, lexicon triggers found in them, the
 * document, and the factor hits rules conclude. Plain Java beans, so DRL reads like the catalogue.
 */
package org.adaldyq.risk.regulation.fact;

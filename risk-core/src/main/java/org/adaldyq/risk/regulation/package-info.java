/** The regulation pipeline: from a parsed document to findings, via lexicon triggers and rules. */
package org.adaldyq.risk.regulation;

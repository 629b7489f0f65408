/**
 * Document structure: {@link org.adaldyq.risk.structure.DocumentReader} (the facade: file in,
 * {@link org.adaldyq.risk.structure.ParsedDocument} out), {@link org.adaldyq.risk.structure.ProvisionSegmenter}
 * (text → {@link org.adaldyq.risk.structure.Provision}s with citations and offsets) and
 * {@link org.adaldyq.risk.structure.UslmReader} (US legislative XML → text and provisions); a citation as a reader of
 * its language writes it: {@link org.adaldyq.risk.structure.CitationText}.
 */
package org.adaldyq.risk.structure;

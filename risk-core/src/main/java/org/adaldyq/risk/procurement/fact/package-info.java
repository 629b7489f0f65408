/**
 * The facts the procurement rules match, and the {@link org.adaldyq.risk.procurement.fact.Flag}s they
 * insert. Per-process facts ({@code TenderFact}, {@code BidFact}, {@code ActiveSupplier},
 * {@code FinalAwards}, {@code BidParticipation}) carry the catalogue's common semantics already applied
 * (submitted bid, main currency, final-awards gate); dataset facts ({@code SecondLowestBidRatio},
 * {@code OutlierFence}, {@code TendererWinRatio}, {@code GroupRatio}, {@code SupplierVariety}) carry the
 * statistics computed in Java after the pass over the data. {@code IndicatorSetting} enables a rule and
 * holds its settings: no setting fact, no flag.
 */
package org.adaldyq.risk.procurement.fact;

package org.adaldyq.risk.procurement.model;

import java.time.Instant;
import java.util.List;

/**
 * One contracting process (a compiled release), reduced to what the flags read. Immutable.
 *
 * @param ocid                      {@code ocid} when it is a string, else null (every indicator skips it)
 * @param line                      1-based line (or element) number in the input, for warnings
 * @param numberOfTenderers         {@code tender.numberOfTenderers} when it is an integral number
 * @param tenderPeriodStartRaw      the raw {@code tender.tenderPeriod.startDate} string, for evidence
 * @param hasBidDetails             {@code bids.details} is an array
 * @param hasAwards                 {@code awards} is an array
 * @param tenderTendererIds         distinct {@code tender.tenderers[].id}
 * @param bidStatisticsTenderers    {@code bids.statistics[]} value with measure {@code bids}, if any
 * @param tenderClassificationIds   {@code tender.items[].classification.id}
 * @param parties                   {@code parties[]} when the run reads them, else empty
 * @param buyerName                 the name the {@code buyer} reference itself gives ({@code name}, else
 *                                  {@code identifier.legalName}), when the run reads parties; else null
 *
 * @serial exclude
 */
public record ContractingProcess(
        String ocid,
        long line,
        String date,
        String tenderStatus,
        String procurementMethod,
        String procurementMethodDetails,
        String procurementMethodRationale,
        Long numberOfTenderers,
        String tenderPeriodStartRaw,
        String tenderPeriodEndRaw,
        Instant tenderPeriodStart,
        Instant tenderPeriodEnd,
        Money tenderValue,
        String buyerId,
        String procuringEntityId,
        List<String> tenderTendererIds,
        List<String> tenderClassificationIds,
        boolean hasBidDetails,
        List<Bid> bids,
        Long bidStatisticsTenderers,
        boolean hasAwards,
        List<Award> awards,
        List<Contract> contracts,
        List<Party> parties,
        String buyerName) implements java.io.Serializable {
}

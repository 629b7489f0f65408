package org.adaldyq.risk.procurement.report;

import org.adaldyq.risk.procurement.PartitionRecord;
import org.adaldyq.risk.procurement.PartitionReport;
import org.adaldyq.risk.procurement.cardinal.CardinalJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The {@code tenders} report (JSON lines) and Cardinal's JSON of a distributed run, written in parts
 * ({@link PartitionReport}): each partition writes its process records and its {@code OCID} entries
 * ({@link #writePartition}); then one machine writes the report's end after the process parts
 * ({@link #writeReportEnd}) and Cardinal's JSON around the entries ({@link #writeIndicators}). The parts in
 * partition order with what follows them are byte for byte the {@code tenders} and {@code indicators}
 * commands' output. Stateless.
 */
public final class PartitionedOutputs {
    private PartitionedOutputs() {
    }

    /**
     * Writes one partition's process records to {@code tenders} and its {@code OCID} entries to
     * {@code indicators} (each {@link CardinalJson#ocidEntry}); returns what the rest of the output needs.
     *
     * @param processes the partition's scored processes, in the single run's order
     */
    public static PartitionReport.Part writePartition(PartitionReport.Context context, Iterator<PartitionRecord> processes,
                                                      OutputStream tenders, OutputStream indicators) throws IOException {
        PartitionReport.Part part = PartitionReport.newPart();
        try {
            new TendersReport(TendersReport.Format.JSONL).writeProcesses(PartitionReport.results(context, processes, part, (id, codes) -> {
                try {
                    indicators.write(CardinalJson.ocidEntry(id, codes).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }), tenders);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return part;
    }

    /** Writes the report's end, after the process parts: the buyers, the suppliers and the counts. */
    public static void writeReportEnd(PartitionReport.Totals totals, OutputStream out) throws IOException {
        new TendersReport(TendersReport.Format.JSONL).writeOrganisations(totals.buyers(), totals.suppliers(), totals.counts(), out);
    }

    /**
     * Writes Cardinal's JSON around {@code ocidEntries} (the partitions' entries concatenated in partition
     * order), with the ocids merged at the end of the group, the organisation groups and {@code Meta}.
     */
    public static void writeIndicators(PartitionReport.Totals totals, InputStream ocidEntries, OutputStream out) throws IOException {
        StringBuilder end = new StringBuilder();
        totals.ocidsAtTheEnd().forEach((ocid, codes) -> end.append(CardinalJson.ocidEntry(ocid, codes)));
        CardinalJson.write(new SequenceInputStream(ocidEntries, new ByteArrayInputStream(end.toString().getBytes(StandardCharsets.UTF_8))),
                totals.cardinalOrganisations(), totals.cardinalMeta(), out);
    }
}

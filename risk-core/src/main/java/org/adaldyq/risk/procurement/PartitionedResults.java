package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts the parts of a distributed run back together into the single run's results, so that the same
 * writers ({@code CardinalJson}, {@code TendersReport}) write the same output: the scored processes (in
 * the single run's order, see {@link ProcessPosition}), the partitions' counts, then the dataset flags
 * and {@code Meta} of the shards. Memory stays flat, as in a single run: processes are spilled to a
 * temporary file. Close it (it deletes the files). Not thread-safe.
 */
public final class PartitionedResults implements AutoCloseable {
    private final ProcurementEngine engine;
    private final RunCounts counts = new RunCounts();
    private final IndicatorResults all = new IndicatorResults(counts);
    private final IndicatorResults cardinal = new IndicatorResults(counts);
    private final Set<String> cardinalCodes;
    private final String mainCurrency;
    private final Path spill;
    private final Writer spillOut;
    private Assessment assessment;

    /** Results of a run with these settings and the main currency the job found (null: none). */
    public PartitionedResults(PartitionSettings settings, String mainCurrency) {
        this.engine = settings.engine(mainCurrency);
        this.mainCurrency = mainCurrency;
        this.cardinalCodes = Set.copyOf(settings.cardinalCodes());
        try {
            this.spill = Files.createTempFile("adaldyq-partitioned", ".jsonl");
            this.spillOut = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spill), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the counts of one partition (its last record). */
    public void addCounts(RunCounts partition) {
        counts.add(partition);
    }

    /** Adds one scored process; call in the single run's order ({@link PartitionRecord#position()}). */
    public void addProcess(PartitionRecord r) {
        if (!r.isProcess()) {
            throw new IllegalArgumentException("not a process: " + r);
        }
        try {
            spillOut.write(r.record());
            spillOut.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> codes = new TreeMap<>();
        for (Flag fl : r.flags()) {
            if (fl.getGroup() != Group.OCID) {
                all.add(fl);
                if (cardinalCodes.contains(fl.getCode())) {
                    cardinal.add(fl);
                }
            } else {
                codes.merge(fl.getCode(), fl.getValue(), Math::max);
            }
        }
        if (r.scored()) {
            all.addProcess(r.ocid(), codes, r.duplicate());
            Map<String, Double> mine = new TreeMap<>(codes);
            mine.keySet().retainAll(cardinalCodes);
            cardinal.addProcess(r.ocid(), mine, r.duplicate());
        }
    }

    /**
     * Ends the run with the shards' dataset flags, {@code Meta} and problems (rule limits), and returns
     * the assessment ({@code tenders}' results, every flag); {@link #cardinal()} has Cardinal's.
     */
    public Assessment finish(List<Flag> datasetFlags, Map<String, Map<String, Double>> meta, List<InputProblem> problems) {
        try {
            spillOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.forEach(p -> counts.count(p.kind()));
        counts.mainCurrency = mainCurrency;
        for (Flag fl : datasetFlags) {
            all.add(fl);
            if (cardinalCodes.contains(fl.getCode())) {
                cardinal.add(fl);
            }
        }
        all.datasetFlags(datasetFlags);
        cardinal.datasetFlags(datasetFlags.stream().filter(f -> cardinalCodes.contains(f.getCode())).toList());
        meta.forEach((code, m) -> {
            all.metaForUpdate().put(code, m);
            if (cardinalCodes.contains(code)) {
                cardinal.metaForUpdate().put(code, m);
            }
        });
        all.finishSpill();
        cardinal.finishSpill();
        assessment = Assessment.of(engine, all, spill);
        return assessment;
    }

    /** Cardinal's results (the {@code indicators} command's): Cardinal's codes only. After {@link #finish}. */
    public IndicatorResults cardinal() {
        if (assessment == null) {
            throw new IllegalStateException("finish() first");
        }
        return cardinal;
    }

    /** The run's counts (complete after {@link #finish}). */
    public RunCounts counts() {
        return counts;
    }

    @Override
    public void close() {
        cardinal.close();
        if (assessment != null) {
            assessment.close();
        } else {
            try {
                spillOut.close();
                all.close();
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

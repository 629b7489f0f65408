package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The single run's two outputs, the {@code tenders} report and Cardinal's JSON, computed by a distributed
 * run where its processes are, a partition at a time, instead of on one machine.
 *
 * <p>The job sorts the scored processes ({@link PartitionRecord}) into partitions in the single run's order;
 * {@link #results} gives each partition's process results (the report's records) and its entries of
 * Cardinal's {@code OCID} group, and collects what the rest of the output needs from it ({@link Part}):
 * the flags raised on organisations, and what each reviewed process adds to its buyer's and suppliers'
 * tallies. Those tallies are sums: the job brings each organisation's processes together, sorts them by
 * position and tallies them in that order ({@link OrganisationTally}), so that they equal the single run's
 * to the last bit. {@link Totals} gathers the small rest on one machine: the buyers, suppliers and counts,
 * and Cardinal's organisation groups, {@code Meta} and the ocids merged at the end of its {@code OCID}
 * group. {@code report.PartitionedOutputs} writes them as the commands do.
 */
public final class PartitionReport {
    private PartitionReport() {
    }

    /**
     * What every partition needs from the dataset stage: the settings, the main currency, the dataset flags
     * raised on processes, and the ocids scored more than once. Small (dataset flags are outliers), shipped
     * to every task.
     *
     * @param settings       the run's settings
     * @param mainCurrency   the data set's main currency
     * @param datasetFlags   the dataset flags on processes (with a process ocid, or in the {@code OCID} group)
     * @param duplicateOcids ocids of which a scored process came after another (Cardinal merges those at the end)
     * @serial exclude
     */
    public record Context(PartitionSettings settings, String mainCurrency, List<Flag> datasetFlags, Set<String> duplicateOcids)
            implements Serializable {
        /** The context of a run whose dataset stage raised {@code datasetFlags} (all of them; those on processes are kept). */
        public static Context of(PartitionSettings settings, String mainCurrency, List<Flag> datasetFlags, Set<String> duplicateOcids) {
            List<Flag> onProcesses = datasetFlags.stream().filter(f -> f.getProcessOcid() != null || f.getGroup() == Group.OCID).toList();
            return new Context(settings, mainCurrency, new ArrayList<>(onProcesses), new HashSet<>(duplicateOcids));
        }
    }

    /**
     * What one reviewed process adds to one organisation's tally.
     *
     * @param role    {@code buyer} or {@code supplier}
     * @param id      the organisation's id
     * @param process the process's share
     * @serial exclude
     */
    public record Contribution(String role, String id, OrganisationTally.Process process) implements Serializable {
        /**
         * What a reviewed process {@code r} adds to each of its organisations: its buyer's share, then each
         * supplier's, each with the name the process gives that organisation; none for a skipped process. The
         * single run tallies its organisations from these too.
         */
        public static List<Contribution> of(ProcessPosition position, ProcessResult r) {
            if (!r.reviewed()) {
                return List.of();
            }
            OrganisationTally.Process share = OrganisationTally.Process.of(position, r);
            List<Contribution> out = new ArrayList<>(1 + r.suppliers().size());
            if (r.buyer() != null) {
                out.add(new Contribution("buyer", r.buyer(), share.named(r.nameOf(r.buyer()))));
            }
            for (String s : r.suppliers()) {
                out.add(new Contribution("supplier", s, share.named(r.nameOf(s))));
            }
            return out;
        }
    }

    /**
     * What the rest of the output needs from one partition.
     *
     * @param organisationFlags group → id → code → value of the flags raised on organisations (every code; largest value)
     * @param duplicateCodes    ocid → Cardinal's codes of the duplicate ocids' processes (largest value)
     * @param consumed          ocids whose dataset flags went into this partition's {@code OCID} entries
     * @param contributions     each reviewed process's share of its buyer's and suppliers' tallies
     * @serial exclude
     */
    public record Part(Map<Group, Map<String, Map<String, Double>>> organisationFlags, Map<String, Map<String, Double>> duplicateCodes,
                       Set<String> consumed, List<Contribution> contributions) implements Serializable {
    }

    /** An empty part, for {@link #results} to fill. */
    public static Part newPart() {
        // a TreeMap (enum order, as an EnumMap): a partition's part travels, and Kryo cannot rebuild an EnumMap
        return new Part(new TreeMap<>(), new HashMap<>(), new HashSet<>(), new ArrayList<>());
    }

    /**
     * One partition's share of the outputs, computed as it is pulled: each process's result (the report's
     * record), its entry of Cardinal's {@code OCID} group when it has one (handed to {@code ocidEntries} as
     * id and codes, in order), and what the rest of the output needs from it (added to {@code part}).
     *
     * @param context     the run's context
     * @param processes   the partition's scored processes ({@link PartitionRecord#isProcess()}), in the single run's
     *                    order; the partitions, in order, hold every process in that order
     * @param part        receives the flags on organisations, duplicates and tally shares ({@link #newPart()})
     * @param ocidEntries receives the partition's entries of Cardinal's {@code OCID} group
     * @return the processes' results, in order
     */
    public static Iterator<ProcessResult> results(Context context, Iterator<PartitionRecord> processes, Part part,
                                                  BiConsumer<String, Map<String, Double>> ocidEntries) {
        ProcurementEngine engine = context.settings().engine(context.mainCurrency());
        Set<String> cardinalCodes = Set.copyOf(context.settings().cardinalCodes());
        IndicatorResults results = new IndicatorResults(new RunCounts());
        results.datasetFlags(context.datasetFlags());
        Map<String, Map<String, Double>> datasetOcids = new HashMap<>();
        for (Flag f : context.datasetFlags()) {
            if (f.getGroup() == Group.OCID && cardinalCodes.contains(f.getCode())) {
                datasetOcids.computeIfAbsent(f.getId(), k -> new TreeMap<>()).merge(f.getCode(), f.getValue(), Math::max);
            }
        }
        Assessment assessment = Assessment.of(engine, results, null);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return processes.hasNext();
            }

            @Override
            public ProcessResult next() {
                PartitionRecord r = processes.next();
                ProcessResult result = assessment.result(r.record());
                part.contributions().addAll(Contribution.of(r.position(), result));
                cardinal(r, cardinalCodes, datasetOcids, context.duplicateOcids(), part, ocidEntries);
                return result;
            }
        };
    }

    /**
     * What a single run's Cardinal results make of one process (its organisation flags, its {@code OCID}
     * entry), as {@link IndicatorResults#forEachOcid} streams them.
     */
    private static void cardinal(PartitionRecord r, Set<String> cardinalCodes, Map<String, Map<String, Double>> datasetOcids,
                                 Set<String> duplicates, Part part, BiConsumer<String, Map<String, Double>> ocidEntries) {
        Map<String, Double> codes = new TreeMap<>();
        for (Flag fl : r.flags()) {
            if (fl.getGroup() != Group.OCID) {
                part.organisationFlags().computeIfAbsent(fl.getGroup(), g -> new TreeMap<>())
                        .computeIfAbsent(fl.getId(), i -> new TreeMap<>()).merge(fl.getCode(), fl.getValue(), Math::max);
            } else {
                codes.merge(fl.getCode(), fl.getValue(), Math::max);
            }
        }
        if (!r.scored()) {
            return;
        }
        codes.keySet().retainAll(cardinalCodes);
        if (codes.isEmpty()) {
            return;
        }
        if (duplicates.contains(r.ocid())) {
            codes.forEach((c, v) -> part.duplicateCodes().computeIfAbsent(r.ocid(), k -> new TreeMap<>()).merge(c, v, Math::max));
            return;
        }
        Map<String, Double> extra = datasetOcids.get(r.ocid());
        if (extra != null) {
            extra.forEach((c, v) -> codes.merge(c, v, Math::max));
            part.consumed().add(r.ocid());
        }
        ocidEntries.accept(r.ocid(), codes);
    }

    /**
     * The rest of the output, on one machine: gathers the partitions' {@link Part}s (without their
     * contributions) and the organisations' tallies, then writes the end of the report and Cardinal's JSON
     * around the parts. Not thread-safe.
     */
    public static final class Totals {
        private final Set<String> cardinalCodes;
        private final RunCounts counts = new RunCounts();
        private final Map<Group, Map<String, Map<String, Double>>> organisations = new TreeMap<>();
        private final Map<String, Map<String, Double>> duplicateCodes = new TreeMap<>();
        private final Set<String> consumed = new HashSet<>();
        private final Map<String, OrganisationTally> buyers = new TreeMap<>();
        private final Map<String, OrganisationTally> suppliers = new TreeMap<>();
        private List<Flag> datasetFlags = List.of();
        private Map<String, Map<String, Double>> meta = Map.of();

        /** Totals of a run with these settings and main currency. */
        public Totals(PartitionSettings settings, String mainCurrency) {
            this.cardinalCodes = Set.copyOf(settings.cardinalCodes());
            counts.mainCurrency = mainCurrency;
        }

        /** Adds the counts of one scoring partition (its last record). */
        public void addCounts(RunCounts partition) {
            counts.add(partition);
        }

        /** Adds what one written partition handed back (its contributions are not read: see {@link #addTally}). */
        public void addPart(Part p) {
            p.organisationFlags().forEach((g, ids) -> ids.forEach((id, codes) -> codes.forEach((c, v) ->
                    organisations.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(id, k -> new TreeMap<>()).merge(c, v, Math::max))));
            p.duplicateCodes().forEach((ocid, codes) -> codes.forEach((c, v) ->
                    duplicateCodes.computeIfAbsent(ocid, k -> new TreeMap<>()).merge(c, v, Math::max)));
            consumed.addAll(p.consumed());
        }

        /** Adds one organisation's tally (its processes tallied in the single run's order). */
        public void addTally(String role, String id, OrganisationTally tally) {
            ("buyer".equals(role) ? buyers : suppliers).put(id, tally);
        }

        /** Adds the dataset stage's flags (every one), Cardinal's {@code Meta} and its problems (rule limits). */
        public void dataset(List<Flag> flags, Map<String, Map<String, Double>> meta, List<InputProblem> problems) {
            this.datasetFlags = List.copyOf(flags);
            this.meta = meta;
            problems.forEach(p -> counts.count(p.kind()));
            for (Flag f : flags) {
                if (f.getGroup() != Group.OCID) {
                    organisations.computeIfAbsent(f.getGroup(), k -> new TreeMap<>()).computeIfAbsent(f.getId(), k -> new TreeMap<>())
                            .merge(f.getCode(), f.getValue(), Math::max);
                }
            }
        }

        /** The run's counts (complete once every partition's counts and the dataset stage's problems are in). */
        public RunCounts counts() {
            return counts;
        }

        /** The report's buyers: every one with processes (ids sorted), then those flagged on their own only. */
        public List<OrganisationSummary> buyers() {
            return OrganisationTally.list("buyer", buyers, organisations.getOrDefault(Group.Buyer, Map.of()));
        }

        /** The report's suppliers (and tenderers flagged on their own), as {@link #buyers()}. */
        public List<OrganisationSummary> suppliers() {
            return OrganisationTally.list("supplier", suppliers, organisations.getOrDefault(Group.Tenderer, Map.of()));
        }

        /**
         * The ocids Cardinal's {@code OCID} group ends with, sorted, after the partitions' entries: the
         * duplicates, merged, and the dataset flags on processes that had no entry of their own.
         */
        public Map<String, Map<String, Double>> ocidsAtTheEnd() {
            Map<String, Map<String, Double>> merged = new TreeMap<>();
            duplicateCodes.forEach((ocid, codes) -> merged.put(ocid, new TreeMap<>(codes)));
            for (Flag f : datasetFlags) {
                if (f.getGroup() == Group.OCID && cardinalCodes.contains(f.getCode()) && !consumed.contains(f.getId())) {
                    merged.computeIfAbsent(f.getId(), k -> new TreeMap<>()).merge(f.getCode(), f.getValue(), Math::max);
                }
            }
            return merged;
        }

        /** Cardinal's organisation groups (Buyer, ProcuringEntity, Tenderer): Cardinal's codes only, ids sorted. */
        public Map<Group, Map<String, Map<String, Double>>> cardinalOrganisations() {
            Map<Group, Map<String, Map<String, Double>>> cardinal = new TreeMap<>();
            organisations.forEach((g, ids) -> ids.forEach((id, codes) -> codes.forEach((c, v) -> {
                if (cardinalCodes.contains(c)) {
                    cardinal.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(id, k -> new TreeMap<>()).put(c, v);
                }
            })));
            return cardinal;
        }

        /** Cardinal's {@code Meta}: that of Cardinal's codes. */
        public Map<String, Map<String, Double>> cardinalMeta() {
            Map<String, Map<String, Double>> m = new TreeMap<>(meta);
            m.keySet().retainAll(cardinalCodes);
            return m;
        }
    }
}

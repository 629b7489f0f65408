package org.adaldyq.risk.procurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.ocds.ReleaseMerger;
import org.adaldyq.risk.procurement.settings.Settings;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Scores one partition of a distributed run with the single run's own code: the items of each ocid
 * (see {@link LineIntake}) are compiled into processes (releases merged as a single run merges them) and
 * fed, in the single run's order, to the same per-process run and rules ({@code ProcurementRun}) that
 * {@link ProcurementEngine#assess} uses, on the engine {@link PartitionSettings#engine} shares per JVM.
 * The dataset statistics are not computed here: they need every partition (see {@link DatasetShard}).
 *
 * <p>Streams: results come out batch by batch as the input is pulled; memory holds one ocid's items and
 * one rule batch. Not thread-safe; one scorer per task.
 *
 * @serial exclude
 */
public final class PartitionScorer implements Iterator<PartitionRecord> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Iterator<OcidItem> items;
    private final ProcurementEngine engine;
    private final ProcurementRun run;
    private final List<String> processCodes;
    private final Deque<PartitionRecord> out = new ArrayDeque<>();
    /** Positions and duplicate marks of the processes fed and not yet handed back, in feeding order. */
    private final Deque<Object[]> fed = new ArrayDeque<>();
    private OcidItem next;
    private boolean finished;

    private PartitionScorer(PartitionSettings settings, String mainCurrency, Iterator<OcidItem> items) {
        this.items = items;
        this.engine = settings.engine(mainCurrency);
        this.processCodes = Assessment.processCodes(engine);
        this.run = new ProcurementRun(engine, new Listener(), engine.rules(), engine.codes(), null);
    }

    /**
     * Scores a partition.
     *
     * @param settings     the run's settings
     * @param mainCurrency the main currency of the whole data set (the settings' or the first seen in
     *                     input order); null when no bid has a complete amount
     * @param items        the partition's items, those of one ocid together (any order of ocids; any
     *                     order within one); every item of an ocid must be in this partition
     * @return the scored processes and problems, then one record with the partition's counts
     */
    public static Iterator<PartitionRecord> score(PartitionSettings settings, String mainCurrency, Iterator<OcidItem> items) {
        return new PartitionScorer(settings, mainCurrency, items);
    }

    @Override
    public boolean hasNext() {
        while (out.isEmpty() && !finished) {
            if (next == null && items.hasNext()) {
                next = items.next();
            }
            if (next == null) {
                RunCounts counts = run.finishPartition();
                out.add(new PartitionRecord(null, null, false, null, List.of(), null, false, null, counts));
                finished = true;
            } else {
                group();
            }
        }
        return !out.isEmpty();
    }

    @Override
    public PartitionRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return out.poll();
    }

    /** Reads the items of the next ocid and feeds its processes to the run, in the single run's order. */
    private void group() {
        List<Ready> processes = compile(nextGroup(), run::problem, engine.language());
        for (int i = 0; i < processes.size(); i++) {
            Ready r = processes.get(i);
            fed.add(new Object[] {r.position(), i > 0});
            run.process(r.source(), r.process());
        }
    }

    private List<OcidItem> nextGroup() {
        String key = next.key();
        List<OcidItem> group = new ArrayList<>();
        while (next != null && next.key().equals(key)) {
            group.add(next);
            next = items.hasNext() ? items.next() : null;
        }
        return group;
    }

    /** A process ready for review, where it stands in a single run's order. */
    private record Ready(ProcessPosition position, String source, ContractingProcess process) {
    }

    /**
     * The processes of one ocid's items in the single run's order: those read whole, then the one compiled
     * from its releases (merged as a single run merges them); problems go to {@code problems}.
     */
    private static List<Ready> compile(List<OcidItem> group, Consumer<InputProblem> problems, Language names) {
        group.sort(Comparator.comparing(OcidItem::position));
        List<Ready> processes = new ArrayList<>();
        ReleaseMerger merger = new ReleaseMerger();
        ProcessPosition firstRelease = null;
        for (OcidItem i : group) {
            if (i.problem() != null) {
                problems.accept(i.problem());
            } else if (i.process() != null) {
                processes.add(new Ready(i.position(), i.source(), i.process()));
            } else {
                firstRelease = firstRelease == null ? i.position() : firstRelease;
                merger.add(i.key(), i.position().line(), release(i.release()));
            }
        }
        ProcessPosition at = firstRelease;
        merger.flush((line, release) -> processes.add(new Ready(at, "<compiled>", ReleaseCompiler.compile(release, line,
                new ReleaseCompiler.Reading(true, names)))));
        return processes;
    }

    /**
     * A currency a process would make the main one, and where the process stands.
     *
     * @param position where the process stands
     * @param currency the currency of its first complete bid amount
     * @serial exclude
     */
    public record FirstCurrency(ProcessPosition position, String currency) implements Serializable {
    }

    /**
     * The currency a single run would take as its main one from this process, when none is set and none
     * was seen before it: that of its first complete bid amount, if the rules review it; else null.
     */
    public static String firstCurrency(ContractingProcess p, Settings settings) {
        if (p.ocid() == null || "cancelled".equals(p.tenderStatus()) || p.procurementMethodDetails() != null
                && settings.excludedProcurementMethodDetails().contains(p.procurementMethodDetails())) {
            return null;
        }
        for (Bid b : p.bids()) {
            if (b.value().complete()) {
                return b.value().currency();
            }
        }
        return null;
    }

    /**
     * The {@link #firstCurrency} of every process compiled from releases in a partition of items grouped as
     * {@link #score} wants them, the first in order only: a data set whose processes read whole have no
     * bid amount takes its main currency from these (the one with the smallest position of all partitions).
     */
    public static Iterator<FirstCurrency> releaseCurrencies(PartitionSettings settings, Iterator<OcidItem> items) {
        Settings s = settings.settings();
        List<FirstCurrency> out = new ArrayList<>();
        List<OcidItem> group = new ArrayList<>();
        while (items.hasNext()) {
            OcidItem i = items.next();
            if (!group.isEmpty() && !group.get(0).key().equals(i.key())) {
                currencies(group, s, out);
                group = new ArrayList<>();
            }
            group.add(i);
        }
        currencies(group, s, out);
        return out.stream().min(Comparator.comparing(FirstCurrency::position)).stream().iterator();
    }

    private static void currencies(List<OcidItem> group, Settings s, List<FirstCurrency> out) {
        if (group.stream().noneMatch(i -> i.release() != null)) {
            return;
        }
        for (Ready r : compile(group, p -> { }, null)) { // names are not read here
            String c = r.position().phase() == 1 ? firstCurrency(r.process(), s) : null;
            if (c != null && (out.isEmpty() || r.position().compareTo(out.get(0).position()) < 0)) {
                out.clear();
                out.add(new FirstCurrency(r.position(), c));
            }
        }
    }

    /** The process as the dataset statistics read it: without its parties (no statistic reads them), to travel light. */
    private static ContractingProcess withoutParties(ContractingProcess p) {
        return new ContractingProcess(p.ocid(), p.line(), p.date(), p.tenderStatus(), p.procurementMethod(),
                p.procurementMethodDetails(), p.procurementMethodRationale(), p.numberOfTenderers(), p.tenderPeriodStartRaw(),
                p.tenderPeriodEndRaw(), p.tenderPeriodStart(), p.tenderPeriodEnd(), p.tenderValue(), p.buyerId(),
                p.procuringEntityId(), p.tenderTendererIds(), p.tenderClassificationIds(), p.hasBidDetails(), p.bids(),
                p.bidStatisticsTenderers(), p.hasAwards(), p.awards(), p.contracts(), List.of(), null);
    }

    private static ObjectNode release(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a release written by LineIntake does not read back", e);
        }
    }

    /** Turns what the run hands back, in feeding order, into records. */
    private final class Listener implements ComputableListener {
        private final java.util.Set<String> wanted = java.util.Set.copyOf(processCodes);

        @Override
        public void process(String source, ContractingProcess p, ProcessFacts f, List<String> computable, String skip,
                            List<Flag> flags) {
            Object[] at = fed.poll();
            StringWriter w = new StringWriter();
            Assessment.spill(w, source, p, ComputableListener.only(computable, wanted), skip, flags);
            boolean reviewed = f != null || "rules stopped".equals(skip);
            out.add(new PartitionRecord((ProcessPosition) at[0], p.ocid(), (Boolean) at[1], w.toString().strip(),
                    List.copyOf(flags), reviewed ? withoutParties(p) : null, f != null, null, null));
        }

        @Override
        public void problem(InputProblem problem) {
            out.add(new PartitionRecord(new ProcessPosition(0, -1, problem.line(), 0), problem.ocid(), false, null,
                    List.of(), null, false, problem, null));
        }
    }
}

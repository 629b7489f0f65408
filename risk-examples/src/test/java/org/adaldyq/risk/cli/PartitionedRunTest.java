package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.bench.SyntheticOcds;
import org.adaldyq.risk.procurement.DatasetShard;
import org.adaldyq.risk.procurement.LineIntake;
import org.adaldyq.risk.procurement.OcidItem;
import org.adaldyq.risk.procurement.PartitionRecord;
import org.adaldyq.risk.procurement.PartitionScorer;
import org.adaldyq.risk.procurement.PartitionSettings;
import org.adaldyq.risk.procurement.OrganisationTally;
import org.adaldyq.risk.procurement.PartitionReport;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.report.PartitionedOutputs;
import org.adaldyq.risk.procurement.stats.FixedQuantiles;
import org.adaldyq.risk.procurement.stats.QuantileSamples;
import org.adaldyq.risk.procurement.stats.Type8Ranks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition-level core a cluster job runs ({@link LineIntake}, {@link PartitionScorer},
 * {@link DatasetShard}, {@link PartitionReport}), driven here in plain Java the way the Spark job drives
 * it (items keyed by ocid and split over partitions by hash, shards, quantiles by sort and rank lookup),
 * gives the {@code indicators} and {@code tenders} commands' output exactly: the outputs written range by
 * range (as the job's partitions write them) and put together are the commands' bytes. Engine-free: fast, and in
 * the default build.
 */
class PartitionedRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nineteenPublishersAsOneDataSet() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(ProcurementCommandsTest.samples().resolve("compiled"))) {
            files = s.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertSameAsCommands(files, ProcurementCommandsTest.samples().resolve("compiled").toString(), 3, 4);
    }

    @Test
    void releasesOfOneOcidInDifferentFiles(@TempDir Path tmp) throws Exception {
        List<Path> files = List.of(tmp.resolve("a.jsonl"), tmp.resolve("b.jsonl"), tmp.resolve("c.jsonl"));
        new SyntheticOcds(7, 3000).writeSplitReleases(3000, files);
        assertSameAsCommands(files, tmp.toString(), 4, 5);
    }

    /**
     * A Kazakh report names organisations by the data's {@code name_kk} where it gives one, as {@code tenders
     * --lang kk} does: in a process read whole and in one merged from releases in two files.
     */
    @Test
    void organisationsNamedInTheReportsLanguage(@TempDir Path tmp) throws Exception {
        String parties = "\"parties\":[{\"id\":\"B\",\"name\":\"Акимат\",\"name_kk\":\"Әкімдік\"},"
                + "{\"id\":\"S\",\"name\":\"ТОО Альфа\",\"name_kk\":\"Альфа ЖШС\"}]";
        String awarded = "\"awards\":[{\"id\":\"1\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}]";
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");
        Files.writeString(a, "{\"ocid\":\"kz-1\",\"buyer\":{\"id\":\"B\"}," + awarded + "," + parties + "}\n"
                + "{\"ocid\":\"kz-2\",\"id\":\"r1\",\"date\":\"2024-01-01T00:00:00Z\",\"tag\":[\"tender\"],"
                + "\"buyer\":{\"id\":\"B\"}," + parties + "}\n");
        Files.writeString(b, "{\"ocid\":\"kz-2\",\"id\":\"r2\",\"date\":\"2024-02-01T00:00:00Z\",\"tag\":[\"award\"],"
                + awarded + "}\n");
        String tenders = assertSameAsCommands(List.of(a, b), tmp.toString(), 2, 2, "kk");
        assertThat(tenders).contains("\"names\":{\"B\":\"Әкімдік\",\"S\":\"Альфа ЖШС\"}").doesNotContain("Акимат");
    }

    private static void assertSameAsCommands(List<Path> files, String input, int partitions, int shards) throws Exception {
        assertSameAsCommands(files, input, partitions, shards, "en");
    }

    /** Asserts the job's outputs in {@code language} are the commands'; returns the {@code tenders} output. */
    private static String assertSameAsCommands(List<Path> files, String input, int partitions, int shards, String language)
            throws Exception {
        Outputs out = run(files, PartitionSettings.defaults().withLanguage(language), partitions, shards);
        ProcurementCommandsTest.Run indicators = ProcurementCommandsTest.run(null, "indicators", input);
        ProcurementCommandsTest.Run tenders = ProcurementCommandsTest.run(null, "tenders", "--lang", language, input);
        assertThat(out.indicators()).isEqualTo(indicators.out().strip());
        assertThat(JSON.readTree(out.indicators())).isEqualTo(JSON.readTree(indicators.out()));
        assertThat(out.tenders().lines().toList()).containsExactlyElementsOf(tenders.out().lines().toList());
        assertThat(out.tenders()).isEqualTo(tenders.out());
        return out.tenders();
    }

    record Outputs(String indicators, String tenders) {
    }

    /** The Spark job's steps, in one JVM. */
    static Outputs run(List<Path> files, PartitionSettings settings, int partitions, int shards) throws Exception {
        List<OcidItem> items = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            List<String> lines = Files.readAllLines(files.get(f), StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                items.addAll(LineIntake.read(files.get(f).toString(), f, n + 1, lines.get(n).getBytes(StandardCharsets.UTF_8),
                        settings));
            }
        }
        String main = settings.settings().currency();
        if (main == null) {
            main = items.stream().filter(i -> i.process() != null)
                    .filter(i -> PartitionScorer.firstCurrency(i.process(), settings.settings()) != null)
                    .min(Comparator.comparing(OcidItem::position))
                    .map(i -> PartitionScorer.firstCurrency(i.process(), settings.settings())).orElse(null);
        }
        List<List<OcidItem>> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new ArrayList<>());
        }
        items.forEach(i -> parts.get(Math.floorMod(i.key().hashCode(), partitions)).add(i));
        Comparator<OcidItem> byKey = Comparator.comparing(OcidItem::key).thenComparing(OcidItem::position);
        parts.forEach(p -> p.sort(byKey));
        if (main == null) {
            main = parts.stream().flatMap(p -> stream(PartitionScorer.releaseCurrencies(settings, p.iterator())))
                    .min(Comparator.comparing(PartitionScorer.FirstCurrency::position))
                    .map(PartitionScorer.FirstCurrency::currency).orElse(null);
        }
        List<PartitionRecord> records = new ArrayList<>();
        for (List<OcidItem> p : parts) {
            PartitionScorer.score(settings, main, p.iterator()).forEachRemaining(records::add);
        }
        List<PartitionRecord> processes = records.stream().filter(PartitionRecord::isProcess)
                .sorted(Comparator.comparing(PartitionRecord::position)).toList();
        List<ContractingProcess> reviewed = processes.stream().map(PartitionRecord::reviewed).filter(p -> p != null).toList();

        // pass one: samples per shard; exact quantiles by sorting each sample and reading its ranks
        Map<String, List<Double>> values = new TreeMap<>();
        Map<String, List<Double>> wanted = new HashMap<>();
        for (int s = 0; s < shards; s++) {
            QuantileSamples q = DatasetShard.samples(settings, main, s, shards, ofShard(reviewed, s, shards));
            q.values().forEach((k, v) -> Arrays.stream(v).forEach(x -> values.computeIfAbsent(k, n -> new ArrayList<>()).add(x)));
            q.wanted().forEach((k, v) -> wanted.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
        }
        Map<String, Map<Double, Double>> quantiles = new HashMap<>();
        values.forEach((name, v) -> {
            double[] sorted = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            for (double p : wanted.get(name)) {
                long[] r = Type8Ranks.ranks(sorted.length, p);
                quantiles.computeIfAbsent(name, k -> new HashMap<>())
                        .put(p, Type8Ranks.interpolate(sorted.length, p, sorted[(int) r[0]], sorted[(int) r[r.length - 1]]));
            }
        });
        // pass two: the dataset rules of each shard
        List<Flag> flags = new ArrayList<>();
        Map<String, Map<String, Double>> meta = new TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            DatasetShard.Result r = DatasetShard.flags(settings, main, s, shards, ofShard(reviewed, s, shards), new FixedQuantiles(quantiles));
            flags.addAll(r.flags());
            r.meta().forEach(meta::putIfAbsent);
            problems.addAll(r.problems());
        }
        // the outputs: the processes cut into ranges in single-run order, each range written apart
        PartitionReport.Context context = PartitionReport.Context.of(settings, main, flags,
                processes.stream().filter(r -> r.scored() && r.duplicate()).map(PartitionRecord::ocid).collect(Collectors.toSet()));
        PartitionReport.Totals totals = new PartitionReport.Totals(settings, main);
        records.stream().filter(r -> r.counts() != null).forEach(r -> totals.addCounts(r.counts()));
        totals.dataset(flags, meta, problems);
        ByteArrayOutputStream tenders = new ByteArrayOutputStream();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        Map<List<String>, List<OrganisationTally.Process>> byOrganisation = new HashMap<>();
        int step = Math.max(1, (processes.size() + partitions - 1) / partitions);
        for (int from = 0; from < processes.size(); from += step) {
            PartitionReport.Part part = PartitionedOutputs.writePartition(context,
                    processes.subList(from, Math.min(processes.size(), from + step)).iterator(), tenders, entries);
            totals.addPart(part);
            part.contributions().forEach(c -> byOrganisation.computeIfAbsent(List.of(c.role(), c.id()), k -> new ArrayList<>()).add(c.process()));
        }
        // each organisation's processes brought together (from several ranges) and tallied in single-run order
        byOrganisation.forEach((org, shares) -> {
            OrganisationTally tally = new OrganisationTally();
            shares.stream().sorted(Comparator.comparing(OrganisationTally.Process::position)).forEach(tally::add);
            totals.addTally(org.get(0), org.get(1), tally);
        });
        PartitionedOutputs.writeReportEnd(totals, tenders);
        ByteArrayOutputStream cardinal = new ByteArrayOutputStream();
        PartitionedOutputs.writeIndicators(totals, new ByteArrayInputStream(entries.toByteArray()), cardinal);
        return new Outputs(cardinal.toString(StandardCharsets.UTF_8), tenders.toString(StandardCharsets.UTF_8));
    }

    private static java.util.Iterator<ContractingProcess> ofShard(List<ContractingProcess> reviewed, int shard, int shards) {
        return reviewed.stream().filter(p -> Arrays.stream(DatasetShard.shards(p, shards)).anyMatch(s -> s == shard)).iterator();
    }

    private static <T> Stream<T> stream(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out.stream();
    }
}

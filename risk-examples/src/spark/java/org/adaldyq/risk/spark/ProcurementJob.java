package org.adaldyq.risk.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.procurement.DatasetShard;
import org.adaldyq.risk.procurement.LineIntake;
import org.adaldyq.risk.procurement.OcidItem;
import org.adaldyq.risk.procurement.PartitionRecord;
import org.adaldyq.risk.procurement.PartitionScorer;
import org.adaldyq.risk.procurement.PartitionSettings;
import org.adaldyq.risk.procurement.OrganisationTally;
import org.adaldyq.risk.procurement.PartitionReport;
import org.adaldyq.risk.procurement.ProcessPosition;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.report.PartitionedOutputs;
import org.adaldyq.risk.procurement.stats.FixedQuantiles;
import org.adaldyq.risk.procurement.stats.QuantileSamples;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Procurement red flags on a Spark cluster: reads OCDS JSON lines from any Hadoop file system path (a file,
 * a folder, a glob), brings the releases of each ocid together wherever they sit, scores every process with
 * the library's own per-process run ({@link PartitionScorer}, one engine per executor JVM), computes the
 * dataset statistics shard by shard ({@link DatasetShard}) with their quartiles taken over the whole data
 * set (exactly: a sort and a rank lookup; or, as a labelled option, Spark's approximate percentiles), and
 * writes what the {@code indicators} and {@code tenders} commands write for the same input:
 * <ul>
 *   <li>{@code indicators.json}: Cardinal's JSON, one file;</li>
 *   <li>{@code tenders.jsonl}: the native report (processes, buyers, suppliers, summary), one file, and
 *       {@code tenders.parquet/}: the same records as Parquet;</li>
 *   <li>{@code errors/}: one JSON line per input problem (a bad line is a record here, never a failed
 *       stage); {@code job.json}: counts, the main currency, and how the quantiles were computed.</li>
 * </ul>
 *
 * <pre>spark-submit --class org.adaldyq.risk.spark.ProcurementJob risk-spark-all.jar INPUT OUTPUT [--approximate[=0.001]]
 *     [--settings FILE.ini] [--lang en|ru|kk] [--shards N]</pre>
 */
public final class ProcurementJob {
    private static final Logger LOG = LoggerFactory.getLogger(ProcurementJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcurementJob() {
    }

    /** What to run: input, output, settings, and how to compute quantiles. */
    public record Options(String input, String output, PartitionSettings settings, Double approximate, int shards)
            implements Serializable {
        /** Exact quantiles, default settings, as many shards as the default parallelism. */
        public static Options of(String input, String output) {
            return new Options(input, output, PartitionSettings.defaults(), null, 0);
        }

        /** With Spark's approximate percentiles of relative error {@code relativeError} (labelled as such). */
        public Options approximate(double relativeError) {
            return new Options(input, output, settings, relativeError, shards);
        }

        /** With these settings. */
        public Options settings(PartitionSettings s) {
            return new Options(input, output, s, approximate, shards);
        }
    }

    /** What a run did: the counts, the main currency, the quantile method, and its stages' times. */
    public record Summary(RunCounts counts, String mainCurrency, String quantiles, Map<String, Long> millis) {
    }

    /** {@code spark-submit} entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ProcurementJob INPUT OUTPUT [--approximate[=0.001]] [--settings FILE.ini] [--lang en|ru|kk] [--shards N]");
            System.exit(2);
        }
        Options o = Options.of(args[0], args[1]);
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--approximate")) {
                o = o.approximate(a.contains("=") ? Double.parseDouble(a.substring(a.indexOf('=') + 1)) : 1e-3);
            } else if (a.equals("--settings") && i + 1 < args.length) {
                o = o.settings(o.settings().withSettingsText(Files.readString(java.nio.file.Path.of(args[++i])), false));
            } else if (a.equals("--lang") && i + 1 < args.length) {
                o = o.settings(o.settings().withLanguage(args[++i]));
            } else if (a.equals("--shards") && i + 1 < args.length) {
                o = new Options(o.input(), o.output(), o.settings(), o.approximate(), Integer.parseInt(args[++i]));
            } else {
                System.err.println("unknown argument: " + a);
                System.exit(2);
            }
        }
        SparkSession spark = SparkSession.builder().appName("adaldyq-procurement")
                .config(KryoClasses.configure(new org.apache.spark.SparkConf())).getOrCreate();
        try {
            Summary s = run(spark, o);
            LOG.info("procurement job done: {} ({} quantiles) in {}", s.counts(), s.quantiles(), s.millis());
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on {@code spark}; writes into {@code options.output()} (a folder, created). */
    public static Summary run(SparkSession spark, Options options) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        PartitionSettings settings = options.settings();
        int partitions = Math.max(1, jsc.defaultParallelism());
        int shards = options.shards() > 0 ? options.shards() : partitions;
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();

        // 1. lines: (file, line number) of each line, as a single run numbers them
        List<String> files = inputs(options.input(), hadoop);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(options.input() + ": no .json, .jsonl or .gz file");
        }
        // with at least a file per core, a file is one split: its lines are numbered where they are read, in
        // the one pass over the input; else files are split and a first pass counts each split's lines
        Configuration read = new Configuration(hadoop);
        boolean whole = files.size() >= partitions;
        if (whole) {
            read.setLong("mapreduce.input.fileinputformat.split.minsize", Long.MAX_VALUE);
        }
        JavaNewHadoopRDD<LongWritable, Text> text = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(
                String.join(",", files), TextInputFormat.class, LongWritable.class, Text.class, read);
        Broadcast<List<String>> fileList = jsc.broadcast(files);
        Map<Integer, Long> firstLine = whole ? new HashMap<>() : firstLines(text, fileList);
        Broadcast<Map<Integer, Long>> firstLines = jsc.broadcast(firstLine);
        // the first currency a single run would see among processes read whole, noted on the way (no extra pass)
        org.apache.spark.util.CollectionAccumulator<PartitionScorer.FirstCurrency> firstSeen = jsc.sc().collectionAccumulator("first currency");
        JavaRDD<OcidItem> items = text.mapPartitionsWithInputSplit((split, lines) -> {
            String file = ((FileSplit) split).getPath().toString();
            int index = fileList.value().indexOf(file);
            long n = firstLines.value().getOrDefault(TaskContext.getPartitionId(), 0L);
            List<OcidItem> out = new ArrayList<>();
            PartitionScorer.FirstCurrency first = null;
            org.adaldyq.risk.procurement.settings.Settings parsed = settings.settings();
            while (lines.hasNext()) {
                Text t = lines.next()._2();
                n++;
                for (OcidItem i : LineIntake.read(file, index, n, Arrays.copyOf(t.getBytes(), t.getLength()), settings)) {
                    out.add(i);
                    String c = first == null && i.process() != null ? PartitionScorer.firstCurrency(i.process(), parsed) : null;
                    if (c != null) {
                        first = new PartitionScorer.FirstCurrency(i.position(), c);
                    }
                }
            }
            if (first != null) {
                firstSeen.add(first);
            }
            return out.iterator();
        }, true);

        // 2. the items of one ocid together, in one partition, in a single run's order
        JavaRDD<OcidItem> grouped = items.mapToPair(i -> new Tuple2<>(new OcidKey(i.key(), i.position()), Encoded.encode(i)))
                .repartitionAndSortWithinPartitions(new OcidPartitioner(partitions), OcidKey.ORDER)
                .values()
                .mapPartitions(Encoded::decode, true);
        String main = mainCurrency(settings, grouped, firstSeen);
        millis.put("read+group", ms(t0));

        // 3. every process scored by the single run's per-process code; one engine per executor JVM
        long t1 = System.nanoTime();
        // read five times below: cached, the compiled process and the report's part encoded once each
        JavaRDD<Scored> scored = grouped.mapPartitions(it -> PartitionScorer.score(settings, main, it))
                .map(r -> Scored.of(r, shards))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<RunCounts> partitionCounts = scored.filter(r -> r.counts() != null).map(Scored::counts).collect();
        millis.put("score", ms(t1));

        // 4. dataset statistics, shard by shard, with quartiles of the whole data set
        long t2 = System.nanoTime();
        JavaRDD<byte[]> byShard = scored.filter(r -> r.reviewed() != null)
                .flatMapToPair(r -> {
                    List<Tuple2<ShardKey, byte[]>> out = new ArrayList<>();
                    for (int s : r.shards()) {
                        out.add(new Tuple2<>(new ShardKey(s, r.position()), r.reviewed()));
                    }
                    return out.iterator();
                })
                .repartitionAndSortWithinPartitions(new ShardPartitioner(shards), ShardKey.ORDER)
                .values()
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<QuantileSamples> samples = byShard.mapPartitionsWithIndex(
                (shard, it) -> List.of(DatasetShard.samples(settings, main, shard, shards, Encoded.decode(it))).iterator(), true);
        long tq = System.nanoTime();
        FixedQuantiles quantiles = options.approximate() == null ? Quantiles.exact(samples)
                : Quantiles.approximate(spark, samples, options.approximate());
        millis.put("quantiles", ms(tq));
        Broadcast<FixedQuantiles> q = jsc.broadcast(quantiles);
        List<DatasetShard.Result> shardResults = byShard.mapPartitionsWithIndex(
                (shard, it) -> List.of(DatasetShard.flags(settings, main, shard, shards, Encoded.<ContractingProcess>decode(it), q.value()))
                        .iterator(), true).collect();
        byShard.unpersist(false);
        List<Flag> datasetFlags = new ArrayList<>();
        Map<String, Map<String, Double>> meta = new TreeMap<>();
        List<InputProblem> datasetProblems = new ArrayList<>();
        for (DatasetShard.Result r : shardResults) {
            datasetFlags.addAll(r.flags());
            r.meta().forEach(meta::putIfAbsent);
            datasetProblems.addAll(r.problems());
        }
        millis.put("dataset", ms(t2));

        // 5. the outputs written where the processes are: each partition of the processes, sorted in single-run
        // order, writes its process records and Cardinal entries; the rest (organisations, counts) is small
        long t3 = System.nanoTime();
        Path out = new Path(options.output());
        FileSystem fs = out.getFileSystem(hadoop);
        fs.mkdirs(out);
        Path parts = new Path(out, "_parts");
        PartitionReport.Totals totals = new PartitionReport.Totals(settings, main);
        partitionCounts.forEach(totals::addCounts);
        totals.dataset(datasetFlags, meta, datasetProblems);
        java.util.Set<String> duplicates = new java.util.HashSet<>(
                scored.filter(r -> r.report() != null && r.scored() && r.duplicate()).map(Scored::ocid).collect());
        Broadcast<PartitionReport.Context> context = jsc.broadcast(PartitionReport.Context.of(settings, main, datasetFlags, duplicates));
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
        String partsDir = parts.toString();
        JavaRDD<PartitionReport.Part> written = scored.filter(r -> r.report() != null)
                .mapToPair(r -> new Tuple2<>(r.position(), r.report()))
                .sortByKey(true, partitions)
                .values()
                .<PartitionRecord>mapPartitions(Encoded::decode, true)
                .mapPartitionsWithIndex((i, it) -> {
                    Path dir = new Path(partsDir);
                    FileSystem partFs = dir.getFileSystem(conf.value().value());
                    try (OutputStream tenders = new BufferedOutputStream(partFs.create(new Path(dir, partName("tenders", i)), true), 1 << 16);
                         OutputStream indicators = new BufferedOutputStream(partFs.create(new Path(dir, partName("indicators", i)), true), 1 << 16)) {
                        return List.of(PartitionedOutputs.writePartition(context.value(), it, tenders, indicators)).iterator();
                    }
                }, true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        written.map(p -> new PartitionReport.Part(p.organisationFlags(), p.duplicateCodes(), p.consumed(), List.of()))
                .collect().forEach(totals::addPart);
        millis.put("write parts", ms(t3));
        // each organisation's processes together, in single-run order, tallied as a single run tallies them
        long t4 = System.nanoTime();
        written.flatMapToPair(p -> p.contributions().stream()
                        .map(c -> new Tuple2<>(new OrganisationKey(c.role(), c.id(), c.process().position()), c.process())).iterator())
                .repartitionAndSortWithinPartitions(new OrganisationPartitioner(partitions), OrganisationKey.ORDER)
                .mapPartitions(ProcurementJob::tallies)
                .collect()
                .forEach(t -> totals.addTally(t._1().role(), t._1().id(), t._2()));
        millis.put("organisations", ms(t4));
        long t5 = System.nanoTime();
        int n = written.getNumPartitions();
        // the report's end (buyers, suppliers, counts) is one more part: the Parquet copy reads the parts
        try (OutputStream end = new BufferedOutputStream(fs.create(new Path(parts, partName("tenders", n)), true), 1 << 16)) {
            PartitionedOutputs.writeReportEnd(totals, end);
        }
        try (OutputStream o = fs.create(new Path(out, "tenders.jsonl"), true)) {
            for (int i = 0; i <= n; i++) {
                try (InputStream in = fs.open(new Path(parts, partName("tenders", i)))) {
                    in.transferTo(o);
                }
            }
        }
        List<InputStream> entries = new ArrayList<>();
        try (OutputStream o = fs.create(new Path(out, "indicators.json"), true)) {
            for (int i = 0; i < n; i++) {
                entries.add(fs.open(new Path(parts, partName("indicators", i))));
            }
            PartitionedOutputs.writeIndicators(totals, new SequenceInputStream(java.util.Collections.enumeration(entries)), o);
        } finally {
            for (InputStream in : entries) {
                in.close();
            }
        }
        written.unpersist(false);
        RunCounts counts = totals.counts();
        millis.put("concatenate", ms(t5));
        long t6 = System.nanoTime();
        tendersParquet(jsc, conf, parts, n + 1, new Path(out, "tenders.parquet"));
        fs.delete(parts, true);
        List<InputProblem> problems = new ArrayList<>(datasetProblems);
        JavaRDD<String> errors = scored.filter(r -> r.problem() != null).map(r -> errorLine(r.problem()))
                .union(jsc.parallelize(problems.stream().map(ProcurementJob::errorLine).toList(), 1));
        // the job replaces what an earlier run left in its output folder, errors included (Spark's text
        // writer refuses a folder that exists)
        fs.delete(new Path(out, "errors"), true);
        errors.saveAsTextFile(new Path(out, "errors").toString());
        scored.unpersist(false);
        millis.put("parquet+errors", ms(t6));
        millis.put("total", ms(t0));
        String method = options.approximate() == null ? "exact (type 8, sort and rank lookup)"
                : "approximate (Spark percentile_approx, relative error " + options.approximate() + ")";
        Summary summary = new Summary(counts, main, method, millis);
        try (OutputStream o = fs.create(new Path(out, "job.json"), true)) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("input", options.input());
            job.put("files", files.size());
            job.put("processes", counts.processes());
            job.put("reviewed", counts.reviewed());
            job.put("problems", counts.problems());
            job.put("mainCurrency", main);
            job.put("quantiles", method);
            job.put("shards", shards);
            job.put("millis", millis);
            JSON.writerWithDefaultPrettyPrinter().writeValue(o, job);
        }
        return summary;
    }

    /**
     * The report's records as Parquet ({@link TendersParquet}): each of the report's {@code count} parts
     * becomes one Parquet file, written by the executors; no Spark SQL.
     */
    private static void tendersParquet(JavaSparkContext jsc, Broadcast<SerializableConfiguration> conf, Path parts, int count,
                                       Path parquet) throws IOException {
        FileSystem fs = parquet.getFileSystem(conf.value().value());
        fs.delete(parquet, true);
        fs.mkdirs(parquet);
        String from = parts.toString();
        String to = parquet.toString();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        jsc.parallelize(indexes, count).foreach(i -> TendersParquet.write(conf.value().value(), new Path(from, partName("tenders", i)),
                new Path(to, String.format(Locale.ROOT, "part-%05d.snappy.parquet", i))));
        fs.create(new Path(parquet, "_SUCCESS"), true).close();
    }

    /** The files of a path (a file, a folder walked for .json, .jsonl and .gz files, or a glob), sorted as a single run sorts them. */
    static List<String> inputs(String input, Configuration hadoop) throws IOException {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(hadoop);
        List<String> out = new ArrayList<>();
        org.apache.hadoop.fs.FileStatus[] matches = fs.globStatus(p);
        if (matches == null) {
            return out;
        }
        for (org.apache.hadoop.fs.FileStatus m : matches) {
            if (m.isDirectory()) {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                while (it.hasNext()) {
                    String n = it.next().getPath().toString();
                    String lower = n.toLowerCase(Locale.ROOT);
                    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".gz")) {
                        out.add(n);
                    }
                }
            } else {
                out.add(m.getPath().toString());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Partition → the number of lines before it in its file (partitions of one file in split order). */
    private static Map<Integer, Long> firstLines(JavaNewHadoopRDD<LongWritable, Text> text, Broadcast<List<String>> files) {
        List<long[]> counts = text.mapPartitionsWithInputSplit((split, lines) -> {
            FileSplit f = (FileSplit) split;
            long n = 0;
            while (lines.hasNext()) {
                lines.next();
                n++;
            }
            return List.of(new long[] {TaskContext.getPartitionId(), files.value().indexOf(f.getPath().toString()), f.getStart(), n})
                    .iterator();
        }, true).collect();
        List<long[]> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.<long[]>comparingLong(c -> c[1]).thenComparingLong(c -> c[2]));
        Map<Integer, Long> first = new HashMap<>();
        long file = -1;
        long before = 0;
        for (long[] c : sorted) {
            if (c[1] != file) {
                file = c[1];
                before = 0;
            }
            first.put((int) c[0], before);
            before += c[3];
        }
        return first;
    }

    /**
     * The main currency: the settings', else that of the first reviewed process with a complete bid
     * amount in a single run's order (processes read whole first, then those compiled from releases).
     */
    private static String mainCurrency(PartitionSettings settings, JavaRDD<OcidItem> grouped,
                                       org.apache.spark.util.CollectionAccumulator<PartitionScorer.FirstCurrency> firstSeen) {
        String set = settings.settings().currency();
        if (set != null) {
            return set;
        }
        // runs the grouping's map side (which notes each split's first currency) without reading its output;
        // the scoring then reads the shuffle files it wrote
        grouped.foreachPartition(it -> { });
        List<PartitionScorer.FirstCurrency> firsts = new ArrayList<>(firstSeen.value());
        if (firsts.isEmpty()) {
            // processes read whole come first in a single run's order: only without one of those does the
            // currency come from the processes compiled from releases (a pass that merges them)
            firsts = grouped.mapPartitions(it -> PartitionScorer.releaseCurrencies(settings, it)).collect();
        }
        return firsts.stream().min(Comparator.comparing(PartitionScorer.FirstCurrency::position))
                .map(PartitionScorer.FirstCurrency::currency).orElse(null);
    }

    private static String errorLine(InputProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("source", p.source());
        m.put("line", p.line());
        m.put("ocid", p.ocid());
        m.put("kind", p.kind().name());
        m.put("reason", p.reason());
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    private static String partName(String output, int partition) {
        return String.format(Locale.ROOT, "%s-%05d", output, partition);
    }

    /** The tallies of the organisations of one partition (each organisation's processes together, in single-run order). */
    private static Iterator<Tuple2<OrganisationKey, OrganisationTally>> tallies(Iterator<Tuple2<OrganisationKey, OrganisationTally.Process>> in) {
        List<Tuple2<OrganisationKey, OrganisationTally>> out = new ArrayList<>();
        OrganisationKey current = null;
        OrganisationTally tally = null;
        while (in.hasNext()) {
            Tuple2<OrganisationKey, OrganisationTally.Process> t = in.next();
            if (current == null || !current.role().equals(t._1().role()) || !current.id().equals(t._1().id())) {
                current = t._1();
                tally = new OrganisationTally();
                out.add(new Tuple2<>(current, tally));
            }
            tally.add(t._2());
        }
        return out.iterator();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /**
     * A scored record as the job keeps it (cached, read five times): its small fields as they are; the
     * compiled process (the statistics' input) and the process's part of the report (without the compiled
     * process: the sort for the outputs moves only what they read) each encoded once ({@link Encoded}).
     *
     * @param shards   the dataset shards the reviewed process goes to
     * @param reviewed the encoded compiled process, when the rules reviewed it
     * @param report   the encoded {@link PartitionRecord} of a process (without the compiled process)
     */
    record Scored(ProcessPosition position, String ocid, boolean duplicate, boolean scored, int[] shards, byte[] reviewed,
                  byte[] report, InputProblem problem, RunCounts counts) implements Serializable {
        static Scored of(PartitionRecord r, int shardCount) {
            byte[] report = r.isProcess() ? Encoded.encode(
                    new PartitionRecord(r.position(), r.ocid(), r.duplicate(), r.record(), r.flags(), null, r.scored(), null, null)) : null;
            return new Scored(r.position(), r.ocid(), r.duplicate(), r.scored(),
                    r.reviewed() == null ? null : DatasetShard.shards(r.reviewed(), shardCount),
                    r.reviewed() == null ? null : Encoded.encode(r.reviewed()), report, r.problem(), r.counts());
        }
    }

    /** Sorts the items of a partition by ocid, then by position. */
    record OcidKey(String ocid, ProcessPosition position) implements Serializable {
        static final Comparator<OcidKey> ORDER = (Comparator<OcidKey> & Serializable) (a, b) -> {
            int c = a.ocid.compareTo(b.ocid);
            return c != 0 ? c : a.position.compareTo(b.position);
        };
    }

    /** Partitions by ocid. */
    static final class OcidPartitioner extends Partitioner {
        private final HashPartitioner hash;

        OcidPartitioner(int partitions) {
            this.hash = new HashPartitioner(partitions);
        }

        @Override
        public int numPartitions() {
            return hash.numPartitions();
        }

        @Override
        public int getPartition(Object key) {
            return hash.getPartition(((OcidKey) key).ocid());
        }
    }

    /** Sorts an organisation's processes by position. */
    record OrganisationKey(String role, String id, ProcessPosition position) implements Serializable {
        static final Comparator<OrganisationKey> ORDER = (Comparator<OrganisationKey> & Serializable) (a, b) -> {
            int c = a.role.compareTo(b.role);
            c = c != 0 ? c : a.id.compareTo(b.id);
            return c != 0 ? c : a.position.compareTo(b.position);
        };
    }

    /** Partitions by organisation (role and id). */
    static final class OrganisationPartitioner extends Partitioner {
        private final int partitions;

        OrganisationPartitioner(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            OrganisationKey k = (OrganisationKey) key;
            return Math.floorMod(31 * k.role().hashCode() + k.id().hashCode(), partitions);
        }
    }

    /** Sorts a shard's processes by position. */
    record ShardKey(int shard, ProcessPosition position) implements Serializable {
        static final Comparator<ShardKey> ORDER = (Comparator<ShardKey> & Serializable) (a, b) -> {
            int c = Integer.compare(a.shard, b.shard);
            return c != 0 ? c : a.position.compareTo(b.position);
        };
    }

    /** Partition i is shard i. */
    static final class ShardPartitioner extends Partitioner {
        private final int shards;

        ShardPartitioner(int shards) {
            this.shards = shards;
        }

        @Override
        public int numPartitions() {
            return shards;
        }

        @Override
        public int getPartition(Object key) {
            return ((ShardKey) key).shard();
        }
    }
}

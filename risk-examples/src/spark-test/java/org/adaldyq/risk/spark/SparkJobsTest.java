package org.adaldyq.risk.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.bench.SyntheticOcds;
import org.adaldyq.risk.cli.RiskCli;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark jobs in local mode give what the CLI gives on the same input, value for value. One
 * SparkSession for the whole test JVM (a session costs about 3 s to start).
 */
class SparkJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("adaldyq-test")
                .config(KryoClasses.configure(new org.apache.spark.SparkConf()))
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.maxPartitionBytes", "16m")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void nineteenPublishersGiveTheCommandsOutput(@TempDir Path tmp) throws Exception {
        Path samples = Path.of(SparkJobsTest.class.getResource("/ocds-samples/compiled").toURI());
        assertSameAsCommands(samples, tmp.resolve("out"), ProcurementJob.Options.of(samples.toString(), tmp.resolve("out").toString()));
        assertThat(spark.read().parquet(tmp.resolve("out/tenders.parquet").toString()).count())
                .isEqualTo(Files.readAllLines(tmp.resolve("out/tenders.jsonl")).size());
        assertParquetIsTheReport(tmp.resolve("out"));
    }

    /**
     * The Parquet copy holds every line of {@code tenders.jsonl} as Spark SQL's {@code from_json} reads it
     * with the copy's schema (typed columns, and the whole line as {@code json}): compared row by row, as JSON.
     */
    private static void assertParquetIsTheReport(Path out) {
        org.apache.spark.sql.types.StructType scores = new org.apache.spark.sql.types.StructType()
                .add("cri", "double").add("weighted", "double").add("priority", "double")
                .add("components", "int").add("flagged", "int");
        org.apache.spark.sql.types.StructType record = new org.apache.spark.sql.types.StructType()
                .add("type", "string").add("ocid", "string").add("id", "string").add("name", "string").add("line", "long")
                .add("buyer", "string").add("procuringEntity", "string").add("suppliers", "array<string>")
                .add("names", "map<string,string>")
                .add("value", "double").add("currency", "string").add("status", "string").add("scores", scores)
                .add("flags", "map<string,double>").add("notFlagged", "array<string>").add("notComputable", "array<string>")
                .add("processes", "long").add("flaggedProcesses", "long");
        org.apache.spark.sql.Column asJson = org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct("*"));
        List<String> expected = spark.read().text(out.resolve("tenders.jsonl").toString())
                .select(org.apache.spark.sql.functions.from_json(org.apache.spark.sql.functions.col("value"), record).as("r"),
                        org.apache.spark.sql.functions.col("value").as("json"))
                .select("r.*", "json").select(asJson).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        List<String> actual = spark.read().parquet(out.resolve("tenders.parquet").toString())
                .select(asJson).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual).anyMatch(r -> r.contains("\"scores\":{\"cri\"")).anyMatch(r -> r.contains("\"flags\":{\"R"))
                .anyMatch(r -> r.contains("\"type\":\"buyer\""))
                .anyMatch(r -> r.contains("\"type\":\"buyer\"") && r.contains("\"name\":\""))
                .anyMatch(r -> r.contains("\"names\":{\""));
    }

    @Test
    void compiledProcessesComeBackEqualFromTheirEncoding(@TempDir Path tmp) throws Exception {
        Path samples = Path.of(SparkJobsTest.class.getResource("/ocds-samples/compiled").toURI());
        Path synthetic = tmp.resolve("synthetic.jsonl");
        new SyntheticOcds(7, 500).writeFiles(500, List.of(synthetic), 10);
        List<Path> files = new java.util.ArrayList<>(List.of(synthetic));
        try (java.util.stream.Stream<Path> list = Files.list(samples)) {
            files.addAll(list.sorted().toList());
        }
        int n = 0;
        int withParties = 0;
        for (Path f : files) {
            long line = 0;
            for (String json : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                line++;
                var p = org.adaldyq.risk.procurement.model.ReleaseCompiler.compile(json.getBytes(StandardCharsets.UTF_8), line);
                if (p == null) {
                    continue;
                }
                var back = Encoded.<org.adaldyq.risk.procurement.model.ContractingProcess>decode(Encoded.encode(p));
                assertThat(back).as("%s line %d", f.getFileName(), line).isEqualTo(p);
                assertThat(back.bids()).isUnmodifiable();
                n++;
                withParties += p.parties().isEmpty() ? 0 : 1;
            }
        }
        assertThat(n).isGreaterThan(600);
        assertThat(withParties).isGreaterThan(100);
    }

    @Test
    void releasesOfOneOcidInDifferentFilesGiveTheCommandsOutput(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = List.of(in.resolve("a.jsonl"), in.resolve("b.jsonl"), in.resolve("c.jsonl"), in.resolve("d.jsonl"));
        int n = Integer.getInteger("spark.test.processes", 20_000);
        new SyntheticOcds(42, n).writeFiles(n, files, 10);
        Path out = tmp.resolve("out");
        assertSameAsCommands(in, out, ProcurementJob.Options.of(in.toString(), out.toString()));
        assertThat(Files.readString(out.resolve("job.json"))).contains("exact");
        assertParquetIsTheReport(out);
    }

    @Test
    void aFileSplitAcrossTasksGivesTheCommandsOutput(@TempDir Path tmp) throws Exception {
        // fewer files than cores: the file is split, and a first pass counts each split's lines
        Path in = Files.createDirectories(tmp.resolve("in"));
        new SyntheticOcds(11, 3000).writeFiles(3000, List.of(in.resolve("one.jsonl")), 10);
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.setLong("mapreduce.input.fileinputformat.split.maxsize", 512 * 1024);
        try {
            Path out = tmp.resolve("out");
            assertSameAsCommands(in, out, ProcurementJob.Options.of(in.toString(), out.toString()));
            // a second run into the same folder replaces the first's outputs (errors/ included) instead of failing
            assertSameAsCommands(in, out, ProcurementJob.Options.of(in.toString(), out.toString()));
            assertParquetIsTheReport(out);
        } finally {
            hadoop.unset("mapreduce.input.fileinputformat.split.maxsize");
        }
    }

    @Test
    void regulationJobGivesTheScanCommandsRecords(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("docs"));
        Path samples = Path.of("../data/samples").toAbsolutePath().normalize();
        try (java.util.stream.Stream<Path> files = Files.walk(samples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        // a zip header and nothing of a document after it: an error record (CORRUPT) from both
        Files.write(in.resolve("broken.docx"), "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("out");
        long n = RegulationJob.run(spark, in.toString(), out.toString(), org.adaldyq.risk.ScanSettings.defaults(), 2);
        java.util.Set<com.fasterxml.jackson.databind.JsonNode> actual = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> parts = Files.list(out.resolve("scans"))) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    actual.add(JSON.readTree(line));
                }
            }
        }
        java.util.Set<com.fasterxml.jackson.databind.JsonNode> expected = new java.util.HashSet<>();
        for (String line : cliOut("scan", "--format", "jsonl", "--quiet", in.toString()).lines().toList()) {
            expected.add(JSON.readTree(line));
        }
        assertThat(n).isEqualTo(4);
        // error messages name a stream by its whole path, a file by its name: compare error records without them
        assertThat(withoutErrorText(actual)).isEqualTo(withoutErrorText(expected));
        assertThat(actual.stream().filter(r -> !r.has("error")).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().filter(r -> !r.has("error")).toList()).hasSize(3);
        assertThat(actual).anyMatch(r -> "CORRUPT".equals(r.path("reason").asText()) && r.path("source").asText().endsWith("broken.docx"));
        assertThat(spark.read().parquet(out.resolve("scans.parquet").toString()).count()).isEqualTo(4);
    }

    private static java.util.Set<com.fasterxml.jackson.databind.JsonNode> withoutErrorText(java.util.Set<com.fasterxml.jackson.databind.JsonNode> records) {
        java.util.Set<com.fasterxml.jackson.databind.JsonNode> out = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode r : records) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = r.deepCopy();
            if (copy.has("error")) {
                copy.put("error", "");
            }
            out.add(copy);
        }
        return out;
    }

    @Test
    void aDocumentOverTheSizeLimitIsAnErrorRecord(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(in.resolve("big.txt"), "Статья 1. ".repeat(1000));
        Path out = tmp.resolve("out");
        RegulationJob.run(spark, in.toString(), out.toString(), new org.adaldyq.risk.ScanSettings(null, 1000, 60_000), 1);
        // run again into the same folder: the records are replaced, not refused
        RegulationJob.run(spark, in.toString(), out.toString(), new org.adaldyq.risk.ScanSettings(null, 1000, 60_000), 1);
        String records = Files.readString(out.resolve("scans/part-00000"));
        assertThat(JSON.readTree(records).path("reason").asText()).isEqualTo("TOO_LARGE");
    }

    private static void assertSameAsCommands(Path input, Path out, ProcurementJob.Options options) throws Exception {
        long t = System.nanoTime();
        ProcurementJob.Summary s = ProcurementJob.run(spark, options);
        System.err.printf("spark job: %d processes, %s%n", s.counts().processes(), s.millis());
        t = System.nanoTime();
        String indicators = cli("indicators", input.toString());
        assertThat(JSON.readTree(out.resolve("indicators.json").toFile())).isEqualTo(JSON.readTree(indicators));
        assertThat(Files.readString(out.resolve("indicators.json"), StandardCharsets.UTF_8)).isEqualTo(indicators.strip());
        List<String> expected = cli("tenders", input.toString()).lines().toList();
        List<String> actual = Files.readAllLines(out.resolve("tenders.jsonl"), StandardCharsets.UTF_8);
        System.err.printf("both commands: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
        }
        assertThat(out.resolve("_parts")).as("part files removed once concatenated").doesNotExist();
    }

    /** The CLI's output through picocli's writer (as {@code scan} prints). */
    static String cliOut(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        assertThat(RiskCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), args)).isIn(0, 1);
        return out.toString();
    }

    /** The CLI's standard output (its commands write to {@code System.out}). */
    static synchronized String cli(String... args) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertThat(RiskCli.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}

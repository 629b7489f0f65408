package org.adaldyq.risk.spark;

import org.adaldyq.risk.DocumentScans;
import org.adaldyq.risk.ScanSettings;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Draft-law scans on a Spark cluster: every document of a folder (any Hadoop file system; any format the
 * {@code scan} command reads) scanned by the library's own scan ({@link DocumentScans}, one engine per
 * executor JVM), into what {@code scan --format jsonl} writes for it: its report, or an error record
 * when it cannot be read, is too large or takes too long (a document never fails the stage). Writes
 * {@code scans/} (JSON lines, one record per document) and {@code scans.parquet/} (the same records).
 *
 * <pre>spark-submit --class org.adaldyq.risk.spark.RegulationJob risk-spark-all.jar INPUT_FOLDER OUTPUT
 *     [--lang kk|ru|en] [--max-bytes N] [--timeout-seconds N] [--partitions N]</pre>
 */
public final class RegulationJob {
    private static final Logger LOG = LoggerFactory.getLogger(RegulationJob.class);

    private RegulationJob() {
    }

    /** {@code spark-submit} entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RegulationJob INPUT OUTPUT [--lang kk|ru|en] [--max-bytes N] [--timeout-seconds N] [--partitions N]");
            System.exit(2);
        }
        ScanSettings s = ScanSettings.defaults();
        int partitions = 0;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--lang" -> s = new ScanSettings(args[i + 1], s.maxBytes(), s.timeoutMillis());
                case "--max-bytes" -> s = new ScanSettings(s.language(), Long.parseLong(args[i + 1]), s.timeoutMillis());
                case "--timeout-seconds" -> s = new ScanSettings(s.language(), s.maxBytes(), Long.parseLong(args[i + 1]) * 1000);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        SparkSession spark = SparkSession.builder().appName("adaldyq-regulation").getOrCreate();
        try {
            long n = run(spark, args[0], args[1], s, partitions);
            LOG.info("regulation job done: {} documents", n);
        } finally {
            spark.stop();
        }
    }

    /**
     * Scans every file under {@code input} into {@code output}; returns the number of documents.
     *
     * @param partitions minimum number of partitions (0: the default parallelism)
     */
    public static long run(SparkSession spark, String input, String output, ScanSettings settings, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int min = partitions > 0 ? partitions : jsc.defaultParallelism();
        JavaRDD<String> records = jsc.binaryFiles(input, min)
                .mapPartitions(files -> DocumentScans.scan(settings, new Documents(files)));
        records.cache();
        Path scans = new Path(output, "scans");
        try {
            // a second run into the same folder replaces the first's records (Spark's text writer refuses a folder that exists)
            scans.getFileSystem(jsc.hadoopConfiguration()).delete(scans, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        records.saveAsTextFile(scans.toString());
        spark.read().json(scans.toString()).write().mode("overwrite")
                .parquet(new Path(output, "scans.parquet").toString());
        long n = records.count();
        records.unpersist(false);
        return n;
    }

    /** The files of a partition as documents, named as the CLI names them (a local path for file: URIs). */
    private record Documents(Iterator<Tuple2<String, PortableDataStream>> files) implements Iterator<DocumentScans.Document> {
        @Override
        public boolean hasNext() {
            return files.hasNext();
        }

        @Override
        public DocumentScans.Document next() {
            Tuple2<String, PortableDataStream> f = files.next();
            java.net.URI uri = new Path(f._1()).toUri();
            String name = "file".equals(uri.getScheme()) ? uri.getPath() : f._1();
            return new DocumentScans.Document() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public InputStream open() {
                    return f._2().open();
                }
            };
        }
    }
}

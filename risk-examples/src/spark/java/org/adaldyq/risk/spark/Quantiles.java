package org.adaldyq.risk.spark;

import org.adaldyq.risk.procurement.stats.FixedQuantiles;
import org.adaldyq.risk.procurement.stats.QuantileSamples;
import org.adaldyq.risk.procurement.stats.Type8Ranks;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The quantiles the fences need, over every shard's samples: exactly (type 8, as a single run: each
 * sample sorted across the cluster, then only the one or two ranks each quantile reads are looked up), or
 * approximately with Spark's {@code percentile_approx} (one pass, no sort; a borderline value can land on
 * the other side of a fence, so the job labels its output approximate).
 */
final class Quantiles {
    private Quantiles() {
    }

    /** Exact type-8 quantiles: one sort of all sample values, a count per sample, and a rank lookup. */
    static FixedQuantiles exact(JavaRDD<QuantileSamples> shards) {
        JavaRDD<QuantileSamples> samples = shards.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Set<Double>> wanted = wanted(samples);
            JavaPairRDD<String, Double> values = values(samples);
            Map<String, Long> counts = new TreeMap<>(values.countByKey());
            // the global index of each rank wanted: samples sorted by name, then value
            Map<Long, String> at = new HashMap<>();
            Map<String, Map<Double, long[]>> ranks = new HashMap<>();
            long offset = 0;
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                for (double p : wanted.getOrDefault(c.getKey(), Set.of())) {
                    long[] r = Type8Ranks.ranks(c.getValue(), p);
                    ranks.computeIfAbsent(c.getKey(), k -> new HashMap<>()).put(p, r);
                    for (long i : r) {
                        at.put(offset + i, c.getKey());
                    }
                }
                offset += c.getValue();
            }
            Set<Long> indices = new HashSet<>(at.keySet());
            Map<Long, Double> found = new HashMap<>();
            values.mapToPair(t -> new Tuple2<>(new SampleValue(t._1(), t._2()), Boolean.TRUE))
                    .sortByKey(SampleValue.ORDER)
                    .keys()
                    .zipWithIndex()
                    .filter(t -> indices.contains(t._2()))
                    .collect()
                    .forEach(t -> found.put(t._2(), t._1().value()));
            Map<String, Map<Double, Double>> out = new HashMap<>();
            offset = 0;
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                long n = c.getValue();
                for (Map.Entry<Double, long[]> w : ranks.getOrDefault(c.getKey(), Map.of()).entrySet()) {
                    long[] r = w.getValue();
                    double a = found.get(offset + r[0]);
                    double b = found.get(offset + r[r.length - 1]);
                    out.computeIfAbsent(c.getKey(), k -> new HashMap<>()).put(w.getKey(), Type8Ranks.interpolate(n, w.getKey(), a, b));
                }
                offset += n;
            }
            return new FixedQuantiles(out);
        } finally {
            samples.unpersist(false);
        }
    }

    /** Spark's approximate percentiles ({@code percentile_approx} with accuracy 1 / {@code relativeError}). */
    static FixedQuantiles approximate(SparkSession spark, JavaRDD<QuantileSamples> shards, double relativeError) {
        JavaRDD<QuantileSamples> samples = shards.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Set<Double>> wanted = wanted(samples);
            List<Double> probabilities = new ArrayList<>(new LinkedHashSet<>(wanted.values().stream().flatMap(Set::stream).toList()));
            Map<String, Map<Double, Double>> out = new HashMap<>();
            if (probabilities.isEmpty()) {
                return new FixedQuantiles(out);
            }
            StructType schema = new StructType().add("name", DataTypes.StringType).add("value", DataTypes.DoubleType);
            Dataset<Row> rows = spark.createDataFrame(values(samples).map(t -> RowFactory.create(t._1(), t._2())), schema);
            Column[] ps = probabilities.stream().map(functions::lit).toArray(Column[]::new);
            List<Row> result = rows.groupBy("name")
                    .agg(functions.percentile_approx(functions.col("value"), functions.array(ps),
                            functions.lit((int) Math.ceil(1 / relativeError))))
                    .collectAsList();
            for (Row r : result) {
                List<Object> qs = r.getList(1);
                for (int i = 0; i < probabilities.size(); i++) {
                    out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(probabilities.get(i), ((Number) qs.get(i)).doubleValue());
                }
            }
            return new FixedQuantiles(out);
        } finally {
            samples.unpersist(false);
        }
    }

    private static Map<String, Set<Double>> wanted(JavaRDD<QuantileSamples> samples) {
        Map<String, Set<Double>> wanted = new HashMap<>();
        samples.map(QuantileSamples::wanted).collect().forEach(w -> w.forEach(
                (name, ps) -> wanted.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(ps)));
        return wanted;
    }

    private static JavaPairRDD<String, Double> values(JavaRDD<QuantileSamples> samples) {
        return samples.flatMapToPair(s -> {
            List<Tuple2<String, Double>> out = new ArrayList<>();
            s.values().forEach((name, v) -> {
                for (double x : v) {
                    out.add(new Tuple2<>(name, x));
                }
            });
            return out.iterator();
        });
    }

    /** One value of one sample, sorted by sample name, then value (as {@code Arrays.sort} orders doubles). */
    record SampleValue(String name, double value) implements Serializable {
        static final Comparator<SampleValue> ORDER = (Comparator<SampleValue> & Serializable) (a, b) -> {
            int c = a.name.compareTo(b.name);
            return c != 0 ? c : Double.compare(a.value, b.value);
        };
    }
}

package org.adaldyq.risk.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The report's records as Parquet, written by the executors straight from the report's part files: the
 * main fields as typed columns and each whole record as {@code json}, one Parquet file per part.
 *
 * <p>Written with Parquet's own writer rather than through Spark SQL: the job uses no Spark SQL otherwise,
 * and starting it (the session state, code generation, the file source) cost about five seconds of a
 * 50,000-process job, more than the copy itself. The columns are those Spark SQL would give for the same
 * schema (strings, a list of strings, a map of doubles, a struct of scores), so {@code spark.read.parquet}
 * reads them as before.
 */
final class TendersParquet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns; every one optional (a buyer's record has no {@code scores}, a process's no {@code processes}). */
    static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("type")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("ocid")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
            .optional(PrimitiveTypeName.INT64).named("line")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("buyer")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("procuringEntity")
            .optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("suppliers")
            .optional(PrimitiveTypeName.DOUBLE).named("value")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("currency")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status")
            .optionalGroup()
                .optional(PrimitiveTypeName.DOUBLE).named("cri")
                .optional(PrimitiveTypeName.DOUBLE).named("weighted")
                .optional(PrimitiveTypeName.DOUBLE).named("priority")
                .optional(PrimitiveTypeName.INT32).named("components")
                .optional(PrimitiveTypeName.INT32).named("flagged")
                .named("scores")
            .optionalMap()
                .key(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .optionalValue(PrimitiveTypeName.DOUBLE)
                .named("flags")
            .optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("notFlagged")
            .optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("notComputable")
            .optional(PrimitiveTypeName.INT64).named("processes")
            .optional(PrimitiveTypeName.INT64).named("flaggedProcesses")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("json")
            .named("spark_schema");

    private TendersParquet() {
    }

    /** Writes the records of the JSON-lines file {@code jsonl} to the Parquet file {@code parquet} (replaced). */
    static void write(Configuration conf, Path jsonl, Path parquet) throws IOException {
        FileSystem fs = jsonl.getFileSystem(conf);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(jsonl), StandardCharsets.UTF_8), 1 << 16);
             ParquetWriter<Group> out = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(parquet, conf))
                     .withConf(conf)
                     .withType(SCHEMA)
                     .withCompressionCodec(CompressionCodecName.SNAPPY)
                     .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                     .build()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.write(row(groups.newGroup(), JSON.readTree(line), line));
                }
            }
        }
    }

    /** One record as a row: a field that is missing, null or of another type is left out (null), as Spark's {@code from_json} leaves it. */
    static Group row(Group g, JsonNode r, String json) {
        text(g, "type", r.get("type"));
        text(g, "ocid", r.get("ocid"));
        text(g, "id", r.get("id"));
        integral(g, "line", r.get("line"));
        text(g, "buyer", r.get("buyer"));
        text(g, "procuringEntity", r.get("procuringEntity"));
        texts(g, "suppliers", r.get("suppliers"));
        number(g, "value", r.get("value"));
        text(g, "currency", r.get("currency"));
        text(g, "status", r.get("status"));
        JsonNode s = r.get("scores");
        if (s != null && s.isObject()) {
            Group scores = g.addGroup("scores");
            number(scores, "cri", s.get("cri"));
            number(scores, "weighted", s.get("weighted"));
            number(scores, "priority", s.get("priority"));
            int32(scores, "components", s.get("components"));
            int32(scores, "flagged", s.get("flagged"));
        }
        JsonNode flags = r.get("flags");
        if (flags != null && flags.isObject()) {
            Group map = g.addGroup("flags");
            for (Iterator<Map.Entry<String, JsonNode>> it = flags.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Group kv = map.addGroup("key_value");
                kv.add("key", e.getKey());
                number(kv, "value", e.getValue());
            }
        }
        texts(g, "notFlagged", r.get("notFlagged"));
        texts(g, "notComputable", r.get("notComputable"));
        integral(g, "processes", r.get("processes"));
        integral(g, "flaggedProcesses", r.get("flaggedProcesses"));
        g.add("json", json);
        return g;
    }

    /** A string column: a string as it is, any other value but null as its JSON text (as {@code from_json} gives it). */
    private static void text(Group g, String field, JsonNode v) {
        if (v != null && !v.isNull()) {
            g.add(field, v.isTextual() ? v.textValue() : v.toString());
        }
    }

    private static void number(Group g, String field, JsonNode v) {
        if (v != null && v.isNumber()) {
            g.add(field, v.doubleValue());
        }
    }

    private static void integral(Group g, String field, JsonNode v) {
        if (v != null && v.canConvertToLong() && v.isIntegralNumber()) {
            g.add(field, v.longValue());
        }
    }

    private static void int32(Group g, String field, JsonNode v) {
        if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
            g.add(field, v.intValue());
        }
    }

    private static void texts(Group g, String field, JsonNode v) {
        if (v == null || !v.isArray()) {
            return;
        }
        Group list = g.addGroup(field);
        for (JsonNode e : v) {
            text(list.addGroup("list"), "element", e);
        }
    }
}

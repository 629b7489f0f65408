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
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
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
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
            .optional(PrimitiveTypeName.INT64).named("line")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("buyer")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("procuringEntity")
            .optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("suppliers")
            .optionalMap()
                .key(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .optionalValue(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .named("names")
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
                    out.write(row(groups.newGroup(), columns(line), line));
                }
            }
        }
    }

    /** The names of the columns, the whole record's ({@code json}) included. */
    private static final java.util.Set<String> COLUMNS = SCHEMA.getFields().stream().map(Type::getName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The members of a record that are columns, as the record's tree would hold them; the rest (a process's
     * findings, most of its bytes) skipped unread. A line that is not an object is read whole, as before:
     * it fills no column.
     */
    static JsonNode columns(String line) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return JSON.readTree(line);
            }
            com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (COLUMNS.contains(name)) {
                    o.set(name, p.readValueAsTree());
                } else {
                    p.skipChildren();
                }
            }
            return o;
        }
    }

    /**
     * One record as a row, its columns read off {@link #SCHEMA} (the one list of the columns): a field that
     * is missing, null or of another type is left out (null), as Spark's {@code from_json} leaves it.
     */
    private static Group row(Group g, JsonNode r, String json) {
        fill(g, SCHEMA, r);
        g.add("json", json);
        return g;
    }

    /** The fields of {@code type} taken from the object {@code o}: primitives, lists, maps and structs. */
    private static void fill(Group g, GroupType type, JsonNode o) {
        for (Type field : type.getFields()) {
            String name = field.getName();
            JsonNode v = o.get(name);
            if (name.equals("json") && type == SCHEMA) {
                continue; // the whole line, set by row
            }
            if (field.isPrimitive()) {
                put(g, name, field.asPrimitiveType().getPrimitiveTypeName(), v);
            } else if (field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                if (v != null && v.isArray()) {
                    Group list = g.addGroup(name);
                    PrimitiveTypeName element = elementType(field);
                    for (JsonNode e : v) {
                        put(list.addGroup("list"), "element", element, e);
                    }
                }
            } else if (field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
                if (v != null && v.isObject()) {
                    Group map = g.addGroup(name);
                    PrimitiveTypeName value = elementType(field);
                    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        Group kv = map.addGroup("key_value");
                        kv.add("key", e.getKey());
                        put(kv, "value", value, e.getValue());
                    }
                }
            } else if (v != null && v.isObject()) {
                fill(g.addGroup(name), field.asGroupType(), v);
            }
        }
    }

    /** The type of a list's elements or of a map's values (the last field of its repeated group). */
    private static PrimitiveTypeName elementType(Type listOrMap) {
        GroupType repeated = listOrMap.asGroupType().getType(0).asGroupType();
        return repeated.getType(repeated.getFieldCount() - 1).asPrimitiveType().getPrimitiveTypeName();
    }

    /**
     * One value of a primitive column. A string column takes a string as it is and any other value but null
     * as its JSON text (as {@code from_json} gives it); a number column only a number, an integer column only
     * an integral number in its range.
     */
    private static void put(Group g, String field, PrimitiveTypeName type, JsonNode v) {
        if (v == null || v.isNull()) {
            return;
        }
        switch (type) {
            case BINARY -> g.add(field, v.isTextual() ? v.textValue() : v.toString());
            case DOUBLE -> {
                if (v.isNumber()) {
                    g.add(field, v.doubleValue());
                }
            }
            case INT64 -> {
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    g.add(field, v.longValue());
                }
            }
            case INT32 -> {
                if (v.isIntegralNumber() && v.canConvertToInt()) {
                    g.add(field, v.intValue());
                }
            }
            default -> throw new IllegalStateException("no mapping for a " + type + " column: " + field);
        }
    }
}

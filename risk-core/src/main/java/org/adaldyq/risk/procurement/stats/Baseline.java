package org.adaldyq.risk.procurement.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.TopTendererBar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The dataset statistics of one run, saved so that later runs judge new processes against them: the
 * fences of the dataset-relative flags (R024, R025, R038, R048, R058: Tukey fences or fixed thresholds),
 * R025's top-tenderer bar, and Cardinal's {@code Meta}. This is how single tenders are scored as they are
 * published: compute the baseline once over the history, save it, and assess each new release with
 * {@code ProcurementEngine.builder().baseline(saved)}. With a baseline the fences are not recomputed from
 * the input; organisation-level ratios (R025, R038, R048) are still those of the input. Immutable.
 *
 * <p>Saved as a small JSON document: {@code {"format": 1, "processes": n, "fences": [{"code", "group",
 * "value", "fixed"}], "topTendererBar": x, "meta": {code: {statistic: value}}}}.
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private final long processes;
    private final List<OutlierFence> fences;
    private final Double topTendererBar;
    private final Map<String, Map<String, Double>> meta;

    Baseline(long processes, List<OutlierFence> fences, Double topTendererBar, Map<String, Map<String, Double>> meta) {
        this.processes = processes;
        this.fences = List.copyOf(fences);
        this.topTendererBar = topTendererBar;
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        meta.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.meta = Collections.unmodifiableMap(copy);
    }

    /** The baseline of the dataset facts a run used. */
    public static Baseline of(long processes, List<Object> datasetFacts, Map<String, Map<String, Double>> meta) {
        List<OutlierFence> fences = new ArrayList<>();
        Double bar = null;
        for (Object f : datasetFacts) {
            if (f instanceof OutlierFence o) {
                fences.add(o);
            } else if (f instanceof TopTendererBar t) {
                bar = t.getMinimumProcesses();
            }
        }
        return new Baseline(processes, fences, bar, meta);
    }

    /** Reviewed processes the statistics were computed over. */
    public long processes() {
        return processes;
    }

    /** The fences of the dataset-relative flags; only usable fences are kept. */
    public List<OutlierFence> fences() {
        return fences;
    }

    /** R025's bar, null when R025 was not computed. */
    public Double topTendererBar() {
        return topTendererBar;
    }

    /** Cardinal's {@code Meta} of the run that computed it. */
    public Map<String, Map<String, Double>> meta() {
        return meta;
    }

    /** Writes the baseline as pretty-printed JSON; {@code out} is left open. */
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("processes", processes);
            g.writeArrayFieldStart("fences");
            for (OutlierFence f : fences) {
                g.writeStartObject();
                g.writeStringField("code", f.getCode());
                g.writeStringField("group", f.getGroup().name());
                finite(g, "value", f.getValue());
                g.writeBooleanField("fixed", f.isFixed());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (topTendererBar != null) {
                g.writeNumberField("topTendererBar", topTendererBar);
            }
            g.writeObjectFieldStart("meta");
            for (Map.Entry<String, Map<String, Double>> m : meta.entrySet()) {
                g.writeObjectFieldStart(m.getKey());
                for (Map.Entry<String, Double> v : m.getValue().entrySet()) {
                    finite(g, v.getKey(), v.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** JSON has no NaN or Infinity: those are written as null (a fence of null is no fence). */
    private static void finite(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /** Writes the baseline to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /**
     * Reads a saved baseline.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not a baseline of a format this version reads
     */
    public static Baseline read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("not a saved baseline (format " + FORMAT + "): expected {\"format\": 1, ...}");
        }
        List<OutlierFence> fences = new ArrayList<>();
        for (JsonNode f : root.path("fences")) {
            String code = f.path("code").asText(null);
            Group group;
            try {
                group = Group.valueOf(f.path("group").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseline fence of " + code + ": unknown group " + f.path("group"));
            }
            if (f.path("value").isNull()) {
                continue; // a fence that was not finite: no flag can reach it
            }
            if (code == null || !f.path("value").isNumber()) {
                throw new IllegalArgumentException("baseline fence without code or numeric value: " + f);
            }
            fences.add(new OutlierFence(code, group, f.path("value").asDouble(), f.path("fixed").asBoolean()));
        }
        Map<String, Map<String, Double>> meta = new TreeMap<>();
        root.path("meta").properties().forEach(e -> {
            Map<String, Double> m = new LinkedHashMap<>();
            e.getValue().properties().forEach(v -> m.put(v.getKey(), v.getValue().asDouble()));
            meta.put(e.getKey(), m);
        });
        Double bar = root.path("topTendererBar").isNumber() ? root.path("topTendererBar").asDouble() : null;
        return new Baseline(root.path("processes").asLong(), fences, bar, meta);
    }

    /** Reads a baseline saved by {@link #write(Path)}, as {@link #read(InputStream)}. */
    public static Baseline read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO would block the run forever
            throw new IllegalArgumentException(file + ": not a regular file (a folder, FIFO or device): not read");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's message runs over two lines and hides the file: one line, with the file and line
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + where + ": not a saved baseline (not JSON: " + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The baseline's dataset facts for the enabled codes, in place of those computed from the input. */
    List<Object> facts(java.util.Set<String> enabled) {
        List<Object> out = new ArrayList<>();
        for (OutlierFence f : fences) {
            if (enabled.contains(f.getCode())) {
                out.add(f);
            }
        }
        if (topTendererBar != null && enabled.stream().map(IndicatorCatalogue.builtIn()::find)
                .anyMatch(i -> i != null && "tendererWinRate".equals(i.statistic()))) {
            out.add(new TopTendererBar(topTendererBar));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline b && processes == b.processes && Objects.equals(topTendererBar, b.topTendererBar)
                && meta.equals(b.meta) && fences.size() == b.fences.size()
                && fences.stream().map(Baseline::key).toList().equals(b.fences.stream().map(Baseline::key).toList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(processes, topTendererBar, meta, fences.stream().map(Baseline::key).toList());
    }

    private static String key(OutlierFence f) {
        return f.getCode() + "/" + f.getGroup() + "/" + f.getValue() + "/" + f.isFixed();
    }
}

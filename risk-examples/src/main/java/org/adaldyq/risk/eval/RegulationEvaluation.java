package org.adaldyq.risk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScanReport;

/**
 * Scores the regulation rules on labelled provisions ({@code *.jsonl}: {@code id}, {@code lang},
 * {@code text}, {@code factors}): each provision is scanned as its own text, and the factor codes found
 * are compared with the labels. Document-level factors are not labelled per provision and are left out.
 */
public final class RegulationEvaluation {

    /** Codes judged at document level, never labelled on single provisions. */
    static final Set<String> DOCUMENT_LEVEL = Set.of("CONFLICT_OF_INTEREST", "NO_ACCOUNTABILITY");

    /** One labelled provision and what the engine found in it. */
    public record Case(String id, String set, Language language, Set<String> expected, Set<String> found, String text) {
        public Set<String> missed() {
            Set<String> s = new TreeSet<>(expected);
            s.removeAll(found);
            return s;
        }

        public Set<String> extra() {
            Set<String> s = new TreeSet<>(found);
            s.removeAll(expected);
            return s;
        }
    }

    /** True/false positives and false negatives of one factor or one language. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int tp() {
            return tp;
        }

        public int fp() {
            return fp;
        }

        public int fn() {
            return fn;
        }
    }

    /** Results of a run: per case, and counts per language and per (language, factor). */
    public record Result(List<Case> cases, Map<String, Counts> byLanguage, Map<String, Map<String, Counts>> byFactor) {
    }

    private RegulationEvaluation() {
    }

    /** Reads every {@code .jsonl} file under {@code dir} and scores the engine on it. */
    public static Result run(RiskEngine engine, Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no labelled .jsonl files in " + dir);
        }
        for (Path file : files) {
            String set = file.getFileName().toString().replace(".jsonl", "");
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = mapper.readTree(line);
                    Language lang = Language.fromCode(n.path("lang").asText())
                            .orElseThrow(() -> new IOException(file + ": bad lang in " + n.path("id")));
                    Set<String> expected = new TreeSet<>();
                    n.path("factors").forEach(f -> expected.add(f.asText()));
                    expected.removeAll(DOCUMENT_LEVEL);
                    String text = n.path("text").asText();
                    ScanReport report = engine.scan(text, lang);
                    Set<String> found = new TreeSet<>();
                    for (Finding f : report.findings()) {
                        found.add(f.code());
                    }
                    found.removeAll(DOCUMENT_LEVEL);
                    cases.add(new Case(n.path("id").asText(), set, lang, expected, found, text));
                }
            }
        }
        Map<String, Counts> byLanguage = new TreeMap<>();
        Map<String, Map<String, Counts>> byFactor = new TreeMap<>();
        for (Case c : cases) {
            Counts lang = byLanguage.computeIfAbsent(c.language().code(), k -> new Counts());
            Set<String> codes = new LinkedHashSet<>(c.expected());
            codes.addAll(c.found());
            for (String code : codes) {
                Counts f = byFactor.computeIfAbsent(c.language().code(), k -> new TreeMap<>())
                        .computeIfAbsent(code, k -> new Counts());
                boolean exp = c.expected().contains(code);
                boolean got = c.found().contains(code);
                if (exp && got) {
                    f.tp++;
                    lang.tp++;
                } else if (got) {
                    f.fp++;
                    lang.fp++;
                } else {
                    f.fn++;
                    lang.fn++;
                }
            }
        }
        return new Result(cases, byLanguage, byFactor);
    }
}

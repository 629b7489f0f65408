package org.adaldyq.risk.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adaldyq.risk.lang.Language;

/**
 * One labelled provision, as the corpus and a ministry's own data hold it (JSON lines): {@code id},
 * {@code lang} (kk, ru, en), {@code text} (with its lead-in when it is a list item), {@code factors}
 * (codes; empty = none) and, optionally, {@code act} and {@code split} (train, dev, test, or fresh for a check set; absent = train).
 */
public record LabelledProvision(String id, Language language, String act, String split, String text, Set<String> factors,
                                String pair) {

    /** Codes judged at document level, never labelled on single provisions. */
    public static final Set<String> DOCUMENT_LEVEL = Set.of("CONFLICT_OF_INTEREST", "NO_ACCOUNTABILITY");

    /**
     * Every provision of the given files and folders, in order; a missing path or a bad line is an
     * {@link IOException} whose message names it (file:line).
     */
    public static List<LabelledProvision> read(List<Path> paths) throws IOException {
        List<LabelledProvision> out = new ArrayList<>();
        for (Path p : paths) {
            try {
                out.addAll(read(p));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException("no such file or folder: " + e.getFile(), e);
            }
        }
        return out;
    }

    /** Every {@code *.jsonl} under {@code path} (a file or a folder, not recursive), in name order. */
    public static List<LabelledProvision> read(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        if (files.isEmpty()) {
            throw new IOException("no labelled .jsonl files in " + path);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledProvision> out = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode j;
                    try {
                        j = mapper.readTree(line);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IOException(file + ":" + n + ": not JSON: " + e.getOriginalMessage(), e);
                    }
                    String where = file + ":" + n;
                    Language lang = Language.fromCode(j.path("lang").asText())
                            .orElseThrow(() -> new IOException(where + ": \"lang\" must be kk, ru or en"));
                    String text = j.path("text").asText("");
                    if (text.isBlank()) {
                        throw new IOException(where + ": no \"text\"");
                    }
                    if (!j.path("factors").isArray()) {
                        throw new IOException(where + ": \"factors\" must be an array of codes");
                    }
                    Set<String> factors = new TreeSet<>();
                    j.path("factors").forEach(f -> factors.add(f.asText()));
                    factors.removeAll(DOCUMENT_LEVEL);
                    String id = j.path("id").asText(file.getFileName() + ":" + n);
                    out.add(new LabelledProvision(id, lang, j.path("act").asText(""), j.path("split").asText("train"),
                            text, factors, j.path("pair").asText("")));
                }
            }
        }
        return out;
    }
}

package org.adaldyq.risk.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.adaldyq.risk.lexicon.Lexicon;

/**
 * The files of one layer of rules: the built-in pack (from the class path) or one author folder.
 * Layers are merged in order, later ones adding, overriding and disabling rules of earlier ones (see
 * {@link RuleAssembly}). A layer's folder layout:
 *
 * <pre>
 * *.drl                   rules (any sub-folder); rule name = rule id
 * *.examples              example cases, beside the rules (see {@link RuleExamples})
 * *.examples.jsonl        procurement example cases: OCDS releases, one per line
 * thresholds.csv          key,value[,comment] (see {@link ThresholdTable})
 * disabled.txt            rule ids to switch off, one per line
 * factors.json            factors added to (or replacing, by code) the catalogue
 * confidence.csv          regulation: how often each factor's findings were right, rows replacing earlier ones
 * lexicon/&lt;lang&gt;/&lt;CONCEPT&gt;.txt trigger words added to the concept
 * </pre>
 *
 * Names starting with a dot and editor backups ({@code ~}) are ignored.
 */
public final class RuleLayer {
    /** The file of measured confidence per language and factor (regulation pack; see docs/regulation.md). */
    public static final String CONFIDENCE = "confidence.csv";
    /** File name ending of procurement example cases. */
    public static final String RELEASE_EXAMPLES = ".examples.jsonl";
    /** How the origin of a built-in file starts (an author file's origin is its path). */
    public static final String CLASSPATH_ORIGIN = "classpath:";

    /** A text file of the layer: where it came from and its content. */
    public record SourceFile(String origin, String content) {
        /** The content's lines, without line terminators. */
        public List<String> lines() {
            return content.lines().toList();
        }
    }

    private final String name;
    private final boolean builtIn;
    private final List<RuleSet.DrlSource> drl;
    private final List<SourceFile> examples;
    private final List<SourceFile> releaseExamples;
    private final Optional<SourceFile> thresholds;
    private final Optional<SourceFile> disabled;
    private final Optional<SourceFile> factors;
    private final Optional<SourceFile> confidence;
    private final LexiconSource lexicon;

    /** Adds this layer's lexicon files to a lexicon builder. */
    @FunctionalInterface
    interface LexiconSource {
        void addTo(Lexicon.Builder builder);
    }

    private RuleLayer(String name, boolean builtIn, List<RuleSet.DrlSource> drl, List<SourceFile> examples,
            List<SourceFile> releaseExamples, Optional<SourceFile> thresholds, Optional<SourceFile> disabled, Optional<SourceFile> factors,
            Optional<SourceFile> confidence, LexiconSource lexicon) {
        this.name = name;
        this.builtIn = builtIn;
        this.drl = List.copyOf(drl);
        this.examples = List.copyOf(examples);
        this.releaseExamples = List.copyOf(releaseExamples);
        this.thresholds = thresholds;
        this.disabled = disabled;
        this.factors = factors;
        this.confidence = confidence;
        this.lexicon = lexicon;
    }

    /** An author folder. */
    public static RuleLayer directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("rule folder not found: " + dir));
        }
        List<RuleSet.DrlSource> drl = new ArrayList<>();
        List<SourceFile> examples = new ArrayList<>();
        List<SourceFile> releaseExamples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            Path realDir = dir.toRealPath();
            for (Path f : files.filter(p -> !Files.isDirectory(p)).filter(p -> visible(dir, p)).sorted().toList()) {
                if (!Files.isRegularFile(f)) {
                    // a FIFO would block the load, a device would never end: refused, not skipped in silence
                    throw new IOException(f + ": not a regular file (a FIFO, socket, device or dangling link); not read");
                }
                requireInside(realDir, f);
                String fileName = f.getFileName().toString();
                if (fileName.endsWith(".drl")) {
                    String rel = dir.relativize(f).toString().replace('\\', '/');
                    drl.add(new RuleSet.DrlSource(f.toString(), rel, text(f)));
                } else if (fileName.endsWith(".examples")) {
                    examples.add(new SourceFile(f.toString(), text(f)));
                } else if (fileName.endsWith(RELEASE_EXAMPLES)) {
                    releaseExamples.add(new SourceFile(f.toString(), text(f)));
                }
            }
            Path lexiconDir = dir.resolve("lexicon");
            return new RuleLayer(dir.toString(), false, drl, examples, releaseExamples, optional(realDir, dir.resolve(ThresholdTable.FILE)),
                    optional(realDir, dir.resolve("disabled.txt")), optional(realDir, dir.resolve("factors.json")),
                    optional(realDir, dir.resolve(CONFIDENCE)), b -> b.addDirectory(lexiconDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule folder " + dir, e);
        }
    }

    /**
     * A pack on the class path under {@code root}. Its {@code index.txt} lists the DRL, examples and
     * threshold files (a class path cannot be listed); {@code lexicon/index.txt} lists the lexicon.
     */
    public static RuleLayer classpath(ClassLoader loader, String root) {
        List<RuleSet.DrlSource> drl = new ArrayList<>();
        List<SourceFile> examples = new ArrayList<>();
        List<SourceFile> releaseExamples = new ArrayList<>();
        Optional<SourceFile> thresholds = Optional.empty();
        for (String line : read(loader, root + "/index.txt").orElseThrow(
                () -> new IllegalStateException("rule pack index not found on the class path: " + root + "/index.txt")).lines().toList()) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            String resource = root + "/" + file;
            String content = read(loader, resource).orElseThrow(
                    () -> new IllegalStateException("file listed in " + root + "/index.txt not found: " + resource));
            String origin = CLASSPATH_ORIGIN + resource;
            if (file.endsWith(".drl")) {
                drl.add(new RuleSet.DrlSource(origin, file, content));
            } else if (file.endsWith(".examples")) {
                examples.add(new SourceFile(origin, content));
            } else if (file.endsWith(RELEASE_EXAMPLES)) {
                releaseExamples.add(new SourceFile(origin, content));
            } else if (file.equals(ThresholdTable.FILE)) {
                thresholds = Optional.of(new SourceFile(origin, content));
            } else {
                throw new IllegalStateException(root + "/index.txt lists a file of unknown kind: " + file);
            }
        }
        Optional<SourceFile> factors = read(loader, root + "/factors.json").map(c -> new SourceFile(CLASSPATH_ORIGIN + root + "/factors.json", c));
        Optional<SourceFile> confidence = read(loader, root + "/" + CONFIDENCE).map(c -> new SourceFile(CLASSPATH_ORIGIN + root + "/" + CONFIDENCE, c));
        return new RuleLayer("built-in pack " + root, true, drl, examples, releaseExamples, thresholds, Optional.empty(), factors,
                confidence, b -> b.addClasspath(loader, root + "/lexicon"));
    }

    private static boolean visible(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            String s = part.toString();
            if (s.startsWith(".") || s.endsWith("~") || s.startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<SourceFile> optional(Path realDir, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        requireInside(realDir, file);
        return Optional.of(new SourceFile(file.toString(), text(file)));
    }

    /** A file's text, without the byte-order mark some editors write (it would shift the DRL parser's columns). */
    private static String text(Path file) throws IOException {
        String s;
        try {
            s = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not valid UTF-8 text (rule files are UTF-8); not read", e);
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /**
     * A link out of the rule folder is never read: its content could end up in an error message (a host
     * secret printed by {@code rules check}). The whole folder is refused, naming the link.
     */
    private static void requireInside(Path realDir, Path file) throws IOException {
        if (!file.toRealPath().startsWith(realDir)) {
            throw new IOException(file + ": a link out of the rule folder; not read");
        }
    }

    /**
     * True when a built-in DRL file found first on the class path differs from another copy of it further
     * on: a source folder put before the rules jar (a maintainer editing the built-in pack in a checkout).
     * The rules precompiled in the jar are then stale, and the pack must be compiled from the sources.
     */
    static boolean drlShadowed(ClassLoader loader, String root) {
        Optional<String> index = read(loader, root + "/index.txt");
        if (index.isEmpty()) {
            return false;
        }
        for (String line : index.get().lines().toList()) {
            String file = line.strip();
            if (!file.endsWith(".drl")) {
                continue;
            }
            try {
                List<java.net.URL> copies = java.util.Collections.list(loader.getResources(root + "/" + file));
                if (copies.size() > 1) {
                    String first = readUrl(copies.get(0));
                    for (java.net.URL other : copies.subList(1, copies.size())) {
                        if (!first.equals(readUrl(other))) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root + "/" + file, e);
            }
        }
        return false;
    }

    private static String readUrl(java.net.URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) {
                    sb.append(buf, 0, n);
                }
                return Optional.of(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The layer's name, for messages: the built-in pack with its location, or the author folder's path. */
    public String name() {
        return name;
    }

    /** True for the built-in pack. */
    public boolean builtIn() {
        return builtIn;
    }

    /** The layer's DRL files. */
    public List<RuleSet.DrlSource> drl() {
        return drl;
    }

    /** The layer's {@code *.examples} files (see {@link RuleExamples}). */
    public List<SourceFile> examples() {
        return examples;
    }

    /** Procurement example cases ({@code <CODE>.examples.jsonl}: one OCDS release per line). */
    public List<SourceFile> releaseExamples() {
        return releaseExamples;
    }

    /** The layer's {@code thresholds.csv}, if it has one. */
    public Optional<SourceFile> thresholds() {
        return thresholds;
    }

    /** The layer's {@code disabled.txt}, if it has one. */
    public Optional<SourceFile> disabled() {
        return disabled;
    }

    /** The layer's {@code factors.json}, if it has one. */
    public Optional<SourceFile> factors() {
        return factors;
    }

    /** The layer's {@code confidence.csv}, if it has one. */
    public Optional<SourceFile> confidence() {
        return confidence;
    }

    /** Adds this layer's lexicon files (if any) to {@code builder}. */
    public void addLexicon(Lexicon.Builder builder) {
        lexicon.addTo(builder);
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.adaldyq.risk.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaldyq.risk.lang.Language;

/**
 * Trigger lexicons: for each language, named concepts ({@code OPTIONAL_VERB}, {@code STATE_BODY}, ...)
 * each with a list of words and phrases that rule authors edit as plain text files. Immutable and
 * thread-safe once built; {@link #match(TokenizedText)} finds every entry in an analysed text.
 *
 * <p>File layout: {@code <root>/<lang>/<CONCEPT>.txt}. Entry syntax (one per line, {@code #} comments):
 * <ul>
 *   <li>{@code по своему усмотрению} — words are analysed like the text, so inflected forms match;</li>
 *   <li>{@code "may"} — the word exactly as written (lower case), not stemmed;</li>
 *   <li>{@code отказ*} — any word that starts with these letters;</li>
 *   <li>{@code <num>} — a number (digits or a word of the language's {@code NUMBER_WORD} list);</li>
 *   <li>{@code <STATE_BODY>} — any single-word entry of another concept;</li>
 *   <li>{@code ?} — any one word;</li>
 *   <li>a trailing {@code ~N} — up to N other words may stand between the words, in order.</li>
 * </ul>
 * A match never crosses a sentence or clause boundary ({@code ; : ! ?}, line break, full stop).
 */
public final class Lexicon {

    private static final Pattern CONCEPT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final String NUMBER_WORD = "NUMBER_WORD";

    /** Compiled per language; a lazily built lexicon compiles a language on its first use. */
    private final Map<Language, java.util.function.Supplier<CompiledLexicon>> byLanguage;

    private Lexicon(Map<Language, java.util.function.Supplier<CompiledLexicon>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    private CompiledLexicon compiled(Language language) {
        java.util.function.Supplier<CompiledLexicon> s = byLanguage.get(language);
        return s == null ? null : s.get();
    }

    /** An empty builder; add lexicon files per language, then build. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every entry of this lexicon found in {@code text}, in text order. */
    public List<TermMatch> match(TokenizedText text) {
        CompiledLexicon lexicon = compiled(text.language());
        return lexicon == null ? List.of() : lexicon.match(text);
    }

    /** The concept names defined for a language. */
    public Set<String> concepts(Language language) {
        CompiledLexicon lexicon = compiled(language);
        return lexicon == null ? Set.of() : lexicon.concepts();
    }

    /** Number of entries for a language. */
    public int size(Language language) {
        CompiledLexicon lexicon = compiled(language);
        return lexicon == null ? 0 : lexicon.size();
    }

    /** Collects lexicon files; {@link #build()} compiles them and reports every problem at once. */
    public static final class Builder {
        private final Map<Language, Map<String, List<SourceLine>>> lines = new EnumMap<>(Language.class);

        private Builder() {
        }

        /** Adds the entries of one concept file. Later files add to the same concept. */
        public Builder add(Language language, String concept, String origin, List<String> fileLines) {
            List<SourceLine> target = lines.computeIfAbsent(language, l -> new LinkedHashMap<>())
                    .computeIfAbsent(concept, c -> new ArrayList<>());
            for (int i = 0; i < fileLines.size(); i++) {
                target.add(new SourceLine(origin, i + 1, fileLines.get(i), concept));
            }
            return this;
        }

        /** Adds every {@code <lang>/<CONCEPT>.txt} under {@code root}. */
        public Builder addDirectory(Path root) {
            for (Language language : Language.values()) {
                Path dir = root.resolve(language.code());
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                        String name = file.getFileName().toString();
                        add(language, name.substring(0, name.length() - 4), file.toString(),
                                Files.readAllLines(file, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read lexicon directory " + dir, e);
                }
            }
            return this;
        }

        /**
         * Adds the lexicon packaged on the class path under {@code root}: {@code root/index.txt} lists
         * the files ({@code <lang>/<CONCEPT>.txt}), since a class path cannot be listed.
         */
        public Builder addClasspath(ClassLoader loader, String root) {
            for (String entry : readResource(loader, root + "/index.txt")) {
                String file = entry.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                int slash = file.indexOf('/');
                Language language = Language.fromCode(file.substring(0, Math.max(slash, 0)))
                        .orElseThrow(() -> new IllegalStateException("bad lexicon index entry: " + file));
                String concept = file.substring(slash + 1, file.length() - ".txt".length());
                add(language, concept, root + "/" + file, readResource(loader, root + "/" + file));
            }
            return this;
        }

        /** Compiles every language now and reports every problem at once. */
        public Lexicon build() {
            List<LexiconProblem> problems = new ArrayList<>();
            Map<Language, java.util.function.Supplier<CompiledLexicon>> compiled = new EnumMap<>(Language.class);
            for (Map.Entry<Language, Map<String, List<SourceLine>>> e : lines.entrySet()) {
                CompiledLexicon c = compile(e.getKey(), e.getValue(), problems);
                compiled.put(e.getKey(), () -> c);
            }
            if (!problems.isEmpty()) {
                throw new LexiconException(problems);
            }
            return new Lexicon(compiled);
        }

        /**
         * Compiles each language on its first use: a one-page scan then pays for one language, not
         * three. Meant for lexicons already checked (the built-in pack, tested at build time); a problem
         * surfaces as a {@link LexiconException} on first use of its language.
         */
        public Lexicon buildLazily() {
            Map<Language, java.util.function.Supplier<CompiledLexicon>> lazy = new EnumMap<>(Language.class);
            for (Map.Entry<Language, Map<String, List<SourceLine>>> e : lines.entrySet()) {
                Language language = e.getKey();
                Map<String, List<SourceLine>> concepts = Map.copyOf(e.getValue());
                lazy.put(language, new java.util.function.Supplier<>() {
                    private volatile CompiledLexicon value;

                    @Override
                    public CompiledLexicon get() {
                        CompiledLexicon v = value;
                        if (v == null) {
                            synchronized (this) {
                                v = value;
                                if (v == null) {
                                    List<LexiconProblem> problems = new ArrayList<>();
                                    v = compile(language, concepts, problems);
                                    if (!problems.isEmpty()) {
                                        throw new LexiconException(problems);
                                    }
                                    value = v;
                                }
                            }
                        }
                        return v;
                    }
                });
            }
            return new Lexicon(lazy);
        }

        private static CompiledLexicon compile(Language language, Map<String, List<SourceLine>> concepts,
                List<LexiconProblem> problems) {
            List<TriggerPattern> patterns = new ArrayList<>();
            for (Map.Entry<String, List<SourceLine>> c : concepts.entrySet()) {
                if (!CONCEPT_NAME.matcher(c.getKey()).matches()) {
                    SourceLine first = c.getValue().isEmpty() ? new SourceLine(c.getKey(), 1, "", c.getKey()) : c.getValue().get(0);
                    problems.add(new LexiconProblem(first.origin(), 1, 1,
                            "concept name '" + c.getKey() + "' must be UPPER_SNAKE_CASE (the file name is the concept)"));
                    continue;
                }
                for (SourceLine line : c.getValue()) {
                    TriggerPattern p = EntryParser.parse(line, language, concepts.keySet(), problems);
                    if (p != null) {
                        patterns.add(p);
                    }
                }
            }
            return new CompiledLexicon(language, patterns, new TreeSet<>(concepts.keySet()));
        }

        private static List<String> readResource(ClassLoader loader, String name) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("lexicon resource not found on the class path: " + name);
                }
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    return r.lines().toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon resource " + name, e);
            }
        }
    }

    record SourceLine(String origin, int number, String text, String concept) {
    }

    /** The patterns of one language, indexed by what their first element needs. */
    private static final class CompiledLexicon {
        private final Language language;
        private final int size;
        private final Set<String> concepts;
        private final Map<String, List<TriggerPattern>> byFirstStem = new HashMap<>();
        private final Map<String, List<TriggerPattern>> byFirstSurface = new HashMap<>();
        private final PrefixIndex<TriggerPattern> byFirstPrefix = new PrefixIndex<>();
        private final List<TriggerPattern> firstNumber = new ArrayList<>();
        private final Map<String, WordClass> classes = new HashMap<>();

        CompiledLexicon(Language language, List<TriggerPattern> patterns, Set<String> concepts) {
            this.language = language;
            this.size = patterns.size();
            this.concepts = Collections.unmodifiableSet(concepts);
            Map<String, List<TriggerPattern>> byFirstClass = new HashMap<>();
            for (TriggerPattern p : patterns) {
                PatternElement first = p.elements().get(0);
                if (first instanceof PatternElement.Stem s) {
                    byFirstStem.computeIfAbsent(s.term(), k -> new ArrayList<>()).add(p);
                } else if (first instanceof PatternElement.Surface s) {
                    byFirstSurface.computeIfAbsent(s.surface(), k -> new ArrayList<>()).add(p);
                } else if (first instanceof PatternElement.Prefix s) {
                    byFirstPrefix.add(s.prefix(), p);
                } else if (first instanceof PatternElement.ConceptClass c) {
                    byFirstClass.computeIfAbsent(c.concept(), k -> new ArrayList<>()).add(p);
                } else {
                    // The parser never lets '?' start an entry: the rest start with a number.
                    firstNumber.add(p);
                }
                if (p.elements().size() == 1) {
                    classes.computeIfAbsent(p.concept(), k -> new WordClass()).add(first);
                }
            }
            // A pattern that starts with <CONCEPT> (or <num>: NUMBER_WORD) is indexed under every word of
            // that concept, so no token is tested against whole classes.
            if (!firstNumber.isEmpty()) {
                byFirstClass.computeIfAbsent(NUMBER_WORD, k -> new ArrayList<>()).addAll(firstNumber);
            }
            for (Map.Entry<String, List<TriggerPattern>> c : byFirstClass.entrySet()) {
                WordClass wc = classes.get(c.getKey());
                if (wc == null) {
                    continue;
                }
                for (TriggerPattern p : c.getValue()) {
                    for (PatternElement word : wc.words) {
                        if (word instanceof PatternElement.Stem st) {
                            byFirstStem.computeIfAbsent(st.term(), k -> new ArrayList<>()).add(p);
                        } else if (word instanceof PatternElement.Surface su) {
                            byFirstSurface.computeIfAbsent(su.surface(), k -> new ArrayList<>()).add(p);
                        } else if (word instanceof PatternElement.Prefix pr) {
                            byFirstPrefix.add(pr.prefix(), p);
                        }
                    }
                }
            }
        }

        int size() {
            return size;
        }

        Set<String> concepts() {
            return concepts;
        }

        List<TermMatch> match(TokenizedText text) {
            List<TermMatch> out = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < text.size(); i++) {
                Token token = text.get(i);
                // Patterns found through an exact index already accept the token's first word.
                tryAll(byFirstStem.get(token.term()), text, i, out, seen);
                tryAll(byFirstSurface.get(token.surface()), text, i, out, seen);
                int at = i;
                byFirstPrefix.forEachPrefixOf(token.surface(), patterns -> tryAll(patterns, text, at, out, seen));
                // Number words reach these patterns through the index (see the constructor); digits here.
                if (!firstNumber.isEmpty() && !token.surface().isEmpty() && Character.isDigit(token.surface().charAt(0))) {
                    tryAll(firstNumber, text, i, out, seen);
                }
            }
            return out;
        }

        private void tryAll(List<TriggerPattern> patterns, TokenizedText text, int i, List<TermMatch> out, Set<Long> seen) {
            if (patterns == null) {
                return;
            }
            Token token = text.get(i);
            for (TriggerPattern p : patterns) {
                int last = matchRest(p, text, i, 1, i, p.slop());
                if (last >= 0) {
                    long key = ((long) p.concept().hashCode() << 40) ^ ((long) i << 20) ^ last;
                    if (seen.add(key)) {
                        out.add(new TermMatch(p.concept(), i, last, token.start(), text.get(last).end(),
                                token.sentence(), p.origin(), named(p.elements().get(p.elements().size() - 1), text.get(last))));
                    }
                }
            }
        }

        /** Index of the last token of a match of elements[k..] after token {@code previous}, or -1. */
        private int matchRest(TriggerPattern p, TokenizedText text, int first, int k, int previous, int slopLeft) {
            if (k == p.elements().size()) {
                return previous;
            }
            PatternElement element = p.elements().get(k);
            int sentence = text.get(first).sentence();
            for (int j = previous + 1; j <= previous + 1 + slopLeft && j < text.size(); j++) {
                Token token = text.get(j);
                if (token.sentence() != sentence) {
                    return -1;
                }
                if (accepts(element, token)) {
                    int last = matchRest(p, text, first, k + 1, j, slopLeft - (j - previous - 1));
                    if (last >= 0) {
                        return last;
                    }
                }
            }
            return -1;
        }

        /**
         * The beginning of {@code token} (as written) that {@code element} names: a prefix, an exact word, or an
         * ordinary word as written in the entry (else its stem); null for a class or a number.
         */
        private static String named(PatternElement element, Token token) {
            String surface = token.surface();
            if (element instanceof PatternElement.Prefix s) {
                return s.prefix();
            } else if (element instanceof PatternElement.Surface s) {
                return s.surface();
            } else if (element instanceof PatternElement.Stem s) {
                return surface.startsWith(s.surface()) ? s.surface() : surface.startsWith(s.term()) ? s.term() : null;
            }
            return null;
        }

        private boolean accepts(PatternElement element, Token token) {
            if (element instanceof PatternElement.Stem s) {
                return s.term().equals(token.term());
            } else if (element instanceof PatternElement.Surface s) {
                return s.surface().equals(token.surface());
            } else if (element instanceof PatternElement.Prefix s) {
                return token.surface().startsWith(s.prefix());
            } else if (element instanceof PatternElement.Number) {
                return isNumber(token);
            } else if (element instanceof PatternElement.ConceptClass c) {
                WordClass wc = classes.get(c.concept());
                return wc != null && wc.accepts(token);
            }
            return true;
        }

        private boolean isNumber(Token token) {
            for (int i = 0; i < token.surface().length(); i++) {
                if (Character.isDigit(token.surface().charAt(i))) {
                    return true;
                }
            }
            WordClass numbers = classes.get(NUMBER_WORD);
            return numbers != null && numbers.accepts(token);
        }

        @Override
        public String toString() {
            return "Lexicon[" + language + ", " + size + " entries]";
        }
    }

    /** The single-word entries of a concept, usable as {@code <CONCEPT>} inside other entries. */
    private static final class WordClass {
        private final List<PatternElement> words = new ArrayList<>();
        private final Set<String> stems = new HashSet<>();
        private final Set<String> surfaces = new HashSet<>();
        private final List<String> prefixes = new ArrayList<>();

        void add(PatternElement e) {
            words.add(e);
            if (e instanceof PatternElement.Stem s) {
                stems.add(s.term());
            } else if (e instanceof PatternElement.Surface s) {
                surfaces.add(s.surface());
            } else if (e instanceof PatternElement.Prefix s) {
                prefixes.add(s.prefix());
            }
        }

        boolean accepts(Token token) {
            if (stems.contains(token.term()) || surfaces.contains(token.surface())) {
                return true;
            }
            for (String p : prefixes) {
                if (token.surface().startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}

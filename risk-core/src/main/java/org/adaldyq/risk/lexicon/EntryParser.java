package org.adaldyq.risk.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.lang.Language;

/** Parses one line of a lexicon file into a {@link TriggerPattern}, or records why it cannot. */
final class EntryParser {
    private static final Pattern SLOP = Pattern.compile("\\s~(\\d{1,2})\\s*$");
    private static final Pattern CLASS_REF = Pattern.compile("<([A-Za-z][A-Za-z0-9_]*)>");

    private EntryParser() {
    }

    static TriggerPattern parse(Lexicon.SourceLine line, Language language, Set<String> concepts,
            List<LexiconProblem> problems) {
        String raw = line.text();
        int hash = commentStart(raw);
        String entry = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
        if (entry.isEmpty()) {
            return null;
        }
        int column = raw.indexOf(entry.charAt(0)) + 1;
        int slop = 0;
        Matcher slopMatcher = SLOP.matcher(" " + entry);
        if (slopMatcher.find()) {
            slop = Integer.parseInt(slopMatcher.group(1));
            entry = (" " + entry).substring(0, slopMatcher.start()).strip();
        }
        List<PatternElement> elements = new ArrayList<>();
        for (String word : entry.split("\\s+")) {
            if (word.equals("?")) {
                elements.add(new PatternElement.Any());
            } else if (word.equalsIgnoreCase("<num>")) {
                elements.add(new PatternElement.Number());
            } else if (CLASS_REF.matcher(word).matches()) {
                String concept = word.substring(1, word.length() - 1);
                if (!concepts.contains(concept)) {
                    problems.add(problem(line, raw, word, "unknown concept " + word + " (no " + language.code()
                            + "/" + concept + ".txt)"));
                    return null;
                }
                elements.add(new PatternElement.ConceptClass(concept));
            } else if (word.length() > 2 && word.startsWith("\"") && word.endsWith("\"")) {
                String exact = word.substring(1, word.length() - 1);
                TokenizedText read = TokenizedText.analyze(exact, language);
                if (read.size() != 1 || !read.get(0).surface().equals(TokenizedText.surfaceForm(exact, language))) {
                    // A token never holds what the tokenizer splits at (dots, hyphens): no word can equal it.
                    problems.add(problem(line, raw, word, word + " can never match: the " + language.code()
                            + " analyser does not read it as one word; write the words without quotes"));
                    return null;
                }
                elements.add(new PatternElement.Surface(TokenizedText.surfaceForm(exact, language)));
            } else if (word.length() > 1 && word.endsWith("*")) {
                String prefix = TokenizedText.surfaceForm(word.substring(0, word.length() - 1), language);
                if (!prefix.chars().allMatch(Character::isLetterOrDigit)) {
                    problems.add(problem(line, raw, word, "a prefix (word*) must be letters only: " + word));
                    return null;
                }
                elements.add(new PatternElement.Prefix(prefix));
            } else {
                TokenizedText analysed = TokenizedText.analyze(word, language);
                if (analysed.size() == 0) {
                    problems.add(problem(line, raw, word, "'" + word + "' is reduced to nothing by the "
                            + language.code() + " analyser: this entry can never match"));
                    return null;
                }
                for (Token t : analysed.tokens()) {
                    elements.add(new PatternElement.Stem(t.term(), t.surface()));
                }
            }
        }
        if (elements.stream().allMatch(e -> e instanceof PatternElement.Any)) {
            problems.add(new LexiconProblem(line.origin(), line.number(), column, "an entry of only '?' matches every word"));
            return null;
        }
        if (elements.get(0) instanceof PatternElement.Any || elements.get(elements.size() - 1) instanceof PatternElement.Any) {
            problems.add(new LexiconProblem(line.origin(), line.number(), column, "an entry cannot start or end with '?'"));
            return null;
        }
        return new TriggerPattern(line.concept(), List.copyOf(elements), slop, entry, line.origin() + ":" + line.number());
    }

    private static int commentStart(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static LexiconProblem problem(Lexicon.SourceLine line, String raw, String word, String message) {
        int col = raw.indexOf(word);
        return new LexiconProblem(line.origin(), line.number(), col < 0 ? 1 : col + 1, message);
    }
}

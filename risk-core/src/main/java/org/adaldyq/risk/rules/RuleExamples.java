package org.adaldyq.risk.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.adaldyq.risk.lang.Language;

/**
 * Example cases kept beside a rule file, so rules are tested the way authors read them. File
 * {@code <CODE>.examples} (UTF-8), one case per line:
 *
 * <pre>
 * # comment
 * ru + Таможенный орган вправе запросить дополнительные сведения.
 * ru - Граждане вправе обжаловать решение.
 * </pre>
 *
 * {@code +} means the factor {@code CODE} must be found in the text, {@code -} that it must not (a hard
 * negative: the trigger word is there, the factor is not). {@code \n} in a text is a line break.
 */
public final class RuleExamples {

    /** One example case. */
    public record Example(String file, int line, Language language, boolean expected, String code, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " " + language + " " + (expected ? "+" : "-") + " " + code;
        }
    }

    /** The outcome of one case: what the engine found, and whether that meets the expectation. */
    public record Outcome(Example example, Set<String> found) {
        /** True when the factor was found if expected ({@code +}) and not found otherwise. */
        public boolean passed() {
            return found.contains(example.code()) == example.expected();
        }
    }

    private RuleExamples() {
    }

    /** Parses an examples file; the factor code is the file name before {@code .examples}. */
    public static List<Example> parse(String origin, String code, List<String> lines) {
        List<Example> out = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            Language lang = parts.length == 3 ? Language.fromCode(parts[0]).orElse(null) : null;
            if (lang == null || !(parts[1].equals("+") || parts[1].equals("-"))) {
                problems.add(new RuleProblem(origin, i + 1, 1,
                        "expected '<kk|ru|en> <+|-> <text>', got: " + line, true));
                continue;
            }
            out.add(new Example(origin, i + 1, lang, parts[1].equals("+"), code, parts[2].replace("\\n", "\n")));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return out;
    }

    /** The factor or flag code of an examples file: its name before {@code .examples}. */
    public static String codeOf(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return name.endsWith(".examples") ? name.substring(0, name.length() - ".examples".length()) : name;
    }

    /** Reads every {@code *.examples} file under {@code dir}. */
    public static List<Example> read(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".examples")).sorted().toList()) {
                String name = f.getFileName().toString();
                out.addAll(parse(f.toString(), name.substring(0, name.length() - ".examples".length()),
                        Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** Runs the cases with {@code scan}: (text, language) → factor codes found. */
    public static List<Outcome> run(List<Example> examples, BiFunction<String, Language, Set<String>> scan) {
        List<Outcome> out = new ArrayList<>();
        for (Example e : examples) {
            out.add(new Outcome(e, new TreeSet<>(scan.apply(e.text(), e.language()))));
        }
        return out;
    }
}

package org.adaldyq.risk.regulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.rules.RuleProblem;

/**
 * How often findings of each factor were right, per language: {@code confidence.csv} of the built-in pack
 * (measured by {@code evaluate --write-confidence} on labelled provisions) and of author folders, whose rows
 * replace the built-in ones language × factor by language × factor. The scanner sets each finding's
 * {@link org.adaldyq.risk.finding.Finding#confidence()} from it. Immutable.
 *
 * <p>A line: {@code lang,factor,right,wrong,confidence,set} — the findings of the factor judged right and
 * wrong against the labels, the smoothed share right ({@link #smoothed}), and the name of the labelled set
 * they were counted on ({@code fresh}: provisions nobody had read). {@code #} starts a comment line; the
 * header line is optional.
 *
 * <p>A line whose language is two codes joined by {@code +} ({@code kk+ru,*,20,2,0.874,dev}) is a pair row
 * ({@link PairRow}): how often a finding was right when both official versions of a provision have it
 * ({@code scan --pair}), over every factor ({@code *}).
 */
public final class ConfidenceTable {
    /** The file name, in the built-in pack and in an author folder. */
    public static final String FILE = "confidence.csv";
    /** The header line {@link #format} writes. */
    public static final String HEADER = "lang,factor,right,wrong,confidence,set";
    /** The set of labelled provisions nobody had read (data/corpus/fresh): its rows say so in their words. */
    public static final String FRESH = "fresh";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+.-]*");
    /**
     * The row in words, per case ({@code fresh}, {@code other}, {@code none}, {@code pair}) and language code;
     * the corpus's sets in words ({@code set dev}, ...).
     */
    private static final Map<String, Map<String, String>> WORDS = words();
    private static final ConfidenceTable EMPTY = new ConfidenceTable(Map.of(), Map.of());

    /**
     * One row: the measured findings of one factor in one language.
     *
     * @param language   the findings' language
     * @param factor     the factor code
     * @param right      findings the labels confirm
     * @param wrong      findings the labels do not confirm
     * @param confidence the smoothed share right, in [0, 1]
     * @param set        the labelled set counted on ({@code fresh}, {@code dev}, ...)
     * @param origin     file and line it was read from
     */
    public record Row(Language language, String factor, int right, int wrong, double confidence, String set, String origin) {
        /** Requires non-negative counts and a confidence in [0, 1]. */
        public Row {
            if (right < 0 || wrong < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + right + ", " + wrong);
            }
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
            }
        }

        /** The findings counted. */
        public int total() {
            return right + wrong;
        }

        /**
         * The row in plain words, in {@code language}: "right in 49 of 75 findings of this factor on labelled
         * provisions nobody had read".
         */
        public String inWords(Language language) {
            String key = total() == 0 ? "none" : FRESH.equals(set) ? "fresh" : "other";
            return language.pick(WORDS.get(key)).replace("{right}", Integer.toString(right))
                    .replace("{total}", Integer.toString(total())).replace("{set}", setName(set, language));
        }

        /** The CSV line of this row. */
        public String line() {
            return String.join(",", language.code(), factor, Integer.toString(right), Integer.toString(wrong),
                    String.format(Locale.ROOT, "%.3f", confidence), set);
        }
    }

    /**
     * How often findings that both official versions of a provision carry were right (each version's finding
     * judged against that version's labels), over every factor: the confidence {@code scan --pair} gives a
     * finding both versions have.
     *
     * @param first      one language of the pair (the lower code)
     * @param second     the other (the higher code)
     * @param right      findings in both versions the labels confirm
     * @param wrong      findings in both versions the labels do not confirm
     * @param confidence the smoothed share right, in [0, 1]
     * @param set        the labelled set counted on
     * @param origin     file and line it was read from
     */
    public record PairRow(Language first, Language second, int right, int wrong, double confidence, String set, String origin) {
        /** Requires two different languages in code order, non-negative counts and a confidence in [0, 1]. */
        public PairRow {
            if (first.code().compareTo(second.code()) >= 0) {
                throw new IllegalArgumentException("a pair row names two different languages in code order: " + first + ", " + second);
            }
            if (right < 0 || wrong < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + right + ", " + wrong);
            }
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
            }
        }

        /** The pair row of {@code a} and {@code b}, in whichever order they are given. */
        public static PairRow of(Language a, Language b, int right, int wrong, double confidence, String set, String origin) {
            boolean ordered = a.code().compareTo(b.code()) < 0;
            return new PairRow(ordered ? a : b, ordered ? b : a, right, wrong, confidence, set, origin);
        }

        /** {@code kk+ru}. */
        public String languages() {
            return pairKey(first, second);
        }

        /** The findings counted. */
        public int total() {
            return right + wrong;
        }

        /** The row in plain words, in {@code language}: "in both official versions, right in 20 of 22 such findings ...". */
        public String inWords(Language language) {
            return language.pick(WORDS.get("pair")).replace("{right}", Integer.toString(right))
                    .replace("{total}", Integer.toString(total())).replace("{set}", setName(set, language));
        }

        /** The CSV line of this row. */
        public String line() {
            return String.join(",", languages(), ALL_FACTORS, Integer.toString(right), Integer.toString(wrong),
                    String.format(Locale.ROOT, "%.3f", confidence), set);
        }
    }

    /** The factor column of a pair row: every factor together. */
    public static final String ALL_FACTORS = "*";

    private final Map<String, Row> rows;
    private final Map<String, PairRow> pairs;

    private ConfidenceTable(Map<String, Row> rows, Map<String, PairRow> pairs) {
        this.rows = rows;
        this.pairs = pairs;
    }

    /**
     * {@code min} when it can be a minimum confidence (a number from 0 to 1).
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static double requireMinimum(double min) {
        if (!(min >= 0 && min <= 1)) {
            throw new IllegalArgumentException("the minimum confidence must be a number from 0 to 1: " + min);
        }
        return min;
    }

    /**
     * A minimum confidence written as text (an option or a query parameter), spaces around allowed.
     *
     * @throws IllegalArgumentException when it is not a number from 0 to 1; the message says what is wanted
     *                                  and quotes {@code text}, for the caller to put its parameter's name before
     */
    public static double parseMinimum(String text) {
        try {
            double min = Double.parseDouble(text.strip());
            if (min >= 0 && min <= 1) {
                return min;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("must be a number from 0 to 1, not '" + text + "'");
    }

    /** A table with no rows: no finding gets a confidence. */
    public static ConfidenceTable empty() {
        return EMPTY;
    }

    /** A table of these rows (a later row of the same language and factor replaces an earlier one). */
    public static ConfidenceTable of(List<Row> rows) {
        return of(rows, List.of());
    }

    /** A table of these rows and pair rows (a later row of the same key replaces an earlier one). */
    public static ConfidenceTable of(List<Row> rows, List<PairRow> pairRows) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(key(r.language(), r.factor()), r));
        Map<String, PairRow> byPair = new LinkedHashMap<>();
        pairRows.forEach(r -> byPair.put(r.languages(), r));
        return new ConfidenceTable(Map.copyOf(byKey), Map.copyOf(byPair));
    }

    /**
     * The share of findings right, smoothed towards {@code prior} (the language's precision over every
     * factor) with the weight of {@code k} findings: {@code (right + k·prior) / (right + wrong + k)}. A factor
     * with few findings stays near the prior; one with many gets its own share.
     */
    public static double smoothed(int right, int wrong, double prior, double k) {
        return (right + k * prior) / (right + wrong + k);
    }

    /**
     * Parses one file's language rows; problems go to {@code problems} (file, line, column, reason), good rows are
     * returned in file order ({@link #read} also gives the pair rows). A row of a factor {@code known} does not
     * accept is an error.
     */
    public static List<Row> parse(String origin, List<String> lines, Predicate<String> known, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        parse(origin, lines, known, problems, rows, new ArrayList<>());
        return rows;
    }

    /** Parses one file, language rows and pair rows; problems go to {@code problems}. */
    public static ConfidenceTable read(String origin, List<String> lines, Predicate<String> known, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        List<PairRow> pairRows = new ArrayList<>();
        parse(origin, lines, known, problems, rows, pairRows);
        return of(rows, pairRows);
    }

    private static void parse(String origin, List<String> lines, Predicate<String> known, List<RuleProblem> problems,
            List<Row> rows, List<PairRow> pairRows) {
        Map<String, Row> out = new LinkedHashMap<>();
        Map<String, PairRow> pairsOut = new LinkedHashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (first && line.startsWith("lang,")) {
                first = false;
                continue;
            }
            first = false;
            String at = "confidence line '" + line + "': ";
            String[] cells = line.split(",", -1);
            if (cells.length != 6) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + "expected " + HEADER));
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            if (cells[0].contains("+")) {
                pairRow(origin, i + 1, at, cells, pairsOut, problems);
                continue;
            }
            Optional<Language> language = Language.fromCode(cells[0]);
            if (language.isEmpty()) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + "language must be kk, ru or en (or two of them joined by '+'), not '"
                        + cells[0] + "'"));
                continue;
            }
            if (!CODE.matcher(cells[1]).matches()) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + "'" + cells[1] + "' is not a factor code"));
                continue;
            }
            if (!known.test(cells[1])) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + "unknown factor code " + cells[1]));
                continue;
            }
            if (!SET.matcher(cells[5]).matches()) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + SET_RULE));
                continue;
            }
            Row row;
            try {
                row = new Row(language.get(), cells[1], Integer.parseInt(cells[2]), Integer.parseInt(cells[3]),
                        Double.parseDouble(cells[4]), cells[5], origin + ":" + (i + 1));
            } catch (IllegalArgumentException e) {
                // NumberFormatException is one too
                problems.add(RuleProblem.error(origin, i + 1, 1, at + NUMBERS_RULE + " (" + e.getMessage() + ")"));
                continue;
            }
            String key = key(row.language(), row.factor());
            if (out.containsKey(key)) {
                problems.add(RuleProblem.error(origin, i + 1, 1, at + row.language() + " " + row.factor()
                        + " is set twice in this file (first at " + out.get(key).origin() + ")"));
                continue;
            }
            out.put(key, row);
        }
        rows.addAll(out.values());
        pairRows.addAll(pairsOut.values());
    }

    private static final String SET_RULE = "the set name must be letters, digits, '_', '+', '.' or '-'";
    private static final String NUMBERS_RULE = "right and wrong must be whole numbers from 0, confidence a number from 0 to 1";

    /** A pair line: {@code kk+ru,*,right,wrong,confidence,set}. */
    private static void pairRow(String origin, int line, String at, String[] cells, Map<String, PairRow> out, List<RuleProblem> problems) {
        String[] codes = cells[0].split("\\+", -1);
        Optional<Language> a = codes.length == 2 ? Language.fromCode(codes[0]) : Optional.empty();
        Optional<Language> b = codes.length == 2 ? Language.fromCode(codes[1]) : Optional.empty();
        if (a.isEmpty() || b.isEmpty() || a.get() == b.get()) {
            problems.add(RuleProblem.error(origin, line, 1, at + "a pair row names two different languages joined by '+' (kk+ru), not '"
                    + cells[0] + "'"));
            return;
        }
        if (!cells[1].equals(ALL_FACTORS)) {
            problems.add(RuleProblem.error(origin, line, 1, at + "a pair row is counted over every factor: its factor column is '"
                    + ALL_FACTORS + "', not '" + cells[1] + "'"));
            return;
        }
        if (!SET.matcher(cells[5]).matches()) {
            problems.add(RuleProblem.error(origin, line, 1, at + SET_RULE));
            return;
        }
        PairRow row;
        try {
            row = PairRow.of(a.get(), b.get(), Integer.parseInt(cells[2]), Integer.parseInt(cells[3]), Double.parseDouble(cells[4]),
                    cells[5], origin + ":" + line);
        } catch (IllegalArgumentException e) {
            problems.add(RuleProblem.error(origin, line, 1, at + NUMBERS_RULE + " (" + e.getMessage() + ")"));
            return;
        }
        PairRow twice = out.putIfAbsent(row.languages(), row);
        if (twice != null) {
            problems.add(RuleProblem.error(origin, line, 1, at + row.languages() + " is set twice in this file (first at "
                    + twice.origin() + ")"));
        }
    }

    /** This table with the rows of {@code later} replacing its own, language × factor by language × factor. */
    public ConfidenceTable overriddenBy(List<Row> later) {
        return overriddenBy(of(later));
    }

    /** This table with the rows and pair rows of {@code later} replacing its own, key by key. */
    public ConfidenceTable overriddenBy(ConfidenceTable later) {
        List<Row> all = new ArrayList<>(rows.values());
        all.addAll(later.rows.values());
        List<PairRow> allPairs = new ArrayList<>(pairs.values());
        allPairs.addAll(later.pairs.values());
        return of(all, allPairs);
    }

    /** The pair row of two languages (in either order), if the table has one. */
    public Optional<PairRow> pair(Language a, Language b) {
        return Optional.ofNullable(pairs.get(pairKey(a, b)));
    }

    /** Every pair row, by languages. */
    public List<PairRow> pairRows() {
        return pairs.values().stream().sorted(Comparator.comparing(PairRow::languages)).toList();
    }

    /** The row of {@code factor} in {@code language}, if the table has one. */
    public Optional<Row> get(Language language, String factor) {
        return Optional.ofNullable(rows.get(key(language, factor)));
    }

    /** Every row, by language code, then factor. */
    public List<Row> rows() {
        return rows.values().stream().sorted(ORDER).toList();
    }

    /** The file's text: {@code comments} (each line gets {@code # }), the header, the rows in order; LF line ends. */
    public String format(List<String> comments) {
        StringBuilder b = new StringBuilder();
        comments.forEach(c -> b.append(c.isEmpty() ? "#" : "# " + c).append('\n'));
        b.append(HEADER).append('\n');
        rows().forEach(r -> b.append(r.line()).append('\n'));
        pairRows().forEach(r -> b.append(r.line()).append('\n'));
        return b.toString();
    }

    private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.language().code()).thenComparing(Row::factor);

    private static Map<String, Map<String, String>> words() {
        try (java.io.InputStream in = ConfidenceTable.class.getResourceAsStream("confidence-words.json")) {
            if (in == null) {
                throw new IllegalStateException("confidence-words.json is missing from the library jar");
            }
            return Map.copyOf(new com.fasterxml.jackson.databind.ObjectMapper().readValue(in,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Map<String, String>>>() { }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A labelled set as a reader of {@code language} names it: the corpus's own sets in words with their code
     * («для разработки (dev)»), any other set (a ministry's) by its code.
     */
    private static String setName(String set, Language language) {
        Map<String, String> name = WORDS.get("set " + set);
        return name == null ? set : language.pick(name);
    }

    /** How a pair row names two languages, in either order: {@code kk+ru}. */
    public static String pairKey(Language a, Language b) {
        return a.code().compareTo(b.code()) < 0 ? a.code() + "+" + b.code() : b.code() + "+" + a.code();
    }

    private static String key(Language language, String factor) {
        return language.code() + "/" + factor;
    }
}

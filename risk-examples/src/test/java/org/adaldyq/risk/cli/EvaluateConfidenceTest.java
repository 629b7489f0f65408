package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --write-confidence}: the table holds, per language and factor, the right and wrong findings
 * evaluate itself prints, smoothed towards the language's precision; it is the same bytes run after run;
 * the checked-in {@code confidence.csv} is exactly what its own regenerate command writes today; the test
 * split is refused.
 */
class EvaluateConfidenceTest {
    private static final Path TABLE = Path.of("../risk-rules/src/main/resources/org/adaldyq/risk/rules/regulation/confidence.csv");
    private static final Pattern FACTOR_LINE = Pattern.compile("^(kk|ru|en)\\s+([A-Z_]+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s", Pattern.MULTILINE);
    private static final Pattern HYBRID_LINE = Pattern.compile("^(kk|ru|en)\\s+hybrid\\s+\\d+\\s+([0-9.]+)", Pattern.MULTILINE);

    @Test
    void theTableHoldsTheCountsEvaluatePrintsSmoothedTowardsThePrecision(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("confidence.csv");
        CliRun run = CliRun.of("evaluate", "--data", "../data/annotated", "--bootstrap", "0", "--write-confidence", table.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, int[]> printed = new HashMap<>();
        Matcher m = FACTOR_LINE.matcher(run.out());
        while (m.find()) {
            printed.put(m.group(1) + "," + m.group(2), new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        }
        Map<String, Double> precision = new HashMap<>();
        Matcher h = HYBRID_LINE.matcher(run.out());
        while (h.find()) {
            precision.put(h.group(1), Double.parseDouble(h.group(2)));
        }
        assertThat(precision).containsOnlyKeys("kk", "ru", "en");
        assertThat(printed).isNotEmpty();

        // language rows; data/annotated's kk/ru twins add one pair row (thePairRowHoldsTheFindingsBothVersionsCarry)
        List<String> rows = Files.readAllLines(table).stream().filter(l -> !l.startsWith("#") && !l.startsWith("kk+ru,")).toList();
        assertThat(Files.readAllLines(table).stream().filter(l -> l.startsWith("kk+ru,*,"))).hasSize(1);
        assertThat(rows.get(0)).isEqualTo("lang,factor,right,wrong,confidence,set");
        assertThat(rows).hasSize(1 + 3 * 14);
        int withFindings = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            int[] counts = printed.getOrDefault(c[0] + "," + c[1], new int[2]);
            assertThat(Integer.parseInt(c[2])).as(row).isEqualTo(counts[0]);
            assertThat(Integer.parseInt(c[3])).as(row).isEqualTo(counts[1]);
            double p = precision.get(c[0]);
            // the printed precision is rounded to 3 places: the same to within what that rounding moves
            assertThat(Double.parseDouble(c[4])).as(row).isCloseTo((counts[0] + 5 * p) / (counts[0] + counts[1] + 5),
                    org.assertj.core.data.Offset.offset(0.0011));
            assertThat(c[5]).isEqualTo("train"); // data/annotated has no split field: its provisions count as train
            withFindings += counts[0] + counts[1] > 0 ? 1 : 0;
        }
        assertThat(withFindings).isGreaterThan(10);

        // the cut-off lines: at 0.8 no more findings than at 0.5, and never more than all
        assertThat(run.out()).contains("Kept at confidence >= cut-off");
        for (String lang : List.of("kk", "ru", "en")) {
            int all = kept(run.out(), lang, "all");
            assertThat(kept(run.out(), lang, "0.5")).isLessThanOrEqualTo(all);
            assertThat(kept(run.out(), lang, "0.8")).isLessThanOrEqualTo(kept(run.out(), lang, "0.5"));
        }

        Path again = dir.resolve("again.csv");
        assertThat(CliRun.of("evaluate", "--data", "../data/annotated", "--bootstrap", "0", "--write-confidence", again.toString()).exit()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(table).replace(table.toString(), again.toString()));
    }

    @Test
    void theCheckedInTableIsWhatItsRegenerateCommandWritesToday(@TempDir Path dir) throws Exception {
        String checkedIn = Files.readString(TABLE);
        String command = checkedIn.lines().filter(l -> l.startsWith("# java -jar ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(List.of(command.substring(command.indexOf(" evaluate ") + 1).split(" ")));
        Path out = dir.resolve("confidence.csv");
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--data") || args.get(i).equals("--pair-data")) {
                args.set(i + 1, "../" + args.get(i + 1)); // the tests run in risk-examples/
            } else if (args.get(i).equals("--write-confidence")) {
                args.set(i + 1, out.toString());
            }
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        String written = Files.readString(out).replace(out.toString(), TABLE.toString().substring(3)).replace(" --data ../", " --data ")
                .replace(" --pair-data ../", " --pair-data ");
        assertThat(written).as("confidence.csv is not what the shipped engine measures today: regenerate it with its own command:%n%s",
                command.substring(2)).isEqualTo(checkedIn);
    }

    /**
     * The pair row: the findings both official versions carry, right and wrong, as evaluate prints them per
     * language ("in both versions: N of M right"), summed over kk and ru; measured on --pair-data's twins while
     * the language rows stay those of --data.
     */
    @Test
    void thePairRowHoldsTheFindingsBothVersionsCarry(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("confidence.csv");
        CliRun pairs = CliRun.of("evaluate", "--data", "../data/corpus/gold/kk.jsonl", "--data", "../data/corpus/gold/ru.jsonl",
                "--split", "dev", "--bootstrap", "0");
        Matcher both = Pattern.compile("^(kk|ru)\\s+in both versions: (\\d+) of (\\d+) right", Pattern.MULTILINE).matcher(pairs.out());
        int right = 0;
        int total = 0;
        while (both.find()) {
            right += Integer.parseInt(both.group(2));
            total += Integer.parseInt(both.group(3));
        }
        assertThat(total).isPositive();
        CliRun run = CliRun.of("evaluate", "--data", "../data/corpus/gold/kk.jsonl", "--split", "dev", "--pair-data",
                "../data/corpus/gold", "--bootstrap", "0", "--write-confidence", table.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> pairRows = Files.readAllLines(table).stream().filter(l -> l.startsWith("kk+ru,")).toList();
        assertThat(pairRows).hasSize(1);
        String[] c = pairRows.get(0).split(",");
        assertThat(c[1]).isEqualTo("*");
        assertThat(Integer.parseInt(c[2])).isEqualTo(right);
        assertThat(Integer.parseInt(c[3])).isEqualTo(total - right);
        assertThat(c[5]).isEqualTo("dev");
        // the language rows are those of --data alone: Kazakh only
        assertThat(Files.readAllLines(table).stream().filter(l -> l.startsWith("ru,"))).isEmpty();
        assertThat(Files.readString(table)).contains("# Pair rows (kk+ru, factor *)");

        CliRun frozen = CliRun.of("evaluate", "--data", "../data/corpus/gold/kk.jsonl", "--split", "dev,test", "--pair-data",
                "../data/corpus/gold", "--write-confidence", dir.resolve("t.csv").toString());
        assertThat(frozen.exit()).isEqualTo(2);
    }

    @Test
    void theTestSplitIsNeverUsedForTheTable(@TempDir Path dir) {
        Path table = dir.resolve("confidence.csv");
        for (String split : List.of("test", "all", "dev,test")) {
            CliRun run = CliRun.of("evaluate", "--data", "../data/corpus/gold/kk.jsonl", "--split", split, "--write-confidence", table.toString());
            assertThat(run.exit()).as(split).isEqualTo(2);
            assertThat(run.err()).contains("the test split is frozen");
            assertThat(table).doesNotExist();
        }
    }

    private static int kept(String out, String lang, String cut) {
        Matcher m = Pattern.compile("^" + lang + "\\s+" + Pattern.quote(cut) + "\\s+(\\d+)\\s", Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as(lang + " " + cut).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

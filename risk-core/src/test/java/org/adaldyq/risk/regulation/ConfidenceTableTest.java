package org.adaldyq.risk.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.rules.RuleProblem;
import org.junit.jupiter.api.Test;

/** {@code confidence.csv}: read, checked line by line, overridden row by row, written back the same. */
class ConfidenceTableTest {

    @Test
    void rowsAreReadWithTheirLanguageFactorCountsAndSet() {
        List<RuleProblem> problems = new ArrayList<>();
        List<ConfidenceTable.Row> rows = ConfidenceTable.parse("t.csv", List.of("# comment", "lang,factor,right,wrong,confidence,set",
                "ru,WIDE_DISCRETION,1,13,0.194,fresh", " kk , VAGUE_TERMS , 3 , 1 , 0.725 , dev "), code -> true, problems);
        assertThat(problems).isEmpty();
        ConfidenceTable table = ConfidenceTable.of(rows);
        ConfidenceTable.Row wide = table.get(Language.RU, "WIDE_DISCRETION").orElseThrow();
        assertThat(wide.right()).isEqualTo(1);
        assertThat(wide.wrong()).isEqualTo(13);
        assertThat(wide.confidence()).isEqualTo(0.194);
        assertThat(wide.origin()).isEqualTo("t.csv:3");
        assertThat(table.get(Language.KK, "VAGUE_TERMS").orElseThrow().set()).isEqualTo("dev");
        assertThat(table.get(Language.EN, "WIDE_DISCRETION")).isEmpty();
    }

    @Test
    void eachBadLineIsAProblemNamingItsLineAndTheGoodOnesAreKept() {
        List<RuleProblem> problems = new ArrayList<>();
        List<ConfidenceTable.Row> rows = ConfidenceTable.parse("t.csv", List.of(
                "xx,WIDE_DISCRETION,1,1,0.5,fresh",
                "ru,WIDE_DISCRETION,1,1,1.5,fresh",
                "ru,WIDE_DISCRETION,one,1,0.5,fresh",
                "ru,WIDE_DISCRETION,-1,1,0.5,fresh",
                "ru,UNKNOWN,1,1,0.5,fresh",
                "ru,WIDE_DISCRETION,1,1,0.5",
                "ru,OPTIONAL_POWER,18,10,0.627,fresh",
                "ru,OPTIONAL_POWER,1,1,0.5,fresh"), code -> !code.equals("UNKNOWN"), problems);
        assertThat(rows).extracting(ConfidenceTable.Row::factor).containsExactly("OPTIONAL_POWER");
        assertThat(problems).allSatisfy(p -> assertThat(p.error()).isTrue());
        assertThat(problems).extracting(RuleProblem::line).containsExactly(1, 2, 3, 4, 5, 6, 8);
        assertThat(problems.get(0).message()).contains("kk, ru or en");
        assertThat(problems.get(1).message()).contains("1.5");
        assertThat(problems.get(4).message()).contains("unknown factor code UNKNOWN");
        assertThat(problems.get(6).message()).contains("set twice").contains("t.csv:7");
    }

    @Test
    void laterRowsReplaceEarlierOnesLanguageByFactor() {
        ConfidenceTable base = ConfidenceTable.of(List.of(row(Language.RU, "WIDE_DISCRETION", 0.194), row(Language.EN, "WIDE_DISCRETION", 0.589)));
        ConfidenceTable over = base.overriddenBy(List.of(row(Language.RU, "WIDE_DISCRETION", 0.9)));
        assertThat(over.get(Language.RU, "WIDE_DISCRETION").orElseThrow().confidence()).isEqualTo(0.9);
        assertThat(over.get(Language.EN, "WIDE_DISCRETION").orElseThrow().confidence()).isEqualTo(0.589);
        assertThat(base.get(Language.RU, "WIDE_DISCRETION").orElseThrow().confidence()).isEqualTo(0.194);
    }

    @Test
    void smoothingPullsFewFindingsTowardsThePrior() {
        assertThat(ConfidenceTable.smoothed(1, 13, 0.539, 5)).isCloseTo((1 + 5 * 0.539) / 19, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ConfidenceTable.smoothed(0, 0, 0.661, 5)).isCloseTo(0.661, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ConfidenceTable.smoothed(1000, 0, 0.5, 5)).isGreaterThan(0.99);
    }

    @Test
    void whatIsWrittenReadsBackToTheSameTableAndTheSameText() {
        ConfidenceTable table = ConfidenceTable.of(List.of(row(Language.RU, "WIDE_DISCRETION", 0.194), row(Language.EN, "VAGUE_TERMS", 0.542)));
        String text = table.format(List.of("made by a test", ""));
        assertThat(text).isEqualTo("# made by a test\n#\nlang,factor,right,wrong,confidence,set\n"
                + "en,VAGUE_TERMS,1,2,0.542,fresh\nru,WIDE_DISCRETION,1,2,0.194,fresh\n");
        List<RuleProblem> problems = new ArrayList<>();
        ConfidenceTable read = ConfidenceTable.of(ConfidenceTable.parse("t.csv", text.lines().toList(), code -> true, problems));
        assertThat(problems).isEmpty();
        assertThat(read.format(List.of("made by a test", ""))).isEqualTo(text);
    }

    /** A pair row: how often a finding both official versions have was right, every factor together. */
    @Test
    void pairRowsAreReadCheckedOverriddenAndWrittenBack() {
        List<RuleProblem> problems = new ArrayList<>();
        ConfidenceTable table = ConfidenceTable.read("t.csv", List.of(
                "ru,WIDE_DISCRETION,1,13,0.194,fresh",
                "ru+kk,*,20,2,0.886,dev",
                "kk+kk,*,1,1,0.5,dev",
                "kk+xx,*,1,1,0.5,dev",
                "kk+ru,VAGUE_TERMS,1,1,0.5,dev",
                "kk+ru,*,1,1,1.5,dev",
                "kk+ru,*,3,1,0.7,dev"), code -> true, problems);
        ConfidenceTable.PairRow pair = table.pair(Language.KK, Language.RU).orElseThrow();
        assertThat(table.pair(Language.RU, Language.KK)).contains(pair);
        assertThat(pair.languages()).isEqualTo("kk+ru");
        assertThat(List.of(pair.right(), pair.total())).containsExactly(20, 22);
        assertThat(pair.origin()).isEqualTo("t.csv:2");
        assertThat(table.pair(Language.KK, Language.EN)).isEmpty();
        assertThat(problems).extracting(RuleProblem::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(problems.get(0).message()).contains("two different languages");
        assertThat(problems.get(2).message()).contains("factor column is '*'");
        assertThat(problems.get(3).message()).contains("1.5");
        assertThat(problems.get(4).message()).contains("kk+ru is set twice", "t.csv:2");
        // the language rows of the same file are read as before, and parse() gives only them
        assertThat(ConfidenceTable.parse("t.csv", List.of("kk+ru,*,20,2,0.886,dev", "ru,WIDE_DISCRETION,1,13,0.194,fresh"), code -> true,
                new ArrayList<>())).extracting(ConfidenceTable.Row::factor).containsExactly("WIDE_DISCRETION");

        ConfidenceTable over = table.overriddenBy(ConfidenceTable.of(List.of(),
                List.of(ConfidenceTable.PairRow.of(Language.RU, Language.KK, 5, 5, 0.5, "ministry", "ours"))));
        assertThat(over.pair(Language.KK, Language.RU).orElseThrow().confidence()).isEqualTo(0.5);
        assertThat(over.get(Language.RU, "WIDE_DISCRETION")).isPresent();

        String text = table.format(List.of());
        assertThat(text).endsWith("ru,WIDE_DISCRETION,1,13,0.194,fresh\nkk+ru,*,20,2,0.886,dev\n");
        assertThat(ConfidenceTable.read("t.csv", text.lines().toList(), code -> true, problems).format(List.of())).isEqualTo(text);
        assertThat(pair.inWords(Language.EN)).isEqualTo("both official versions have it: right in 20 of 22 such findings on the"
                + " labelled provisions of the development (dev) set");
        assertThat(pair.inWords(Language.KK)).startsWith("екі ресми нұсқада да бар: әзірлеу (dev) жинағының");
    }

    private static ConfidenceTable.Row row(Language language, String factor, double confidence) {
        return new ConfidenceTable.Row(language, factor, 1, 2, confidence, "fresh", "test");
    }
}

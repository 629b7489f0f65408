package org.adaldyq.risk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.regulation.RegulationRules;
import org.junit.jupiter.api.Test;

/**
 * Two experts' reviews compared on constructed provisions whose tables are worked out by hand: the counts, Cohen's
 * kappa per factor and pooled, the disputed provisions, and the review a third expert finishes.
 */
class AgreementTest {
    private static final FactorCatalogue CATALOGUE = FactorCatalogue.fromClasspath(AgreementTest.class.getClassLoader(),
            RegulationRules.PACK + "/factors.json");

    private static Review.Decision line(int start, Set<String> found, Set<String> confirmed, Set<String> struck, Set<String> added,
                                        Map<String, String> notes) {
        return new Review.Decision("draft.docx", start, start + 10, "Article " + start, Language.RU, "Текст положения " + start, found,
                confirmed, struck, added, notes);
    }

    private static Review.Decision found(int start, String... codes) {
        return line(start, Set.of(codes), Set.of(), Set.of(), Set.of(), Map.of());
    }

    @Test
    void countsAndKappaAreThoseOfTheTablesWorkedOutByHand() {
        // four provisions; OPTIONAL_POWER found on 1 and 2
        // first:  keeps it on 1 and 2 (confirms 1, with a note); adds VAGUE_TERMS on 3
        // second: keeps it on 1, strikes it out on 2; adds VAGUE_TERMS on 3 and on 4
        List<Review.Decision> a = List.of(
                line(1, Set.of("OPTIONAL_POWER"), Set.of("OPTIONAL_POWER"), Set.of(), Set.of(), Map.of("OPTIONAL_POWER", "без критериев")),
                found(2, "OPTIONAL_POWER"),
                line(3, Set.of(), Set.of(), Set.of(), Set.of("VAGUE_TERMS"), Map.of()),
                found(4),
                found(5));
        List<Review.Decision> b = List.of(
                found(1, "OPTIONAL_POWER"),
                line(2, Set.of("OPTIONAL_POWER"), Set.of(), Set.of("OPTIONAL_POWER"), Set.of(), Map.of("OPTIONAL_POWER", "есть срок")),
                line(3, Set.of(), Set.of(), Set.of(), Set.of("VAGUE_TERMS"), Map.of()),
                line(4, Set.of(), Set.of(), Set.of(), Set.of("VAGUE_TERMS"), Map.of()),
                found(6));
        Agreement g = Agreement.of(Review.of(a), Review.of(b), CATALOGUE);
        assertThat(g.common()).isEqualTo(4);
        assertThat(g.onlyFirst()).isEqualTo(1);
        assertThat(g.onlySecond()).isEqualTo(1);
        assertThat(g.decidedBoth()).isEqualTo(1); // only 3: on 1 and 4 the second, on 2 the first decided nothing
        assertThat(g.sameFactors()).isEqualTo(2); // 1 and 3
        assertThat(g.disputed()).extracting(d -> d.first().start()).containsExactly(2, 4);
        assertThat(g.disputed().get(0).codes()).containsExactly("OPTIONAL_POWER");

        // OPTIONAL_POWER: first {1, 2}, second {1}: both 1, first only 1, neither 2 → po 0.75, pe 0.5·0.25 + 0.5·0.75 = 0.5, κ 0.5
        Agreement.FactorAgreement power = g.factors().stream().filter(f -> f.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        assertThat(power.first()).isEqualTo(2);
        assertThat(power.second()).isEqualTo(1);
        assertThat(power.both()).isEqualTo(1);
        assertThat(power.kappa()).isCloseTo(0.5, within(1e-9));
        // VAGUE_TERMS: first {3}, second {3, 4} → po 0.75, pe 0.25·0.5 + 0.75·0.5 = 0.5, κ 0.5
        Agreement.FactorAgreement vague = g.factors().stream().filter(f -> f.code().equals("VAGUE_TERMS")).findFirst().orElseThrow();
        assertThat(vague.kappa()).isCloseTo(0.5, within(1e-9));
        // a factor neither gives: no kappa
        assertThat(g.factors().stream().filter(f -> f.code().equals("NORM_COLLISION")).findFirst().orElseThrow().kappa()).isNull();
        // pooled over every provision-level factor (12 of them: 2 with a table above, 10 all "neither"): 48 cells, 46 agree;
        // first has 3, second 3 → pa = pb = 3/48, pe = (3/48)² + (45/48)², κ = (46/48 − pe) / (1 − pe)
        double pe = Math.pow(3 / 48.0, 2) + Math.pow(45 / 48.0, 2);
        assertThat(g.factors()).hasSize(12);
        assertThat(g.pooledKappa()).isCloseTo((46 / 48.0 - pe) / (1 - pe), within(1e-9));
    }

    @Test
    void theReviewToAdjudicateKeepsWhatTheyAgreeOnAndAsksAboutTheRest() throws Exception {
        List<Review.Decision> a = List.of(
                line(1, Set.of("OPTIONAL_POWER"), Set.of("OPTIONAL_POWER"), Set.of(), Set.of(), Map.of("OPTIONAL_POWER", "без критериев")),
                line(2, Set.of("OPTIONAL_POWER"), Set.of(), Set.of("OPTIONAL_POWER"), Set.of(), Map.of("OPTIONAL_POWER", "есть срок")),
                found(5, "VAGUE_TERMS"));
        List<Review.Decision> b = List.of(
                line(1, Set.of("OPTIONAL_POWER"), Set.of(), Set.of(), Set.of(), Map.of("OPTIONAL_POWER", "орган не назван")),
                line(2, Set.of("OPTIONAL_POWER"), Set.of("OPTIONAL_POWER"), Set.of(), Set.of(), Map.of()),
                found(6));
        List<Agreement.Adjudicated> lines = Agreement.of(Review.of(a), Review.of(b), CATALOGUE).adjudication("a.jsonl", "b.jsonl");
        assertThat(lines).extracting(l -> l.decision().start()).containsExactly(1, 2, 5, 6);
        Review.Decision agreed = lines.get(0).decision();
        assertThat(agreed.confirmed()).containsExactly("OPTIONAL_POWER");
        assertThat(agreed.notes()).containsEntry("OPTIONAL_POWER", "без критериев / орган не назван");
        assertThat(lines.get(0).dispute()).isEmpty();
        Agreement.Adjudicated disputed = lines.get(1);
        assertThat(disputed.decision().decided()).isFalse();
        assertThat(disputed.decision().factors()).containsExactly("OPTIONAL_POWER");
        assertThat(disputed.dispute()).containsExactly(Map.entry("OPTIONAL_POWER",
                "a.jsonl: исключает («есть срок») / b.jsonl: подтверждает"));

        // written with its disputes, the file reads back as a review; the third expert's edit decides the disputed line
        ObjectMapper json = new ObjectMapper();
        List<String> written = new ArrayList<>();
        for (Agreement.Adjudicated l : lines) {
            ObjectNode n = Review.json(l.decision());
            if (!l.dispute().isEmpty()) {
                ObjectNode dispute = n.putObject("dispute");
                l.dispute().forEach(dispute::put);
                n.putArray("factors"); // the third expert strikes it out
            }
            written.add(json.writeValueAsString(n));
        }
        Review adjudicated = Review.read(new StringReader(String.join("\n", written)), "adjudicated.jsonl", CATALOGUE);
        assertThat(adjudicated.lines()).filteredOn(d -> d.start() == 2).singleElement()
                .satisfies(d -> assertThat(d.struck()).containsExactly("OPTIONAL_POWER"));
        assertThat(adjudicated.lines()).filteredOn(d -> d.start() == 1).singleElement()
                .satisfies(d -> assertThat(d.confirmed()).containsExactly("OPTIONAL_POWER"));
    }
}

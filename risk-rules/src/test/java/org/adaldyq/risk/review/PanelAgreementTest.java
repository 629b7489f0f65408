package org.adaldyq.risk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.regulation.RegulationRules;
import org.junit.jupiter.api.Test;

/**
 * Three experts' reviews compared as a panel on constructed provisions whose tables are worked out by hand: Fleiss'
 * kappa per factor and pooled, the unanimous and disputed provisions, each pair's Cohen's kappa, and the review the
 * chair finishes with the majority's factors.
 */
class PanelAgreementTest {
    private static final FactorCatalogue CATALOGUE = FactorCatalogue.fromClasspath(PanelAgreementTest.class.getClassLoader(),
            RegulationRules.PACK + "/factors.json");

    private static Review.Decision line(int start, Set<String> found, Set<String> struck, Set<String> added) {
        return new Review.Decision("draft.docx", start, start + 10, "Article " + start, Language.RU, "Текст положения " + start, found,
                Set.of(), struck, added, Map.of());
    }

    @Test
    void fleissKappaAndTheMajorityAreThoseWorkedOutByHand() {
        Set<String> op = Set.of("OPTIONAL_POWER");
        Set<String> vt = Set.of("VAGUE_TERMS");
        // OPTIONAL_POWER found on 1 and 2. A keeps it; B strikes it out on 2 and adds VAGUE_TERMS on 3; C keeps it and
        // adds VAGUE_TERMS on 3. Nobody gives 4 anything.
        Review a = Review.of(List.of(line(1, op, Set.of(), Set.of()), line(2, op, Set.of(), Set.of()), line(3, Set.of(), Set.of(), Set.of()),
                line(4, Set.of(), Set.of(), Set.of())));
        Review b = Review.of(List.of(line(1, op, Set.of(), Set.of()), line(2, op, op, Set.of()), line(3, Set.of(), Set.of(), vt),
                line(4, Set.of(), Set.of(), Set.of())));
        Review c = Review.of(List.of(line(1, op, Set.of(), Set.of()), line(2, op, Set.of(), Set.of()), line(3, Set.of(), Set.of(), vt),
                line(4, Set.of(), Set.of(), Set.of())));
        PanelAgreement g = PanelAgreement.of(List.of("A", "B", "C"), List.of(a, b, c), CATALOGUE);
        assertThat(g.common()).isEqualTo(4);
        assertThat(g.unanimous()).isEqualTo(2); // 1 and 4
        assertThat(g.disputed()).extracting(all -> all.get(0).start()).containsExactly(2, 3);

        // OPTIONAL_POWER: yes votes 3, 2, 0, 0 of 3. P_i = 1, 1/3, 1, 1 → P̄ = 5/6; p = 5/12 → Pe = 74/144
        PanelAgreement.FactorPanel power = g.factors().stream().filter(f -> f.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        assertThat(power.given()).containsExactly(2, 1, 2);
        assertThat(power.kappa()).isCloseTo((5.0 / 6 - 74.0 / 144) / (1 - 74.0 / 144), within(1e-9));
        // VAGUE_TERMS: yes votes 0, 0, 2, 0. P̄ = 5/6; p = 1/6 → Pe = 26/36: kappa 0.4
        PanelAgreement.FactorPanel vague = g.factors().stream().filter(f -> f.code().equals("VAGUE_TERMS")).findFirst().orElseThrow();
        assertThat(vague.given()).containsExactly(0, 1, 1);
        assertThat(vague.kappa()).isCloseTo(0.4, within(1e-9));
        // a factor nobody gives: undefined
        assertThat(g.factors()).filteredOn(f -> f.code().equals("NORM_COLLISION")).singleElement()
                .satisfies(f -> assertThat(f.kappa()).isNull());
        // pooled over every code of the catalogue and provision: the two factors above, the others all agreed "no"
        int k = g.factors().size();
        double observed = (10.0 / 3 + 10.0 / 3 + 4.0 * (k - 2)) / (4.0 * k);
        double yes = 7.0 / (4.0 * k * 3);
        double expected = yes * yes + (1 - yes) * (1 - yes);
        assertThat(g.pooledKappa()).isCloseTo((observed - expected) / (1 - expected), within(1e-9));
        assertThat(g.pairs()).extracting(p -> p.first() + "-" + p.second()).containsExactly("0-1", "0-2", "1-2");
        assertThat(g.pairs().get(1).kappa()).isEqualTo(Agreement.of(a, c, CATALOGUE).pooledKappa());

        // the chair's review: the majority's factors, and what each expert decided on each factor they differ on
        List<Agreement.Adjudicated> review = g.adjudication();
        assertThat(review).extracting(l -> l.decision().start()).containsExactly(1, 2, 3, 4);
        Agreement.Adjudicated two = review.get(1);
        assertThat(two.decision().factors()).containsExactly("OPTIONAL_POWER"); // 2 of 3 keep it
        assertThat(two.dispute()).containsOnlyKeys("OPTIONAL_POWER");
        assertThat(two.dispute().get("OPTIONAL_POWER")).isEqualTo("A: оставляет как выявлено / B: исключает / C: оставляет как выявлено");
        Agreement.Adjudicated three = review.get(2);
        assertThat(three.decision().added()).containsExactly("VAGUE_TERMS"); // 2 of 3 add it
        assertThat(three.dispute().get("VAGUE_TERMS")).isEqualTo("A: не указывает / B: добавляет / C: добавляет");
        assertThat(review.get(0).dispute()).isEmpty();
        assertThat(review.get(0).decision().factors()).containsExactly("OPTIONAL_POWER");

        assertThatThrownBy(() -> PanelAgreement.of(List.of("A", "B"), List.of(a, b), CATALOGUE)).isInstanceOf(IllegalArgumentException.class);
    }
}

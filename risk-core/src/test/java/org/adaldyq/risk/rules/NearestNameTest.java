package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The closest field to a misspelt one, and the fields of a fact type, read from its getters and components. */
class NearestNameTest {
    record Bid(String status, double amount, boolean valid) {
    }

    @Test
    void theClosestFieldIsOneOrTwoEditsAwayOrNone() {
        List<String> fields = List.of("concept", "leadIn", "provision", "sentence", "text");
        assertThat(NearestName.closest("provison", fields)).isEqualTo("provision");
        assertThat(NearestName.closest("Concept", fields)).isEqualTo("concept");
        assertThat(NearestName.closest("leadin", fields)).isEqualTo("leadIn");
        assertThat(NearestName.closest("sentnce", fields)).isEqualTo("sentence");
        assertThat(NearestName.closest("txet", fields)).isEqualTo("text"); // a transposition is one edit
        assertThat(NearestName.closest("quote", fields)).isNull();
    }

    @Test
    void theTypesOfAFactPackageAreListedFromTheClassPath() {
        assertThat(NearestName.typesIn("org.adaldyq.risk.regulation.fact", getClass().getClassLoader()))
                .contains("Trigger", "FactorHit", "Subject").noneMatch(t -> t.contains("$") || t.equals("package-info"));
        // from a jar: Lucene's automaton package, where the suggestion comes from
        assertThat(NearestName.typesIn("org.apache.lucene.util.automaton", getClass().getClassLoader()))
                .contains("LevenshteinAutomata", "CharacterRunAutomaton");
        assertThat(NearestName.typesIn("no.such.pkg", getClass().getClassLoader())).isEmpty();
    }

    @Test
    void aMisspeltTypeNamesTheFactTypeMeant() {
        DrlAllowList allow = new DrlAllowList(getClass().getClassLoader());
        String drl = """
                package org.adaldyq.risk.rules.regulation;
                import org.adaldyq.risk.regulation.fact.*;
                rule "VAGUE_TERMS.typo"
                when
                    $t : Triger(concept == "VAGUE")
                then
                end
                """;
        assertThat(allow.check(DrlFile.parse(new RuleSet.DrlSource("typo.drl", "typo.drl", drl)))).extracting(RuleProblem::toString)
                .anyMatch(p -> p.startsWith("typo.drl:5:10: type Triger is not on the allow-list of author DRL (did you mean 'Trigger'?"));
    }

    @Test
    void aCodeIsSuggestedOnlyWhenItIsTheOneNearMiss() {
        List<String> codes = List.of("OPTIONAL_POWER", "R003", "R013", "R030", "VAGUE_TERMS", "WIDE_DISCRETION");
        assertThat(NearestName.onlyClosest("VAGUE_TERM", codes)).isEqualTo("VAGUE_TERMS");
        assertThat(NearestName.onlyClosest("OPTIONAL_POWR", codes)).isEqualTo("OPTIONAL_POWER");
        assertThat(NearestName.onlyClosest("R03", codes)).as("R003, R013 and R030 are all one edit away").isNull();
        assertThat(NearestName.onlyClosest("BRIBERY", codes)).isNull();
    }

    @Test
    void aMessageAboutAnUnknownFieldGetsTheTypesFields() {
        String drools = "Unable to Analyse Expression amont > 3:\n[Error: unable to resolve method using strict-mode: "
                + Bid.class.getName() + ".amont()]";
        assertThat(NearestName.forUnknownField(drools, getClass().getClassLoader()))
                .contains("Bid has no field 'amont'; did you mean 'amount'? Its fields: amount, status, valid");
        assertThat(NearestName.forUnknownField("[Error: unable to resolve method using strict-mode: no.such.Type.x()]",
                getClass().getClassLoader())).isEmpty();
        assertThat(NearestName.forUnknownField("Rule Compilation error: something else", getClass().getClassLoader())).isEmpty();
    }
}

package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The closest field to a misspelt one, and the fields of a fact type, read from its getters and components. */
class FieldSuggestionTest {
    record Bid(String status, double amount, boolean valid) {
    }

    @Test
    void theClosestFieldIsOneOrTwoEditsAwayOrNone() {
        List<String> fields = List.of("concept", "leadIn", "provision", "sentence", "text");
        assertThat(FieldSuggestion.closest("provison", fields)).isEqualTo("provision");
        assertThat(FieldSuggestion.closest("Concept", fields)).isEqualTo("concept");
        assertThat(FieldSuggestion.closest("leadin", fields)).isEqualTo("leadIn");
        assertThat(FieldSuggestion.closest("sentnce", fields)).isEqualTo("sentence");
        assertThat(FieldSuggestion.closest("txet", fields)).isEqualTo("text"); // a transposition is one edit
        assertThat(FieldSuggestion.closest("quote", fields)).isNull();
    }

    @Test
    void aCodeIsSuggestedOnlyWhenItIsTheOneNearMiss() {
        List<String> codes = List.of("OPTIONAL_POWER", "R003", "R013", "R030", "VAGUE_TERMS", "WIDE_DISCRETION");
        assertThat(FieldSuggestion.onlyClosest("VAGUE_TERM", codes)).isEqualTo("VAGUE_TERMS");
        assertThat(FieldSuggestion.onlyClosest("OPTIONAL_POWR", codes)).isEqualTo("OPTIONAL_POWER");
        assertThat(FieldSuggestion.onlyClosest("R03", codes)).as("R003, R013 and R030 are all one edit away").isNull();
        assertThat(FieldSuggestion.onlyClosest("BRIBERY", codes)).isNull();
    }

    @Test
    void aMessageAboutAnUnknownFieldGetsTheTypesFields() {
        String drools = "Unable to Analyse Expression amont > 3:\n[Error: unable to resolve method using strict-mode: "
                + Bid.class.getName() + ".amont()]";
        assertThat(FieldSuggestion.of(drools, getClass().getClassLoader()))
                .contains("Bid has no field 'amont'; did you mean 'amount'? Its fields: amount, status, valid");
        assertThat(FieldSuggestion.of("[Error: unable to resolve method using strict-mode: no.such.Type.x()]",
                getClass().getClassLoader())).isEmpty();
        assertThat(FieldSuggestion.of("Rule Compilation error: something else", getClass().getClassLoader())).isEmpty();
    }
}

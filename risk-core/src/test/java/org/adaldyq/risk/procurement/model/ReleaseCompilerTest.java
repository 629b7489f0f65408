package org.adaldyq.risk.procurement.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bytes and trees go through one compiler and give the same process; what bytes cannot decide goes to the tree. */
class ReleaseCompilerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @org.junit.jupiter.api.Test
    void aPartyWithoutANameTakesALanguageVariant() {
        ContractingProcess p = ReleaseCompiler.compile(("{\"ocid\":\"v\",\"parties\":["
                + "{\"id\":\"1\",\"name_fr\":\"Agriculture et Agroalimentaire Canada\",\"name_en\":\"Agriculture and Agri-Food Canada\"},"
                + "{\"id\":\"2\",\"name_kk\":\"Ауыл шаруашылығы министрлігі\",\"name_ru\":\"Министерство сельского хозяйства\"},"
                + "{\"id\":\"3\",\"name_kk\":{\"x\":1},\"name_es\":\" \",\"name_pt\":\"Ministério\"},"
                + "{\"id\":\"4\",\"name\":\"Plain name\",\"name_en\":\"Variant\"},"
                + "{\"id\":\"5\",\"name_de\":\" \",\"identifier\":{\"legalName\":\"Legal name\"}}]}").getBytes(StandardCharsets.UTF_8), 1);
        assertThat(p.parties()).extracting(Party::name).containsExactly("Agriculture and Agri-Food Canada",
                "Министерство сельского хозяйства", "Ministério", "Plain name", "Legal name");
    }

    /** A Kazakh publisher's parties and buyer reference, named in Russian, Kazakh, both or neither. */
    private static final String NAMED_IN_LANGUAGES = "{\"ocid\":\"kz\",\"buyer\":{\"id\":\"b\",\"name\":\"Акимат\","
            + "\"name_kk\":\"Әкімдік\"},\"parties\":["
            + "{\"id\":\"1\",\"name\":\"ТОО Альфа\",\"name_kk\":\"Альфа ЖШС\",\"name_ru-KZ\":\"ТОО «Альфа»\"},"
            + "{\"id\":\"2\",\"name\":\"Бета\",\"name_KK_kz\":\"Бета (kk)\",\"name_kkx\":\"not Kazakh\"},"
            + "{\"id\":\"3\",\"name\":\"Гамма\",\"name_kk\":\" \"},"
            + "{\"id\":\"4\",\"name_en\":\"Delta LLP\",\"name_ru\":\"ТОО Дельта\"},"
            + "{\"id\":\"5\",\"identifier\":{\"legalName\":\"Эпсилон\"}}]}";

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        // language | parties 1..5 | buyer reference
        "-  | ТОО Альфа,Бета,Гамма,Delta LLP,Эпсилон          | Акимат",
        "kk | Альфа ЖШС,Бета (kk),Гамма,Delta LLP,Эпсилон     | Әкімдік",
        "ru | ТОО «Альфа»,Бета,Гамма,ТОО Дельта,Эпсилон       | Акимат",
        "en | ТОО Альфа,Бета,Гамма,Delta LLP,Эпсилон          | Акимат",
    })
    void anOrganisationIsNamedInTheRunsLanguageWhenTheDataGivesIt(String language, String parties, String buyer) throws Exception {
        ReleaseCompiler.Reading reading = new ReleaseCompiler.Reading(true,
                language == null ? null : org.adaldyq.risk.lang.Language.fromCode(language).orElseThrow());
        ContractingProcess streamed = ReleaseCompiler.compile(NAMED_IN_LANGUAGES.getBytes(StandardCharsets.UTF_8), 1, reading);
        assertThat(streamed.parties()).extracting(Party::name).containsExactly(parties.split(","));
        assertThat(streamed.buyerName()).isEqualTo(buyer);
        assertThat(ReleaseCompiler.compile(JSON.readTree(NAMED_IN_LANGUAGES), 1, reading)).isEqualTo(streamed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ocid\":\"a\",\"date\":\"2024-01-01T00:00:00Z\",\"buyer\":{\"id\":7,\"name\":\"x\"},\"tender\":{\"status\":\"active\",\"procurementMethod\":\"open\",\"procurementMethodDetails\":\"d\",\"procurementMethodRationale\":\"r\",\"numberOfTenderers\":3,\"tenderPeriod\":{\"startDate\":\"2024-01-01T00:00:00Z\",\"endDate\":\"2024-01-20T00:00:00Z\"},\"value\":{\"amount\":100,\"currency\":\"KZT\"},\"procuringEntity\":{\"id\":\"pe\"},\"tenderers\":[{\"id\":\"t1\"},{\"id\":\"t1\"},{\"name\":\"no id\"},5],\"items\":[{\"classification\":{\"id\":\"45000000\"}},{\"classification\":\"x\"}]},\"bids\":{\"details\":[{\"status\":\"valid\",\"date\":\"2024-01-10T00:00:00Z\",\"value\":{\"amount\":1.5e2,\"currency\":\"KZT\"},\"tenderers\":[{\"id\":\"t1\"}]},\"junk\",{\"status\":3,\"value\":{\"amount\":\"12\"}}],\"statistics\":[{\"measure\":\"bids\",\"value\":2.0},{\"measure\":\"bids\",\"value\":4},{\"measure\":\"bids\",\"value\":5}]},\"awards\":[{\"id\":12345678901234567890,\"status\":\"active\",\"date\":\"2024-02-01\",\"value\":{\"amount\":99,\"currency\":\"KZT\"},\"suppliers\":[{\"id\":\"t1\"}],\"items\":{\"a\":{\"classification\":{\"id\":\"45100000\"}}}}],\"contracts\":[{\"id\":\"c\",\"awardID\":1,\"status\":\"active\",\"dateSigned\":\"2024-03-01T00:00:00Z\",\"value\":{\"currency\":\"KZT\"},\"amendments\":[1,{},null]},{\"amendment\":{}},{\"amendment\":[]},\"x\"],\"parties\":{\"p\":{\"id\":\"t1\",\"name\":\"T\",\"roles\":[\"tenderer\",1],\"address\":{\"streetAddress\":\"Abay  1\",\"locality\":\"Almaty\",\"region\":\"R\",\"postalCode\":\"050\",\"countryName\":\"KZ\"},\"contactPoint\":{\"telephone\":\"+7 727 100\",\"email\":\" A@B.kz \"}},\"q\":3}}",
        // names in OCDS language variants, one given twice (a tree keeps the last), one not a string, one blank
        "{\"ocid\":\"v\",\"parties\":[{\"id\":\"1\",\"name_fr\":\"Agriculture Canada (fr)\",\"name_ru\":\"Минсельхоз\",\"name_ru\":\"Министерство сельского хозяйства\"},"
                + "{\"id\":\"2\",\"name_kk\":{\"x\":1},\"name_es\":\" \",\"name_pt\":\"Ministério\"},{\"id\":\"3\",\"name\":\"Plain\",\"name_en\":\"Variant\"}]}",
        "{\"ocid\":5,\"tender\":\"x\",\"bids\":[1],\"awards\":{\"a\":1},\"contracts\":\"c\",\"parties\":[{\"address\":{\"streetAddress\":\" \"}}]}",
        "{\"ocid\":\"b\",\"tender\":{\"numberOfTenderers\":-0,\"value\":{\"amount\":-0.0}},\"bids\":{\"details\":{\"a\":{}}}}",
        "{}",
    })
    void bytesAndTreeGiveTheSameProcess(String line) throws Exception {
        ContractingProcess streamed = ReleaseCompiler.compile(line.getBytes(StandardCharsets.UTF_8), 3);
        assertThat(streamed).isNotNull();
        ContractingProcess tree = ReleaseCompiler.compile(JSON.readTree(line), 3, true);
        assertThat(streamed).isEqualTo(tree);
        // without parties: the same but for them
        ContractingProcess noParties = ReleaseCompiler.compile(line.getBytes(StandardCharsets.UTF_8), 3, false);
        assertThat(noParties.parties()).isEmpty();
        assertThat(noParties).usingRecursiveComparison().ignoringFields("parties", "buyerName").isEqualTo(tree);
        assertThat(noParties.buyerName()).as("the buyer's own name is read with the parties only").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ocid\":\"a\",\"tender\":{\"status\":\"x\"},\"tender\":{\"status\":\"y\"}}",
        "{\"ocid\":\"a\",\"tender\":{\"value\":{\"amount\":1,\"amount\":2}}}",
        "{\"ocid\":\"a\",\"parties\":{\"p\":{\"id\":\"1\"},\"p\":{\"id\":\"2\"}}}",
        "{\"records\":[]}",
        "{\"ocid\":\"a\",\"releases\":[]}",
        "{\"compiledRelease\":{}}",
        "[1]",
        "{\"ocid\":\"a\"} {}",
        "{\"ocid\":\"a\"",
    })
    void leftToTheTree(String line) {
        assertThat(ReleaseCompiler.compile(line.getBytes(StandardCharsets.UTF_8), 1)).isNull();
    }

    /** Inside a tree, package-like members are data: the release is still compiled (a tree keeps one duplicate). */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ocid\":\"a\",\"releases\":[{\"x\":1}],\"tender\":{\"status\":\"active\"}}",
        "{\"ocid\":\"a\",\"tender\":{\"status\":\"x\"},\"tender\":{\"status\":\"active\"}}",
    })
    void aTreeIsAlwaysCompiled(String line) throws Exception {
        ContractingProcess p = ReleaseCompiler.compile(JSON.readTree(line), 9, true);
        assertThat(p.ocid()).isEqualTo("a");
        assertThat(p.tenderStatus()).isEqualTo("active");
        assertThat(p.line()).isEqualTo(9);
    }
}

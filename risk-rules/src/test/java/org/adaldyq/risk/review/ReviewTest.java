package org.adaldyq.risk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ProvisionScore;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An expert's review of a scanned law: the worksheet holds every provision with the factors found, a review
 * read back strikes out, confirms and adds findings, a line edited by hand counts by its factors, a
 * decision follows its provision into the next version unless its words changed, and bad lines are errors
 * naming their line.
 */
class ReviewTest {
    private static final Path KK = Path.of("../data/samples/kk/kz-laws_kaz_104440.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RiskEngine engine;
    private static ScannedDocument kk;

    @BeforeAll
    static void scan() throws Exception {
        engine = RiskEngine.builder().build();
        kk = engine.scanDocument(KK);
    }

    @Test
    void theWorksheetHoldsEveryProvisionWithItsTextAndTheFactorsFound() throws Exception {
        List<JsonNode> lines = worksheet(kk, Review.NONE);
        List<Provision> provisions = kk.document().provisions();
        assertThat(lines).hasSize(provisions.size());
        Map<Integer, Set<String>> found = found(kk.report());
        int withFactors = 0;
        for (int i = 0; i < provisions.size(); i++) {
            Provision p = provisions.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo("kz-laws_kaz_104440.md@" + p.start());
            assertThat(line.get("act").asText()).isEqualTo("kz-laws_kaz_104440.md");
            assertThat(line.get("lang").asText()).isEqualTo("kk");
            assertThat(line.get("provision").asText()).isEqualTo(p.citation());
            assertThat(line.get("text").asText()).isEqualTo(p.textWithLeadIn(kk.document().text()));
            Set<String> codes = found.getOrDefault(p.start(), Set.of());
            assertThat(strings(line.get("found"))).isEqualTo(codes);
            assertThat(strings(line.get("factors"))).isEqualTo(codes);
            assertThat(line.get("struck")).isEmpty();
            withFactors += codes.isEmpty() ? 0 : 1;
        }
        assertThat(withFactors).isEqualTo(kk.report().provisions().size());
        // a list item's line starts with its lead-in, as labelled provisions do
        assertThat(provisions).anySatisfy(p -> assertThat(p.hasLeadIn()).isTrue());

        // read back with no decision, it changes nothing
        Review none = read(String.join("\n", lines.stream().map(JsonNode::toString).toList()));
        assertThat(none.decisions()).hasSize(provisions.size()).noneMatch(Review.Decision::decided);
        Review.Applied applied = none.apply(kk, engine.catalogue());
        assertThat(applied.document().report()).isEqualTo(kk.report());
        assertThat(applied.applied()).isZero();
    }

    @Test
    void struckFindingsGoConfirmedOnesAreMarkedAndAddedOnesAreReportedOnTheirProvision() throws Exception {
        List<JsonNode> lines = worksheet(kk, Review.NONE);
        ObjectNode several = (ObjectNode) lines.stream().filter(l -> l.get("found").size() >= 2).findFirst().orElseThrow();
        String struck = several.get("found").get(0).asText();
        String confirmed = several.get("found").get(1).asText();
        several.putArray("struck").add(struck);
        several.putArray("confirmed").add(confirmed);
        several.putObject("notes").put(confirmed, "  Критерии решения не названы.  ").put(struck, "");
        several.remove("factors");
        ObjectNode empty = (ObjectNode) lines.stream().filter(l -> l.get("found").isEmpty() && l.get("text").asText().length() > 40)
                .findFirst().orElseThrow();
        empty.putArray("added").add("WIDE_DISCRETION");
        empty.remove("factors");
        Review review = read(String.join("\n", lines.stream().map(JsonNode::toString).toList()));

        Review.Applied applied = review.apply(kk, engine.catalogue());
        assertThat(applied.applied()).isEqualTo(2);
        assertThat(applied.stale()).isEmpty();
        ScanReport after = applied.document().report();
        assertThat(after.findings()).hasSize(kk.report().findings().size());
        int severalStart = several.get("start").asInt();
        List<Finding> there = at(after, severalStart);
        assertThat(there).extracting(Finding::code).doesNotContain(struck).contains(confirmed);
        assertThat(there).filteredOn(f -> f.code().equals(confirmed)).singleElement()
                .satisfies(f -> {
                    assertThat(Review.decision(f)).isEqualTo("confirmed");
                    assertThat(Review.note(f)).isEqualTo("Критерии решения не названы.");
                });
        Finding added = at(after, empty.get("start").asInt()).get(0);
        assertThat(added.code()).isEqualTo("WIDE_DISCRETION");
        assertThat(Review.added(added)).isTrue();
        assertThat(Review.decision(added)).isEqualTo("added");
        assertThat(added.title()).isEqualTo(engine.catalogue().get("WIDE_DISCRETION").orElseThrow().title(Language.KK));
        assertThat(added.recommendation()).isNotBlank();
        ProvisionLocation where = (ProvisionLocation) added.location();
        assertThat(kk.document().text().substring(where.start(), where.end())).isEqualTo(where.quote());
        assertThat(where.start()).isEqualTo(where.provisionStart());
        assertThat(after.provisions()).extracting(ProvisionScore::start).contains(empty.get("start").asInt());
        // the other findings are the scanner's, untouched
        assertThat(after.findings().stream().filter(f -> Review.decision(f) == null).toList())
                .containsExactlyElementsOf(kk.report().findings().stream()
                        .filter(f -> ((ProvisionLocation) f.location()).provisionStart() != severalStart).toList());

        // a worksheet with no decision read after the review does not undo it
        Review both = review.and(read(String.join("\n", worksheet(kk, Review.NONE).stream().map(JsonNode::toString).toList())));
        assertThat(both.apply(kk, engine.catalogue()).applied()).isEqualTo(2);

        // written again, the worksheet keeps the decisions, and its factors are the reviewed ones
        JsonNode again = worksheet(kk, review).stream().filter(l -> l.get("start").asInt() == severalStart).findFirst().orElseThrow();
        assertThat(strings(again.get("struck"))).containsExactly(struck);
        assertThat(strings(again.get("confirmed"))).containsExactly(confirmed);
        assertThat(strings(again.get("factors"))).doesNotContain(struck).contains(confirmed);
        assertThat(again.get("notes").toString()).isEqualTo("{\"" + confirmed + "\":\"Критерии решения не названы.\"}");
    }

    @Test
    void aFingerprintChangesWithAnyDecisionOnItsTextAndOnlyThen() throws Exception {
        List<JsonNode> lines = worksheet(kk, Review.NONE).stream().filter(l -> l.get("found").size() >= 1).limit(2).toList();
        ObjectNode first = (ObjectNode) lines.get(0).deepCopy();
        first.putArray("factors");
        ObjectNode second = (ObjectNode) lines.get(1).deepCopy();
        second.putArray("confirmed").add(second.get("found").get(0).asText());
        String act = first.get("act").asText();
        Review review = read(first + "\n" + second);
        assertThat(review.fingerprint(act)).hasSize(64);
        assertThat(read(second + "\n" + first).fingerprint(act)).as("the order of the lines").isEqualTo(review.fingerprint(act));
        assertThat(review.and(read(lines.get(0).toString())).fingerprint(act)).as("a worksheet line read after it")
                .isEqualTo(review.fingerprint(act));
        second.putObject("notes").put(second.get("found").get(0).asText(), "seen in the committee");
        assertThat(read(first + "\n" + second).fingerprint(act)).as("a note added").isNotEqualTo(review.fingerprint(act));
        assertThat(read(first.toString()).fingerprint(act)).as("a decision fewer").isNotEqualTo(review.fingerprint(act));
        assertThat(review.fingerprint("other.md")).isEmpty();
        assertThat(read(lines.get(0).toString()).fingerprint(act)).as("a line that decides nothing").isEmpty();
    }

    @Test
    void aLineEditedByHandCountsByItsFactors() throws Exception {
        ObjectNode line = (ObjectNode) worksheet(kk, Review.NONE).stream().filter(l -> l.get("found").size() >= 1).findFirst().orElseThrow();
        String found = line.get("found").get(0).asText();
        String other = found.equals("VAGUE_TERMS") ? "NORM_COLLISION" : "VAGUE_TERMS";
        line.putArray("factors").add(other);
        Review.Decision d = read(line.toString()).decisions().get(0);
        assertThat(d.struck()).contains(found);
        assertThat(d.added()).containsExactly(other);
        assertThat(d.factors()).containsExactly(other);
    }

    @Test
    void aDecisionFollowsItsProvisionIntoTheNextVersionUnlessItsWordsChanged() throws Exception {
        List<JsonNode> lines = worksheet(kk, Review.NONE);
        List<JsonNode> withFindings = lines.stream().filter(l -> l.get("found").size() >= 1).toList();
        ObjectNode early = (ObjectNode) withFindings.get(0);
        ObjectNode late = (ObjectNode) withFindings.get(withFindings.size() - 1);
        early.putArray("struck").add(early.get("found").get(0).asText());
        late.putArray("struck").add(late.get("found").get(0).asText());
        early.remove("factors");
        late.remove("factors");
        ObjectNode after = (ObjectNode) lines.get(lines.size() - 1);
        assertThat(after.get("start").asInt()).isGreaterThan(late.get("start").asInt());
        after.putArray("added").add("NORM_COLLISION");
        after.remove("factors");
        Review review = read(early + "\n" + late + "\n" + after);

        // the next version of the draft: words inserted in the late provision
        String text = Files.readString(KK);
        String lateText = late.get("text").asText();
        String lastLine = lateText.substring(lateText.lastIndexOf('\n') + 1);
        int at = text.indexOf(lastLine);
        assertThat(at).isPositive();
        String edited = text.substring(0, at) + "(өзгертілген) " + text.substring(at);
        ScannedDocument next = engine.scanDocument(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)),
                "drafts/v2/kz-laws_kaz_104440.md");
        Review.Applied applied = review.apply(next, engine.catalogue());
        assertThat(applied.applied()).isEqualTo(2);
        assertThat(applied.stale()).extracting(Review.Decision::provision).containsExactly(late.get("provision").asText());
        assertThat(at(applied.document().report(), early.get("start").asInt())).extracting(Finding::code)
                .doesNotContain(early.get("found").get(0).asText());
        // a provision after the change, its words the same, moved: the decision follows it
        int moved = after.get("start").asInt() + "(өзгертілген) ".length();
        assertThat(next.document().provisions()).filteredOn(p -> p.start() == moved).singleElement()
                .satisfies(p -> assertThat(p.textWithLeadIn(next.document().text())).isEqualTo(after.get("text").asText()));
        assertThat(at(applied.document().report(), moved)).extracting(Finding::code).containsExactly("NORM_COLLISION");
        assertThat(worksheet(next, review).stream().filter(l -> l.get("start").asInt() == moved).findFirst().orElseThrow()
                .get("added").toString()).isEqualTo("[\"NORM_COLLISION\"]");

        // another file's review is not applied at all
        ScannedDocument ru = engine.scanDocument(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
        assertThat(review.apply(ru, engine.catalogue()).document()).isSameAs(ru);
        assertThat(review.acts()).containsExactly("kz-laws_kaz_104440.md");
    }

    @Test
    void aReviewIsCarriedToTheNextVersionSavedUnderAnotherName() throws Exception {
        List<JsonNode> lines = worksheet(kk, Review.NONE);
        ObjectNode decided = (ObjectNode) lines.stream().filter(l -> l.get("found").size() >= 1).findFirst().orElseThrow();
        String code = decided.get("found").get(0).asText();
        decided.putArray("struck").add(code);
        decided.remove("factors");
        ObjectNode undecided = (ObjectNode) lines.stream().filter(l -> l.get("found").isEmpty()).findFirst().orElseThrow();
        Review review = read(decided + "\n" + undecided);

        String text = Files.readString(KK);
        ScannedDocument next = engine.scanDocument(new ByteArrayInputStream(("Жоба.\n\n" + text).getBytes(StandardCharsets.UTF_8)),
                "drafts/draft-v2.md");
        // under its new name the review decides nothing on it: its own file is the earlier version in its language
        assertThat(review.apply(next, engine.catalogue()).applied()).isZero();
        assertThat(review.earlierVersions(next)).containsExactly("kz-laws_kaz_104440.md");
        Review carried = review.carried("kz-laws_kaz_104440.md", "draft-v2.md");
        assertThat(carried.acts()).containsExactly("draft-v2.md", "kz-laws_kaz_104440.md");
        assertThat(carried.earlierVersions(next)).isEmpty();
        Review.Applied applied = carried.apply(next, engine.catalogue());
        assertThat(applied.applied()).isEqualTo(1);
        assertThat(applied.stale()).isEmpty();
        int moved = decided.get("start").asInt() + "Жоба.\n\n".length();
        assertThat(at(applied.document().report(), moved)).extracting(Finding::code).doesNotContain(code);
        assertThat(at(next.report(), moved)).extracting(Finding::code).contains(code);
        // the earlier version itself is still reviewed as before
        assertThat(carried.apply(kk, engine.catalogue()).applied()).isEqualTo(1);

        // a decision the review already holds on the later version stands over the carried one
        ObjectNode own = decided.deepCopy();
        own.put("act", "draft-v2.md").put("start", moved).put("end", decided.get("end").asInt() + "Жоба.\n\n".length());
        own.putArray("struck");
        own.putArray("confirmed").add(code);
        Review both = read(decided + "\n" + own).carried("kz-laws_kaz_104440.md", "draft-v2.md");
        assertThat(at(both.apply(next, engine.catalogue()).document().report(), moved)).filteredOn(f -> f.code().equals(code))
                .singleElement().satisfies(f -> assertThat(Review.decision(f)).isEqualTo(Review.CONFIRMED));

        // a text in another language has no earlier version in this review
        ScannedDocument ru = engine.scanDocument(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
        assertThat(review.earlierVersions(ru)).isEmpty();
    }

    @Test
    void aBadLineIsAnErrorNamingItsLine() throws Exception {
        String good = worksheet(kk, Review.NONE).get(0).toString();
        ObjectNode base = (ObjectNode) JSON.readTree(good);
        assertThat(error(good + "\n\n{not json")).startsWith("worksheet:3: not JSON");
        assertThat(error("[1, 2]")).isEqualTo("worksheet:1: a review line is a JSON object");
        assertThat(error(base.deepCopy().put("lang", "de").toString())).isEqualTo("worksheet:1: \"lang\" must be kk, ru or en");
        assertThat(error(base.deepCopy().put("start", -4).toString())).contains("\"start\" and \"end\" must be offsets");
        assertThat(error(((ObjectNode) base.deepCopy()).without("text").toString())).isEqualTo("worksheet:1: no \"text\"");
        ObjectNode unknown = base.deepCopy();
        unknown.putArray("added").add("R003");
        assertThat(error(unknown.toString())).isEqualTo("worksheet:1: \"added\" holds \"R003\", not a factor code of the catalogue");
        ObjectNode notArray = base.deepCopy();
        notArray.put("struck", "VAGUE_TERMS");
        assertThat(error(notArray.toString())).contains("\"struck\" must be an array of factor codes");
        ObjectNode both = base.deepCopy();
        both.putArray("struck").add("VAGUE_TERMS");
        both.putArray("confirmed").add("VAGUE_TERMS");
        assertThat(error(both.toString())).isEqualTo("worksheet:1: VAGUE_TERMS is both confirmed and struck out");
    }

    @Test
    void aNoteIsTextOnAFactorOfTheCatalogue() throws Exception {
        ObjectNode base = (ObjectNode) worksheet(kk, Review.NONE).get(0);
        ObjectNode unknown = base.deepCopy();
        unknown.putObject("notes").put("R003", "x");
        assertThat(error(unknown.toString())).isEqualTo("worksheet:1: \"notes\" names R003, not a factor code of the catalogue");
        ObjectNode list = base.deepCopy();
        list.putArray("notes").add("x");
        assertThat(error(list.toString())).isEqualTo("worksheet:1: \"notes\" must be an object of factor code to text");
        ObjectNode tooLong = base.deepCopy();
        tooLong.putObject("notes").put("VAGUE_TERMS", "я".repeat(Review.MAX_NOTE + 1));
        assertThat(error(tooLong.toString())).isEqualTo("worksheet:1: the note on VAGUE_TERMS must be text of at most 4000 characters");
        ObjectNode noteOnly = base.deepCopy();
        noteOnly.putObject("notes").put("VAGUE_TERMS", "посмотреть ещё раз");
        assertThat(read(noteOnly.toString()).decisions().get(0).decided()).isTrue();
    }

    private static String error(String lines) {
        Throwable t = catchThrowable(() -> read(lines));
        assertThat(t).isInstanceOf(IOException.class);
        return t.getMessage();
    }

    private static Review read(String lines) throws IOException {
        return Review.read(new StringReader(lines), "worksheet", engine.catalogue());
    }

    private static List<JsonNode> worksheet(ScannedDocument scanned, Review review) throws IOException {
        StringWriter out = new StringWriter();
        review.write(scanned, out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static Map<Integer, Set<String>> found(ScanReport report) {
        Map<Integer, Set<String>> found = new TreeMap<>();
        for (Finding f : report.findings()) {
            found.computeIfAbsent(((ProvisionLocation) f.location()).provisionStart(), k -> new TreeSet<>()).add(f.code());
        }
        return found;
    }

    private static List<Finding> at(ScanReport report, int provisionStart) {
        return report.findings().stream().filter(f -> ((ProvisionLocation) f.location()).provisionStart() == provisionStart).toList();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

package org.adaldyq.risk.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * An expert's review of scanned texts: per provision, the factors the scanner found, the ones the expert
 * struck out or confirmed, and the ones the expert added. Kept as JSON lines, one per provision, in the
 * format of labelled provisions ({@code id}, {@code lang}, {@code act}, {@code text} with a list item's
 * lead-in, {@code factors}), so a review is at once what the reports are rewritten from ({@link #apply})
 * and training or evaluation data for {@code train --data} and {@code evaluate --data}:
 *
 * <pre>{"id":"draft.docx@1043","lang":"ru","act":"draft.docx","provision":"Article 5, point 2","start":1043,"end":1190,
 *  "text":"…","factors":["OPTIONAL_POWER","WIDE_DISCRETION"],"found":["OPTIONAL_POWER","VAGUE_TERMS"],
 *  "confirmed":["OPTIONAL_POWER"],"struck":["VAGUE_TERMS"],"added":["WIDE_DISCRETION"],
 *  "notes":{"VAGUE_TERMS":"defined in Article 1"}}</pre>
 *
 * {@code factors} is what the provision holds after the review: found, less struck, plus added (a finding
 * neither confirmed nor struck counts as found). A line edited by hand may change {@code factors} alone: read
 * back, a factor found and no longer listed is struck out and a factor listed and not found is added. A provision is matched to a scanned text by the file name of
 * the text ({@code act}) and its words ({@code text}), at its offset ({@code start}) or, in the draft's next
 * version, wherever the same words stand once: a review of one version goes on to the next, and is not applied
 * to provisions whose words changed ({@link Applied#stale()}). Immutable and thread-safe.
 */
public final class Review {

    /** The rule id of a finding the expert added (no trigger words: its quote is the provision's own text). */
    public static final String EXPERT_RULE = "review:added";
    /** The evidence path that marks a finding the expert added or confirmed. */
    public static final String EVIDENCE = "review";
    /** {@link #decision} of a finding the expert confirmed. */
    public static final String CONFIRMED = "confirmed";
    /** {@link #decision} of a finding the expert added. */
    public static final String ADDED = "added";
    /** The evidence path of the expert's note on a finding. */
    public static final String NOTE_EVIDENCE = "reviewNote";
    /** The longest note a review line may hold, in characters. */
    public static final int MAX_NOTE = 4000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A review with no decisions: {@link #write} gives the worksheet of a text as scanned. */
    public static final Review NONE = new Review(List.of());

    /**
     * One provision as reviewed.
     *
     * @param act       file name of the text the provision is in
     * @param start     offset of the provision's own text in the extracted text
     * @param end       end of the provision's own text (exclusive)
     * @param provision the provision's English citation ({@code Article 5, point 2})
     * @param language  the text's language
     * @param text      the provision's text, with its lead-in words first when it is a list item
     * @param found     the factors the scanner found
     * @param confirmed the found factors the expert confirmed
     * @param struck    the found factors the expert struck out
     * @param added     the factors the expert added
     * @param notes     the expert's note on a factor of the provision (why it was struck out, the proposal in the
     *                  expert's words), by factor code
     */
    public record Decision(String act, int start, int end, String provision, Language language, String text,
                           Set<String> found, Set<String> confirmed, Set<String> struck, Set<String> added,
                           Map<String, String> notes) {

        /** Requires act, citation, language and text; copies the sets and notes, sorted; blank notes are left out. */
        public Decision {
            Objects.requireNonNull(act, "act");
            Objects.requireNonNull(provision, "provision");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(text, "text");
            found = sorted(found);
            confirmed = sorted(confirmed);
            struck = sorted(struck);
            added = sorted(added);
            java.util.TreeMap<String, String> kept = new java.util.TreeMap<>();
            if (notes != null) {
                notes.forEach((code, note) -> {
                    if (note != null && !note.isBlank()) {
                        kept.put(code, note.strip());
                    }
                });
            }
            notes = java.util.Collections.unmodifiableMap(kept);
        }

        /** A decision with no notes. */
        public Decision(String act, int start, int end, String provision, Language language, String text,
                        Set<String> found, Set<String> confirmed, Set<String> struck, Set<String> added) {
            this(act, start, end, provision, language, text, found, confirmed, struck, added, Map.of());
        }

        /** What the provision holds after the review: found, less struck, plus added. */
        public Set<String> factors() {
            TreeSet<String> factors = new TreeSet<>(found);
            factors.removeAll(struck);
            factors.addAll(added);
            return java.util.Collections.unmodifiableSet(factors);
        }

        /** True when the expert decided anything on this provision. */
        public boolean decided() {
            return !confirmed.isEmpty() || !struck.isEmpty() || !added.isEmpty() || !notes.isEmpty();
        }

        /** The id of the line: {@code act@start}. */
        public String id() {
            return act + "@" + start;
        }

        private static Set<String> sorted(Set<String> codes) {
            return codes == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(codes));
        }
    }

    /**
     * A scanned text with a review applied.
     *
     * @param document the text with struck findings removed and added ones in, scores worked out again
     * @param applied  the decisions applied to it (lines with a decision: confirmed, struck or added)
     * @param stale    the decisions on this text whose provision is no longer there as reviewed
     */
    public record Applied(ScannedDocument document, int applied, List<Decision> stale) {

        /** Copies the list. */
        public Applied {
            stale = List.copyOf(stale);
        }
    }

    private final List<Decision> decisions;
    private final Map<String, Map<Integer, Decision>> byAct = new LinkedHashMap<>();

    private Review(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
        for (Decision d : this.decisions) {
            // a later line on the same provision replaces an earlier one, unless it decides nothing (a worksheet
            // read after a review does not undo it)
            byAct.computeIfAbsent(d.act(), k -> new LinkedHashMap<>())
                    .merge(d.start(), d, (earlier, later) -> later.decided() || !earlier.decided() ? later : earlier);
        }
    }

    /** A review of these decisions (a later decision on the same provision replaces an earlier one; a line that decides nothing does not). */
    public static Review of(Collection<Decision> decisions) {
        return new Review(new ArrayList<>(decisions));
    }

    /** The file names of the texts this review decides anything on (lines with no decision left out). */
    public Set<String> acts() {
        Set<String> acts = new TreeSet<>();
        for (Map.Entry<String, Map<Integer, Decision>> e : byAct.entrySet()) {
            if (e.getValue().values().stream().anyMatch(Decision::decided)) {
                acts.add(e.getKey());
            }
        }
        return java.util.Collections.unmodifiableSet(acts);
    }

    /**
     * A digest of this review's decisions on the text {@code act} (its file name): the same decisions give the same
     * digest, any change to one of them another; empty when the review decides nothing on it. What an index keeps
     * with a text to know that it holds the text as this review left it.
     */
    public String fingerprint(String act) {
        String lines = jsonLines(decidedOn(act));
        if (lines.isEmpty()) {
            return "";
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** This review's lines that decide anything on the text {@code act} (its file name), in the order of the text. */
    public List<Decision> decidedOn(String act) {
        return new java.util.TreeMap<>(byAct.getOrDefault(act, Map.of())).values().stream().filter(Decision::decided).toList();
    }

    /** {@code decisions} as JSON lines, each ended by a newline: the format {@link #read} reads. */
    public static String jsonLines(Collection<Decision> decisions) {
        StringBuilder lines = new StringBuilder();
        decisions.forEach(d -> lines.append(line(d)).append('\n'));
        return lines.toString();
    }

    /** This review and {@code other}'s decisions (the other's replacing this one's on the same provision when they decide anything). */
    public Review and(Review other) {
        List<Decision> all = new ArrayList<>(decisions);
        all.addAll(other.decisions);
        return new Review(all);
    }

    /**
     * This review, and its decisions on the text {@code earlier} also taken as decisions on {@code later}: the
     * review of one version of a draft applied to the next version saved under another file name. Each decision
     * then goes to the provision of {@code later} with its words ({@link #apply}); a decision this review
     * already holds on {@code later} stands over a carried one on a provision with the same words.
     *
     * @param earlier file name of the reviewed text ({@link #act})
     * @param later   file name of the text to apply the review to
     */
    public Review carried(String earlier, String later) {
        Set<String> own = new java.util.HashSet<>();
        for (Decision d : decisions) {
            if (d.act().equals(later) && d.decided()) {
                own.add(d.text());
            }
        }
        List<Decision> all = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.act().equals(earlier) && d.decided() && !own.contains(d.text())) {
                all.add(new Decision(later, d.start(), d.end(), d.provision(), d.language(), d.text(), d.found(), d.confirmed(),
                        d.struck(), d.added(), d.notes()));
            }
        }
        all.addAll(decisions);
        return new Review(all);
    }

    /**
     * The texts this review could hold an earlier version of {@code scanned} under another file name: when it
     * decides nothing on {@code scanned}'s own file name, the file names of the texts in its language it decides
     * on (none otherwise). One of them is what {@link #carried} would carry to it; which one is for the caller
     * to say when there are several.
     */
    public Set<String> earlierVersions(ScannedDocument scanned) {
        Set<String> acts = new TreeSet<>();
        if (!acts().contains(act(scanned.report().source()))) {
            for (Decision d : decisions) {
                if (d.decided() && d.language() == scanned.report().language()) {
                    acts.add(d.act());
                }
            }
        }
        return java.util.Collections.unmodifiableSet(acts);
    }

    /**
     * The one text of {@link #earlierVersions} that is none of {@code others} (the other texts at hand), or null when
     * there is none or there are several: the text whose decisions go on to {@code scanned}.
     */
    public String earlierVersion(ScannedDocument scanned, Set<String> others) {
        Set<String> acts = new TreeSet<>(earlierVersions(scanned));
        acts.removeAll(others);
        return acts.size() == 1 ? acts.iterator().next() : null;
    }

    /**
     * Two versions of a draft with the review of the earlier one on both, for comparing them ({@code diff}).
     *
     * @param before      the earlier version as reviewed
     * @param after       the later version with the decisions carried to the provisions whose words stand unchanged;
     *                    {@link Applied#stale()} holds those whose provision was changed: to read again
     * @param reviewedAs  the file name the review's decisions on the earlier version were made under
     */
    public record Revision(Applied before, Applied after, String reviewedAs) {
    }

    /**
     * {@code before} as reviewed and {@code after} with the decisions carried to it. The decisions on the earlier
     * version are those made on its file name or, when there are none, on the one other text in its language
     * (not {@code after}'s name) this review decides on.
     */
    public Revision revision(ScannedDocument before, ScannedDocument after, FactorCatalogue catalogue) {
        String earlier = act(before.report().source());
        String later = act(after.report().source());
        String named = earlierVersion(before, Set.of(later));
        String reviewedAs = named == null ? earlier : named;
        Review review = named == null ? this : carried(named, earlier);
        Review next = earlier.equals(later) ? review : review.carried(earlier, later);
        return new Revision(review.apply(before, catalogue), next.apply(after, catalogue), reviewedAs);
    }

    /**
     * One line per provision, as this review leaves it (a later line on a provision replaces an earlier one unless
     * it decides nothing), texts and provisions in the order first read.
     */
    public List<Decision> lines() {
        List<Decision> lines = new ArrayList<>();
        byAct.values().forEach(provisions -> lines.addAll(provisions.values()));
        return java.util.Collections.unmodifiableList(lines);
    }

    /** The decisions, in the order read. */
    public List<Decision> decisions() {
        return decisions;
    }

    /**
     * Reads a review from JSON lines (blank lines are skipped).
     *
     * @param in        the lines
     * @param source    the name used in error messages ({@code source:line: …})
     * @param catalogue the factor codes a line may name
     * @throws IOException when reading fails or a line is not a review line: the message names source and line
     */
    public static Review read(Reader in, String source, FactorCatalogue catalogue) throws IOException {
        List<Decision> decisions = new ArrayList<>();
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                decisions.add(decision(line, source + ":" + n, catalogue));
            }
        }
        return new Review(decisions);
    }

    private static Decision decision(String line, String where, FactorCatalogue catalogue) throws IOException {
        JsonNode j;
        try {
            j = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (!j.isObject()) {
            throw new IOException(where + ": a review line is a JSON object");
        }
        String act = required(j, "act", where);
        String provision = required(j, "provision", where);
        String text = required(j, "text", where);
        Language language = Language.fromCode(j.path("lang").asText())
                .orElseThrow(() -> new IOException(where + ": \"lang\" must be kk, ru or en"));
        if (!j.path("start").canConvertToInt() || !j.path("end").canConvertToInt()
                || j.path("start").asInt() < 0 || j.path("end").asInt() < j.path("start").asInt()) {
            throw new IOException(where + ": \"start\" and \"end\" must be offsets, start <= end");
        }
        Set<String> found = codes(j, "found", where, catalogue);
        Set<String> confirmed = codes(j, "confirmed", where, catalogue);
        Set<String> struck = codes(j, "struck", where, catalogue);
        Set<String> added = codes(j, "added", where, catalogue);
        for (String code : struck) {
            if (confirmed.contains(code)) {
                throw new IOException(where + ": " + code + " is both confirmed and struck out");
            }
        }
        if (j.has("factors")) {
            // the factors as the expert left them decide (a line edited by hand): found but not there is struck out,
            // there but not found is added
            Set<String> factors = codes(j, "factors", where, catalogue);
            struck = new TreeSet<>(found);
            struck.removeAll(factors);
            added = new TreeSet<>(factors);
            added.removeAll(found);
            confirmed = new TreeSet<>(confirmed);
            confirmed.retainAll(factors);
        }
        return new Decision(act, j.path("start").asInt(), j.path("end").asInt(), provision, language, text, found, confirmed,
                struck, added, notes(j, where, catalogue));
    }

    private static Map<String, String> notes(JsonNode j, String where, FactorCatalogue catalogue) throws IOException {
        JsonNode v = j.get("notes");
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new IOException(where + ": \"notes\" must be an object of factor code to text");
        }
        Map<String, String> notes = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
            if (catalogue.get(e.getKey()).isEmpty()) {
                throw new IOException(where + ": \"notes\" names " + e.getKey() + ", not a factor code of the catalogue");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() > MAX_NOTE) {
                throw new IOException(where + ": the note on " + e.getKey() + " must be text of at most " + MAX_NOTE + " characters");
            }
            notes.put(e.getKey(), e.getValue().asText());
        }
        return notes;
    }

    private static String required(JsonNode j, String field, String where) throws IOException {
        JsonNode v = j.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IOException(where + ": no \"" + field + "\"");
        }
        return v.asText();
    }

    private static Set<String> codes(JsonNode j, String field, String where, FactorCatalogue catalogue) throws IOException {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            return Set.of();
        }
        if (!v.isArray()) {
            throw new IOException(where + ": \"" + field + "\" must be an array of factor codes");
        }
        Set<String> codes = new TreeSet<>();
        for (JsonNode c : v) {
            if (!c.isTextual() || catalogue.get(c.asText()).isEmpty()) {
                throw new IOException(where + ": \"" + field + "\" holds " + c + ", not a factor code of the catalogue");
            }
            codes.add(c.asText());
        }
        return codes;
    }

    /**
     * Writes one review line per provision of {@code scanned}, in text order, with the factors found and
     * the decisions this review holds on it (none when it holds none): the worksheet an expert reviews, or
     * the reviewed text's labelled provisions.
     *
     * @throws IOException when the writer fails
     */
    public void write(ScannedDocument scanned, Writer out) throws IOException {
        for (Decision line : worksheet(scanned)) {
            out.write(line(line));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * The lines {@link #write} writes: one per provision of {@code scanned}, in text order, with the factors
     * found and this review's decisions on it.
     */
    public List<Decision> worksheet(ScannedDocument scanned) {
        String act = act(scanned.report().source());
        String documentText = scanned.document().text();
        Map<Integer, Set<String>> found = foundByProvision(scanned.report());
        Map<Integer, Located> mine = located(scanned, new ArrayList<>());
        Language language = scanned.report().language();
        List<Decision> lines = new ArrayList<>();
        for (Provision p : scanned.document().provisions()) {
            String text = p.textWithLeadIn(documentText);
            Set<String> codes = found.getOrDefault(p.start(), Set.of());
            Located located = mine.get(p.start());
            Decision d = located == null ? null : located.decision();
            lines.add(d != null
                    ? new Decision(act, p.start(), p.end(), p.citation(), language, text, codes, retain(d.confirmed(), codes),
                            retain(d.struck(), codes), d.added(), d.notes())
                    : new Decision(act, p.start(), p.end(), p.citation(), language, text, codes, Set.of(), Set.of(), Set.of()));
        }
        return lines;
    }

    /** A review line as JSON (one line, fields in the documented order). */
    public static String line(Decision d) {
        try {
            return MAPPER.writeValueAsString(json(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    /** A review line as a JSON tree, fields in the documented order (for a page that writes it its own way). */
    public static ObjectNode json(Decision d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("lang", d.language().code());
        o.put("act", d.act());
        o.put("provision", d.provision());
        o.put("start", d.start());
        o.put("end", d.end());
        o.put("text", d.text());
        array(o, "factors", d.factors());
        array(o, "found", d.found());
        array(o, "confirmed", d.confirmed());
        array(o, "struck", d.struck());
        array(o, "added", d.added());
        ObjectNode notes = o.putObject("notes");
        d.notes().forEach(notes::put);
        return o;
    }

    private static void array(ObjectNode o, String field, Set<String> codes) {
        ArrayNode a = o.putArray(field);
        codes.forEach(a::add);
    }

    /**
     * {@code scanned} with this review's decisions on it: findings struck out removed, findings confirmed
     * marked ({@link #EVIDENCE} evidence {@code confirmed}), factors added as findings on the whole provision
     * ({@link #EXPERT_RULE}, the catalogue's title, severity, why and how to fix in the text's language), the
     * provision and document scores worked out again. A decision goes to its provision's words where they stand
     * (moved in a later version of the text: found by citation and words); one whose words are no longer in
     * the text, or stand in several places, is not applied and is returned as stale.
     */
    public Applied apply(ScannedDocument scanned, FactorCatalogue catalogue) {
        ScanReport report = scanned.report();
        List<Decision> stale = new ArrayList<>();
        Map<Integer, Located> live = located(scanned, stale);
        if (live.isEmpty() && stale.isEmpty()) {
            return new Applied(scanned, 0, List.of());
        }
        String documentText = scanned.document().text();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Located located = live.get(((ProvisionLocation) f.location()).provisionStart());
            Decision d = located == null ? null : located.decision();
            if (d == null) {
                findings.add(f);
            } else if (d.confirmed().contains(f.code())) {
                findings.add(noted(marked(f, CONFIRMED), d));
            } else if (!d.struck().contains(f.code())) {
                findings.add(noted(f, d));
            }
        }
        Language language = report.language();
        for (Located located : live.values()) {
            Decision d = located.decision();
            Provision p = located.provision();
            for (String code : d.added()) {
                boolean there = findings.stream().anyMatch(f -> f.code().equals(code)
                        && ((ProvisionLocation) f.location()).provisionStart() == p.start());
                if (!there) {
                    findings.add(noted(added(code, p, documentText, language, catalogue), d));
                }
            }
        }
        ScanReport reviewed = ScanReport.of(report.source(), language, report.mediaType(), report.provisionCount(), findings,
                report.metadata());
        return new Applied(new ScannedDocument(scanned.document(), reviewed, scanned.words()), live.size(), stale);
    }

    /**
     * The expert's decision a finding carries after {@link #apply}: {@code added}, {@code confirmed}, or null
     * for a finding the expert left as found.
     */
    public static String decision(Finding f) {
        return f.evidenceValue(EVIDENCE);
    }

    /** A decision and the provision of the scanned text it goes to. */
    private record Located(Provision provision, Decision decision) {
    }

    /**
     * This review's decisions on {@code scanned} by the offset of their provision in it: at the offset they were
     * made on when the provision's words are still there; else at the one provision with the same citation and
     * words, or with the same words (a provision that moved: the draft's next version, text added before it);
     * the decisions whose words are nowhere, or in several places, go to {@code stale}. Lines with no decision are
     * left out.
     */
    private Map<Integer, Located> located(ScannedDocument scanned, List<Decision> stale) {
        Map<Integer, Decision> mine = byAct.getOrDefault(act(scanned.report().source()), Map.of());
        Map<Integer, Located> live = new HashMap<>();
        if (mine.values().stream().noneMatch(Decision::decided)) {
            return live;
        }
        String documentText = scanned.document().text();
        Map<Integer, Provision> byStart = new HashMap<>();
        Map<String, List<Provision>> byText = new HashMap<>();
        for (Provision p : scanned.document().provisions()) {
            byStart.put(p.start(), p);
            byText.computeIfAbsent(p.textWithLeadIn(documentText), k -> new ArrayList<>()).add(p);
        }
        for (Decision d : mine.values()) {
            if (!d.decided()) {
                continue;
            }
            Provision p = byStart.get(d.start());
            if (p == null || p.end() != d.end() || !p.textWithLeadIn(documentText).equals(d.text())) {
                List<Provision> same = byText.getOrDefault(d.text(), List.of());
                List<Provision> cited = same.stream().filter(q -> q.citation().equals(d.provision())).toList();
                p = cited.size() == 1 ? cited.get(0) : same.size() == 1 ? same.get(0) : null;
            }
            if (p == null || live.containsKey(p.start())) {
                stale.add(d);
            } else {
                live.put(p.start(), new Located(p, d));
            }
        }
        return live;
    }

    /** True when {@code f} was added by the expert, not found by the scanner. */
    public static boolean added(Finding f) {
        return EXPERT_RULE.equals(f.ruleId());
    }

    private static Finding added(String code, Provision p, String documentText, Language language, FactorCatalogue catalogue) {
        FactorCatalogue.Factor factor = catalogue.get(code).orElseThrow(() -> new IllegalArgumentException("not a factor: " + code));
        ProvisionLocation at = new ProvisionLocation(p.citation(), p.start(), p.end(), p.text(documentText), p.start(), p.end());
        return new Finding(code, EXPERT_RULE, factor.severity(), factor.severity().weight(), factor.title(language), at, List.of(),
                List.of(Evidence.of(EVIDENCE, ADDED)), factor.explanation(language), factor.recommendation(language), null);
    }

    private static Finding marked(Finding f, String decision) {
        return withEvidence(f, Evidence.of(EVIDENCE, decision));
    }

    /** {@code f} with the expert's note on its factor in {@code d}, if any. */
    private static Finding noted(Finding f, Decision d) {
        String note = d.notes().get(f.code());
        return note == null ? f : withEvidence(f, Evidence.of(NOTE_EVIDENCE, note));
    }

    private static Finding withEvidence(Finding f, Evidence more) {
        List<Evidence> evidence = new ArrayList<>(f.evidence());
        evidence.add(more);
        return new Finding(f.code(), f.ruleId(), f.severity(), f.score(), f.title(), f.location(), f.triggers(), evidence,
                f.explanation(), f.recommendation(), f.confidence());
    }

    /** The expert's note on a finding after {@link #apply}, or null. */
    public static String note(Finding f) {
        return f.evidenceValue(NOTE_EVIDENCE);
    }

    private static Map<Integer, Set<String>> foundByProvision(ScanReport report) {
        Map<Integer, Set<String>> found = new HashMap<>();
        for (Finding f : report.findings()) {
            found.computeIfAbsent(((ProvisionLocation) f.location()).provisionStart(), k -> new TreeSet<>()).add(f.code());
        }
        return found;
    }

    private static Set<String> retain(Set<String> codes, Set<String> found) {
        Set<String> kept = new TreeSet<>(codes);
        kept.retainAll(found);
        return kept;
    }

    /** The file name of a source (the part after the last {@code /} or {@code \}): a review's {@code act}. */
    public static String act(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash >= 0 && slash < source.length() - 1 ? source.substring(slash + 1) : source;
    }
}

package org.adaldyq.risk.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The index's answers as JSON (search results, similar provisions, its acts, what an indexing call did). Search results
 * are the same for {@code search --format json} and {@code serve}'s {@code /api/search}:
 * {@code {total, hits: [...], facets: {factor, act, language}}}, a hit as {@code act, title, path, citation, cited (the
 * citation as a reader of the act's language writes it: Статья 12, пункт 3), start,
 * language, leadIn, relevance, score, severity, factors, expert, snippet {text, start, hits: [{start, end}], marked},
 * references: [{text, act}]} ({@code docs/index-and-search.md}).
 */
public final class SearchJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SearchJson() {
    }

    /** The whole results: total, hits, facets. */
    public static ObjectNode results(SearchResults r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("total", r.total());
        ArrayNode hits = o.putArray("hits");
        r.hits().forEach(h -> hits.add(hit(h)));
        o.set("facets", MAPPER.valueToTree(r.facets()));
        return o;
    }

    /** The total and the facets, without the hits (the last line of {@code --format jsonl}). */
    public static ObjectNode tail(SearchResults r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("total", r.total());
        o.set("facets", MAPPER.valueToTree(r.facets()));
        return o;
    }

    /**
     * What an indexing call did, as {@code index --format json} gives it: {@code added, unchanged, replaced, deleted,
     * provisions, seconds, decisions, stale: [...], problems: [{path, reason}], changes: [{act, findingsBefore,
     * findingsAfter, gone: [{citation, factor}], added: [...]}]}.
     */
    public static ObjectNode summary(IndexSummary r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("added", r.added()).put("unchanged", r.unchanged()).put("replaced", r.replaced()).put("deleted", r.deleted())
                .put("provisions", r.provisions()).put("seconds", r.time().toMillis() / 1000.0).put("decisions", r.decisions());
        ArrayNode stale = o.putArray("stale");
        r.stale().forEach(stale::add);
        ArrayNode problems = o.putArray("problems");
        r.problems().forEach(p -> problems.addObject().put("path", p.path()).put("reason", p.reason()));
        ArrayNode changes = o.putArray("changes");
        for (ActChange c : r.changes()) {
            ObjectNode change = changes.addObject().put("act", c.act()).put("findingsBefore", c.findingsBefore())
                    .put("findingsAfter", c.findingsAfter());
            change.set("gone", MAPPER.valueToTree(c.gone()));
            change.set("added", MAPPER.valueToTree(c.added()));
        }
        return o;
    }

    /**
     * The acts of the index, as {@code index --list --format json} and {@code serve}'s {@code /api/acts} give them:
     * {@code {total, reviewed, acts: [{id, title, path, language, provisions, leadIns, findings, score, reviewed}]}},
     * in the order given.
     */
    public static ObjectNode acts(java.util.List<IndexedAct> acts) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("total", acts.size());
        o.put("reviewed", acts.stream().filter(IndexedAct::reviewed).count());
        ArrayNode list = o.putArray("acts");
        for (IndexedAct a : acts) {
            list.addObject().put("id", a.id()).put("title", a.title()).put("path", a.path()).put("language", a.language().code())
                    .put("provisions", a.provisions()).put("leadIns", a.leadIns()).put("findings", a.findings()).put("score", a.score())
                    .put("reviewed", a.reviewed());
        }
        return o;
    }

    /**
     * What {@link ProvisionIndex#similar} found, as {@code similar --format json} gives it: {@code provision} (the
     * one asked about, absent for a text), {@code twinAct}, {@code formulas} ({@code code, quote, otherActs,
     * provisions}) and {@code similar} (hits, each with {@code match}: {@code twin} or {@code text}).
     */
    public static ObjectNode similar(SimilarResults r) {
        ObjectNode o = MAPPER.createObjectNode();
        r.source().ifPresent(s -> o.set("provision", hit(s)));
        r.twinAct().ifPresentOrElse(t -> o.put("twinAct", t), () -> o.putNull("twinAct"));
        o.set("formulas", MAPPER.valueToTree(r.formulas()));
        ArrayNode hits = o.putArray("similar");
        r.hits().forEach(h -> hits.add(similar(h)));
        return o;
    }

    /** One provision alike: a hit with its {@code match}. */
    public static ObjectNode similar(SimilarHit h) {
        ObjectNode o = hit(h.hit());
        o.put("match", h.match().toString().toLowerCase(java.util.Locale.ROOT));
        return o;
    }

    /** One hit. */
    public static ObjectNode hit(SearchHit h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("act", h.act());
        o.put("title", h.title());
        o.put("path", h.path());
        o.put("citation", h.citation());
        o.put("cited", org.adaldyq.risk.structure.CitationText.of(h.citation(), h.language()));
        o.put("start", h.start());
        o.put("language", h.language().code());
        o.put("leadIn", h.leadIn());
        o.put("relevance", h.relevance());
        o.put("score", h.score());
        h.maxSeverity().ifPresentOrElse(s -> o.put("severity", s.toString()), () -> o.putNull("severity"));
        ArrayNode f = o.putArray("factors");
        h.factors().forEach(f::add);
        ObjectNode expert = o.putObject("expert");
        h.expert().forEach(expert::put);
        Snippet s = h.snippet();
        ObjectNode sn = o.putObject("snippet");
        sn.put("text", s.text());
        sn.put("start", s.start());
        ArrayNode spans = sn.putArray("hits");
        for (Snippet.Span span : s.hits()) {
            spans.addObject().put("start", span.start()).put("end", span.end());
        }
        sn.put("marked", s.marked("**", "**"));
        ArrayNode refs = o.putArray("references");
        for (ActReference r : h.references()) {
            ObjectNode ref = refs.addObject().put("text", r.text());
            r.act().ifPresentOrElse(a -> ref.put("act", a), () -> ref.putNull("act"));
        }
        return o;
    }
}

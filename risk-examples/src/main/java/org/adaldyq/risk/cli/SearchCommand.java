package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.adaldyq.risk.index.ProvisionIndex;

import org.adaldyq.risk.index.SearchHit;
import org.adaldyq.risk.index.SearchJson;
import org.adaldyq.risk.index.SearchOptions;
import org.adaldyq.risk.index.SearchResults;
import org.adaldyq.risk.lang.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search}: query the provision index; hits with their marked snippet, then facet counts. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the provision index with Lucene's query syntax (\"phrases\", wildcards*, AND/OR/NOT, \"a b\"~2, "
                + "exact:\"as written\"). Words are analysed per language, so an inflected form finds the others.")
final class SearchCommand implements Callable<Integer> {

    enum Format { text, json, jsonl, csv }

    enum Order { relevance, score }

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Index folder (default: ${DEFAULT-VALUE} in the working directory).", defaultValue = IndexCommand.DEFAULT_DIR)
    Path dir;

    @Parameters(paramLabel = "QUERY", arity = "1", description = "The query, in Lucene syntax.")
    String query;

    @Option(names = "--factor", paramLabel = "F", description = "Keep provisions with this factor (repeatable: any of them).")
    List<String> factors = List.of();

    @Option(names = "--lang", description = "Search only texts in kk, ru or en (default: all, the query analysed per language).")
    String lang;

    @Option(names = "--act", description = "Search only this act (its id).")
    String act;

    @Option(names = "--min-score", paramLabel = "X", description = "Keep provisions whose risk score is at least X, in [0, 1].", defaultValue = "0")
    double minScore;

    @Option(names = "--limit", paramLabel = "N", description = "Hits to print (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int limit;

    @Option(names = "--sort", description = "relevance or score (default: ${DEFAULT-VALUE}).", defaultValue = "relevance")
    Order sort;

    @Option(names = "--confirmed", description = "Keep provisions with a factor (one of --factor, if given) the expert's review confirmed or added (`index --review`).")
    boolean confirmed;

    @Option(names = "--exact", description = "Search the words as written (lower-cased, unstemmed) instead of the analysed text.")
    boolean exact;

    @Option(names = "--format", description = "text, json (one object), jsonl (one hit per line, then the facets) or csv (one hit per "
            + "line, for a spreadsheet). Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SearchOptions options = SearchOptions.defaults()
                .withFactors(Set.copyOf(factors))
                .withMinScore(minScore)
                .withLimit(limit)
                .withRanking(sort == Order.score ? SearchOptions.Ranking.SCORE : SearchOptions.Ranking.RELEVANCE)
                .withExact(exact)
                .withConfirmed(confirmed);
        if (lang != null) {
            options = options.withLanguage(Language.fromCode(lang)
                    .orElseThrow(() -> new IllegalArgumentException("--lang must be kk, ru or en: " + lang)));
        }
        if (act != null) {
            options = options.withAct(act);
        }
        SearchResults results;
        try (ProvisionIndex index = IndexCommand.openToRead(dir)) {
            results = index.search(query, options);
        }
        switch (format) {
            case text -> text(results, out);
            case json -> out.println(json().writeValueAsString(SearchJson.results(results)));
            case jsonl -> {
                ObjectMapper m = json();
                for (SearchHit h : results.hits()) {
                    out.println(m.writeValueAsString(SearchJson.hit(h)));
                }
                out.println(m.writeValueAsString(SearchJson.tail(results)));
            }
            case csv -> org.adaldyq.risk.index.SearchCsv.write(results, out);
        }
        out.flush();
        return 0;
    }

    private static void text(SearchResults r, PrintWriter out) {
        int n = 1;
        for (SearchHit h : r.hits()) {
            out.printf(Locale.ROOT, "%d. %s%s — %s (%s)  score %.2f%s%n", n++, h.citation(), h.leadIn() ? " (lead-in)" : "", h.act(),
                    h.language().code(), h.score(), h.factors().isEmpty() ? "" : "  " + factors(h));
            out.println("   " + h.snippet().marked("**", "**").replaceAll("\\s+", " ").trim());
            references(h, out);
        }
        out.printf(Locale.ROOT, "%d provision%s match%n", r.total(), r.total() == 1 ? "" : "s");
        r.facets().forEach((dim, counts) -> {
            if (!counts.isEmpty()) {
                out.println(dim + ": " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
        });
    }

    /** The hit's factor codes, each the expert confirmed or added marked so: {@code VAGUE_TERMS (confirmed), WIDE_DISCRETION}. */
    static String factors(SearchHit h) {
        return h.factors().stream().map(code -> h.expert().containsKey(code) ? code + " (" + h.expert().get(code) + ")" : code)
                .collect(Collectors.joining(", "));
    }

    /** The hit's references to other acts, one line, when it has any. */
    static void references(SearchHit h, PrintWriter out) {
        if (!h.references().isEmpty()) {
            out.println("   refers to: " + h.references().stream()
                    .map(r -> "«" + r.text() + "» " + r.act().map(a -> "→ " + a).orElse("(not indexed)"))
                    .collect(Collectors.joining("; ")));
        }
    }

    private static ObjectMapper json() {
        return new ObjectMapper();
    }
}

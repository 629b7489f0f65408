package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.adaldyq.risk.index.FormulaUse;
import org.adaldyq.risk.index.ProvisionIndex;
import org.adaldyq.risk.index.SearchHit;
import org.adaldyq.risk.index.SearchOptions;
import org.adaldyq.risk.index.SimilarHit;
import org.adaldyq.risk.index.SimilarResults;
import org.adaldyq.risk.index.SimilarSettings;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lang.LanguageDetector;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code similar}: provisions of the index that say the same thing as one provision (or a text): its twin
 * in the other official language, then the provisions most alike by their words; for a provision, how many
 * other acts use the formula of each of its findings.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Provisions that say the same thing elsewhere in the index: the same provision in the other official language "
                + "(kk/ru) when both versions are indexed, then the most alike by their words (MoreLikeThis); for --provision, how many "
                + "other acts use the words of each of its findings.")
final class SimilarCommand implements Callable<Integer> {

    enum Format { text, json, jsonl }

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Index folder (default: ${DEFAULT-VALUE} in the working directory).", defaultValue = IndexCommand.DEFAULT_DIR)
    Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--provision", paramLabel = "ACT#CITATION", description = "An indexed provision: act id, '#', citation "
                + "(kz-laws_rus_104440#Article 12, point 3).")
        String provision;

        @Option(names = "--text", paramLabel = "TEXT", description = "Any text: a provision or a formula.")
        String text;
    }

    @Option(names = "--lang", description = "Language of --text: kk, ru or en (default: detected).")
    String lang;

    @Option(names = "--factor", paramLabel = "F", description = "Keep provisions with this factor (repeatable: any of them).")
    List<String> factors = List.of();

    @Option(names = "--limit", paramLabel = "N", description = "Provisions alike by their words (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int limit;

    @Option(names = "--format", description = "text, json (one object) or jsonl (one provision per line). Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    Format format;

    @Override
    public Integer call() throws Exception {
        SearchOptions options = SearchOptions.defaults().withLimit(limit).withFactors(Set.copyOf(factors));
        SimilarResults r;
        try (ProvisionIndex index = IndexCommand.openToRead(dir)) {
            if (source.provision != null) {
                int hash = source.provision.indexOf('#');
                if (hash <= 0 || hash == source.provision.length() - 1) {
                    throw new IllegalArgumentException("--provision takes ACT#CITATION, e.g. kz-laws_rus_104440#Article 12, point 3: "
                            + source.provision);
                }
                r = index.similar(source.provision.substring(0, hash), source.provision.substring(hash + 1), options, SimilarSettings.defaults());
            } else {
                Language language = lang == null ? LanguageDetector.detect(source.text).language()
                        : Language.fromCode(lang).orElseThrow(() -> new IllegalArgumentException("--lang must be kk, ru or en: " + lang));
                r = index.similar(source.text, language, options, SimilarSettings.defaults());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper m = new ObjectMapper();
        switch (format) {
            case text -> text(r, out);
            case json -> out.println(m.writeValueAsString(org.adaldyq.risk.index.SearchJson.similar(r)));
            case jsonl -> {
                for (SimilarHit h : r.hits()) {
                    out.println(m.writeValueAsString(org.adaldyq.risk.index.SearchJson.similar(h)));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void text(SimilarResults r, PrintWriter out) {
        r.source().ifPresent(s -> {
            out.printf(Locale.ROOT, "%s#%s (%s)  score %.2f%s%n", s.act(), s.citation(), s.language().code(), s.score(),
                    s.factors().isEmpty() ? "" : "  " + SearchCommand.factors(s));
            out.println("   " + oneLine(s.snippet().text(), 200));
            SearchCommand.references(s, out);
            for (FormulaUse f : r.formulas()) {
                out.printf(Locale.ROOT, "   %s «%s»: in %d other act%s (%d provision%s)%n", f.code(), f.quote(), f.otherActs(),
                        f.otherActs() == 1 ? "" : "s", f.provisions(), f.provisions() == 1 ? "" : "s");
            }
            out.println(r.twinAct().map(t -> "   other language version: " + t).orElse("   other language version: not indexed"));
            out.println();
        });
        int n = 1;
        for (SimilarHit h : r.hits()) {
            SearchHit s = h.hit();
            out.printf(Locale.ROOT, "%d. %s%s — %s (%s)  %s  score %.2f%s%n", n++, h.match() == SimilarHit.Match.TWIN ? "[twin] " : "",
                    s.citation(), s.act(), s.language().code(),
                    h.match() == SimilarHit.Match.TWIN ? "same citation" : String.format(Locale.ROOT, "relevance %.1f", s.relevance()),
                    s.score(), s.factors().isEmpty() ? "" : "  " + SearchCommand.factors(s));
            out.println("   " + oneLine(s.snippet().marked("**", "**"), 240));
            SearchCommand.references(s, out);
        }
        if (r.hits().isEmpty()) {
            out.println("no similar provision");
        }
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}

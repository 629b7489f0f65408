package org.adaldyq.risk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.index.ProvisionIndex;
import org.adaldyq.risk.index.SearchOptions;
import org.adaldyq.risk.index.SimilarHit;
import org.adaldyq.risk.index.SimilarResults;
import org.adaldyq.risk.index.SimilarSettings;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * How well {@code similar} finds what it should, on a corpus of kk and ru acts (not a speed figure):
 * (1) twin acts: the Kazakh and Russian versions of one act, the truth taken from the file names
 * ({@code kz-laws_kaz_N} and {@code kz-laws_rus_N}), which the index never sees; (2) recurring formulas:
 * a provision whose words (8 or more) recur word for word in other acts, and the share of those found in
 * the top k; (3) a provision with every third word dropped, given as text: the rank of the provision it
 * came from. (2) and (3) for each MoreLikeThis setting tried.
 */
public final class SimilarEvaluation {

    private static final Pattern TWIN_NAME = Pattern.compile("kz-laws_(kaz|rus)_(\\d+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_QUERIES = 400;

    private final Path data;
    private final Path indexDir;
    private final List<SimilarSettings> variants;

    /**
     * @param data     a folder with {@code kk/} and {@code ru/} acts
     * @param indexDir where to build the index (reused when it holds these acts already)
     * @param variants the MoreLikeThis settings to compare
     */
    public SimilarEvaluation(Path data, Path indexDir, List<SimilarSettings> variants) {
        this.data = data;
        this.indexDir = indexDir;
        this.variants = List.copyOf(variants);
    }

    /** Indexes the acts, measures, and prints one table. */
    public void run(PrintWriter out) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String lang : List.of("kk", "ru")) {
            Path dir = data.resolve(lang);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        DocumentReader reader = DocumentReader.create();
        Map<String, ParsedDocument> acts = new LinkedHashMap<>();
        for (Path f : files) {
            acts.put(stem(f), reader.read(f));
        }
        try (ProvisionIndex index = ProvisionIndex.open(indexDir, RiskEngine.builder().build())) {
            out.println(index.add(files.toArray(Path[]::new)).line());
            twins(index, acts, out);
            out.println();
            out.printf("%-34s | %-27s | %-27s%n", "MoreLikeThis settings", "recurring formulas", "every 3rd word dropped");
            out.printf("%-34s | %-27s | %-27s%n", "terms minDf maxDf% minMatch", "queries  R@1   R@5   R@10", "queries  R@1   R@5   MRR");
            for (SimilarSettings v : variants) {
                double[] f = recurring(index, acts, v);
                double[] p = dropped(index, acts, v);
                out.printf(Locale.ROOT, "%5d %5d %5d %8.2f%s | %7.0f %5.3f %5.3f %5.3f | %7.0f %5.3f %5.3f %5.3f%n", v.maxQueryTerms(),
                        v.minDocFreq(), v.maxDocFreqPercent(), v.minShouldMatch(), v.equals(SimilarSettings.defaults()) ? " *   " : "     ",
                        f[0], f[1], f[2], f[3], p[0], p[1], p[2], p[3]);
            }
            out.println("(* the default)");
        }
        out.flush();
    }

    private static void twins(ProvisionIndex index, Map<String, ParsedDocument> acts, PrintWriter out) throws IOException {
        int truePairs = 0;
        int found = 0;
        int right = 0;
        int provisions = 0;
        int provisionTwins = 0;
        for (Map.Entry<String, ParsedDocument> e : acts.entrySet()) {
            Optional<String> truth = twinByName(e.getKey()).filter(acts::containsKey);
            Optional<String> got = index.twinAct(e.getKey());
            truePairs += truth.isPresent() ? 1 : 0;
            found += got.isPresent() ? 1 : 0;
            right += got.isPresent() && got.equals(truth) ? 1 : 0;
            if (truth.isPresent() && got.equals(truth)) {
                // the provisions with the same citation in the twin: what `similar` returns as [twin]
                Set<String> theirs = new java.util.HashSet<>();
                acts.get(truth.get()).provisions().forEach(p -> theirs.add(p.citation()));
                for (Provision p : e.getValue().provisions()) {
                    provisions++;
                    provisionTwins += theirs.contains(p.citation()) ? 1 : 0;
                }
            }
        }
        out.printf(Locale.ROOT, "twin acts: %d acts, %d with a twin indexed (by file name); found %d, right %d: precision %.3f, recall %.3f%n",
                acts.size(), truePairs, found, right, found == 0 ? 0 : (double) right / found, truePairs == 0 ? 0 : (double) right / truePairs);
        out.printf(Locale.ROOT, "  provisions of the acts whose twin was found: %d, with the same citation in the twin: %d (%.3f)%n",
                provisions, provisionTwins, provisions == 0 ? 0 : (double) provisionTwins / provisions);
    }

    /** {queries, R@1, R@5, R@10}: R@k = share of the other acts' identical provisions in the top k (of at most k). */
    private static double[] recurring(ProvisionIndex index, Map<String, ParsedDocument> acts, SimilarSettings v) throws IOException {
        Map<String, List<String[]>> byWords = new HashMap<>();
        for (Map.Entry<String, ParsedDocument> e : acts.entrySet()) {
            ParsedDocument d = e.getValue();
            for (Provision p : d.provisions()) {
                String w = words(d.textOf(p));
                if (w.split(" ").length >= 8) {
                    byWords.computeIfAbsent(w, k -> new ArrayList<>()).add(new String[] {e.getKey(), p.citation()});
                }
            }
        }
        double[] sums = new double[3];
        int queries = 0;
        for (List<String[]> same : new TreeMap<>(byWords).values()) {
            if (same.stream().map(a -> a[0]).distinct().count() < 2) {
                continue;
            }
            for (String[] q : same) {
                if (queries >= MAX_QUERIES) {
                    break;
                }
                Set<String> targets = new java.util.HashSet<>();
                same.stream().filter(o -> !o[0].equals(q[0])).forEach(o -> targets.add(o[0] + "#" + o[1]));
                SimilarResults r = index.similar(q[0], q[1], SearchOptions.defaults().withLimit(10), v);
                List<String> got = r.hits().stream().filter(h -> h.match() == SimilarHit.Match.TEXT)
                        .map(h -> h.hit().act() + "#" + h.hit().citation()).toList();
                int[] ks = {1, 5, 10};
                for (int i = 0; i < ks.length; i++) {
                    int k = ks[i];
                    long in = got.stream().limit(k).filter(targets::contains).count();
                    sums[i] += (double) in / Math.min(k, targets.size());
                }
                queries++;
            }
        }
        return new double[] {queries, sums[0] / Math.max(1, queries), sums[1] / Math.max(1, queries), sums[2] / Math.max(1, queries)};
    }

    /** {queries, R@1, R@5, MRR}: a provision of 15+ words with every third word dropped finds its own words again. */
    private static double[] dropped(ProvisionIndex index, Map<String, ParsedDocument> acts, SimilarSettings v) throws IOException {
        List<String[]> picked = new ArrayList<>();
        Map<String, Set<String>> sameWords = new HashMap<>();
        int seen = 0;
        for (Map.Entry<String, ParsedDocument> e : acts.entrySet()) {
            ParsedDocument d = e.getValue();
            for (Provision p : d.provisions()) {
                String text = d.textOf(p);
                String w = words(text);
                sameWords.computeIfAbsent(w, k -> new java.util.HashSet<>()).add(e.getKey() + "#" + p.citation());
                if (w.split(" ").length >= 15 && seen++ % 20 == 0) {
                    picked.add(new String[] {e.getKey(), text, d.language().code()});
                }
            }
        }
        picked = picked.subList(0, Math.min(MAX_QUERIES, picked.size()));
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        for (String[] q : picked) {
            String[] w = q[1].split("\\s+");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                if (i % 3 != 2) {
                    b.append(w[i]).append(' ');
                }
            }
            SimilarResults r = index.similar(b.toString(), Language.fromCode(q[2]).orElseThrow(),
                    SearchOptions.defaults().withLimit(10), v);
            // identical words in another act count too: they are the same provision as far as words go
            Set<String> want = sameWords.get(words(q[1]));
            int rank = 0;
            for (int i = 0; i < r.hits().size(); i++) {
                if (want.contains(r.hits().get(i).hit().act() + "#" + r.hits().get(i).hit().citation())) {
                    rank = i + 1;
                    break;
                }
            }
            r1 += rank == 1 ? 1 : 0;
            r5 += rank >= 1 && rank <= 5 ? 1 : 0;
            mrr += rank == 0 ? 0 : 1.0 / rank;
        }
        int n = Math.max(1, picked.size());
        return new double[] {picked.size(), r1 / n, r5 / n, mrr / n};
    }

    private static Optional<String> twinByName(String act) {
        Matcher m = TWIN_NAME.matcher(act);
        return m.matches() ? Optional.of("kz-laws_" + (m.group(1).equals("kaz") ? "rus" : "kaz") + "_" + m.group(2)) : Optional.empty();
    }

    private static String words(String text) {
        StringBuilder b = new StringBuilder();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            b.append(m.group()).append(' ');
        }
        return b.toString().strip();
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

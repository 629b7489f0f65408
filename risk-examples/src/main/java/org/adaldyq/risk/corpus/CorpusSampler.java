package org.adaldyq.risk.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * Draws the provisions to be labelled from a folder of acts ({@code kk/}, {@code ru/}, {@code en/} as in
 * the shared regulations data), the same way for every act: the act is segmented by our own reader, its
 * provisions are grouped by article, and whole articles are taken in a seeded random order until the act's
 * quota is met. Nothing is chosen by its words, so negatives come as they come.
 *
 * <p>Quotas: every act of a language gets an equal share of the language's target; an act with fewer
 * provisions gives its unused share to the others. Acts of a language whose provisions all fit the target
 * are taken whole.
 */
public final class CorpusSampler {

    /** Provisions longer than this are left out (a table or a whole schedule read as one provision). */
    static final int MAX_CHARS = 4000;
    /** Shorter ones carry nothing to label ("Исключён.", a bare number). */
    static final int MIN_CHARS = 25;

    private static final Pattern KZ_LAWS = Pattern.compile("kz-laws_(kaz|rus)_(\\d+)\\.md");
    private static final Pattern PRAVO = Pattern.compile("pravo-gov-ru_(\\d+)\\.html");
    /** {@code BILLS-116hr1865eah} / {@code h264_pcs}: the bill, then its version. */
    private static final Pattern US_BILL = Pattern.compile("(?:bills-)?(\\d*(?:hr|hres|hconres|hjres|s|sres|sconres|sjres|h|hc|hj|sc|sj|sr))(\\d+)[_-]?([a-z]+)$");
    private static final Pattern REPEALED = Pattern.compile(
            "(?iU)^\\s*(\\S+\\s+)?(утратил[аио]? силу|исключ[её]н[аоы]?|алып тасталды|күшін жойды|\\[?(reserved|repealed)\\]?)[.;\\s]*$");

    /** One sampled provision, ready to be labelled. */
    public record Sampled(String id, Language language, String act, String file, String citation,
                          String article, String text) {
    }

    private final DocumentReader reader = DocumentReader.create();

    /**
     * Samples {@code target} provisions of {@code language} from {@code files} (acts of that language).
     */
    public List<Sampled> sample(List<Path> files, Language language, int target, long seed, Path root)
            throws IOException {
        return sample(files, language, target, seed, root, act -> false);
    }

    /**
     * As {@link #sample(List, Language, int, long, Path)}, with the acts {@code whole} accepts taken whole
     * and outside the target (the official Russian versions of the Kazakh acts, so every Kazakh provision
     * has its twin).
     */
    public List<Sampled> sample(List<Path> files, Language language, int target, long seed, Path root,
                                java.util.function.Predicate<String> whole) throws IOException {
        Map<String, Map<String, List<Sampled>>> articlesByAct = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> seenTexts = new LinkedHashMap<>();
        for (Path file : files) {
            ParsedDocument doc;
            try {
                doc = reader.read(file, language);
            } catch (DocumentReadException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String act = actId(file);
            String rel = root.relativize(file).toString().replace('\\', '/');
            // versions of one bill (introduced, reported, enrolled) are one act: each text is taken once
            Map<String, List<Sampled>> byArticle = articlesByAct.computeIfAbsent(act, k -> new LinkedHashMap<>());
            java.util.Set<String> seen = seenTexts.computeIfAbsent(act, k -> new java.util.HashSet<>());
            String stem = file.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            for (Provision p : doc.provisions()) {
                String text = p.textWithLeadIn(doc.text()).strip();
                String own = p.text(doc.text()).strip();
                if (own.length() < MIN_CHARS || text.length() > MAX_CHARS || REPEALED.matcher(own).matches()
                        || !seen.add(text)) {
                    continue;
                }
                String id = language.code() + "-" + act + (act.startsWith("us-") ? "-" + versionOf(stem) : "")
                        + "-" + String.format("%04d", p.index());
                byArticle.computeIfAbsent(rel + "#" + p.articleCitation(), k -> new ArrayList<>())
                        .add(new Sampled(id, language, act, rel, p.citation(), p.articleCitation(), text));
            }
        }
        Map<String, List<List<Sampled>>> byAct = new LinkedHashMap<>();
        articlesByAct.forEach((act, articles) -> byAct.put(act, new ArrayList<>(articles.values())));
        Map<String, List<List<Sampled>>> shared = new LinkedHashMap<>(byAct);
        shared.keySet().removeIf(whole);
        Map<String, Integer> quota = new LinkedHashMap<>(quotas(shared, target));
        byAct.forEach((act, articles) -> quota.putIfAbsent(act, articles.stream().mapToInt(List::size).sum()));
        List<Sampled> out = new ArrayList<>();
        Random random = new Random(seed);
        for (Map.Entry<String, List<List<Sampled>>> e : byAct.entrySet()) {
            List<List<Sampled>> articles = new ArrayList<>(e.getValue());
            java.util.Collections.shuffle(articles, random);
            int want = quota.get(e.getKey());
            List<List<Sampled>> taken = new ArrayList<>();
            int n = 0;
            for (List<Sampled> article : articles) {
                if (n >= want) {
                    break;
                }
                taken.add(article);
                n += article.size();
            }
            // back in document order, so an annotator reads an act as it is written
            taken.sort(java.util.Comparator.comparing(a -> a.get(0).id()));
            taken.forEach(out::addAll);
        }
        return out;
    }

    /** Water-filling: equal shares, an act that cannot use its share gives the rest to the others. */
    static Map<String, Integer> quotas(Map<String, List<List<Sampled>>> acts, int target) {
        Map<String, Integer> size = new LinkedHashMap<>();
        acts.forEach((k, v) -> size.put(k, v.stream().mapToInt(List::size).sum()));
        Map<String, Integer> quota = new LinkedHashMap<>();
        size.keySet().forEach(k -> quota.put(k, 0));
        int left = target;
        List<String> open = new ArrayList<>(size.keySet());
        while (left > 0 && !open.isEmpty()) {
            int share = Math.max(1, left / open.size());
            for (String act : open) {
                int give = Math.min(Math.min(share, left), size.get(act) - quota.get(act));
                quota.merge(act, give, Integer::sum);
                left -= give;
            }
            open = open.stream().filter(a -> quota.get(a) < size.get(a)).toList();
        }
        return quota;
    }

    /**
     * The act's id, shared by the official versions of one act: {@code kz-104440} for both
     * {@code kz-laws_kaz_104440.md} and {@code kz-laws_rus_104440.md}.
     */
    public static String actId(Path file) {
        String name = file.getFileName().toString();
        Matcher m = KZ_LAWS.matcher(name);
        if (m.matches()) {
            return "kz-" + m.group(2);
        }
        m = PRAVO.matcher(name);
        if (m.matches()) {
            return "rf-" + m.group(1);
        }
        String stem = name.replaceFirst("\\.[A-Za-z]+$", "").toLowerCase(java.util.Locale.ROOT);
        m = US_BILL.matcher(stem);
        if (m.matches()) {
            return "us-" + m.group(1) + m.group(2);
        }
        return "us-" + stem.replaceFirst("-uslm$", "").replaceAll("[^a-z0-9]+", "-");
    }

    /** The version suffix of a US bill file ({@code eah}, {@code rh}), or the file stem. */
    static String versionOf(String stem) {
        Matcher m = US_BILL.matcher(stem.toLowerCase(java.util.Locale.ROOT));
        return m.matches() ? m.group(3) : "v";
    }

    /** The act files of one language folder, sorted. */
    public static List<Path> acts(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("SOURCES.md"))
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(md|html|xml)"))
                    .sorted().toList();
        }
    }
}

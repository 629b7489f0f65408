package org.adaldyq.risk.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * Compares two versions of one draft, each scanned with {@link RiskEngine#scanDocument(Path)}.
 *
 * <p><b>Alignment</b>, in four passes, each over what the passes before left unpaired: (1) provisions with
 * the same words (numbering left out), the same citation preferred, so a renumbered provision is found
 * unchanged; (2) the same citation and words at least {@value #SIMILAR} alike (Dice coefficient of their
 * word multisets); (3) any citation, the most alike pairs first, at least {@value #SIMILAR}; (4) a split
 * or merge: a provision left over whose words lie at least {@value #CONTAINED} within a provision of the
 * other version joins that provision's group. What is left is added or removed.
 *
 * <p><b>Findings</b> of a group are matched by factor and quote, then by factor alone: kept, removed or
 * added. Stateless and thread-safe.
 */
public final class DraftComparison {

    /** Words at least this alike (Dice coefficient) make two provisions the same one, changed. */
    static final double SIMILAR = 0.5;
    /** A share of a provision's words at least this large within another makes it part of a split or merge. */
    static final double CONTAINED = 0.8;
    /** Fewer words than this are too few to call a provision part of another. */
    private static final int MIN_PART_WORDS = 4;

    /** A leading number: «Статья 12.», «12-бап.», «Article 3.», «1.», «2)», «а)», «(b)», «Sec. 4.». */
    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:(?:статья|article|section|sec\\.|§)\\s*)?\\(?(?:\\d+(?:[-.]\\d+)*|[a-zа-яё])(?:-(?:бап|тармақ))?[.)]?(?=\\s)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private DraftComparison() {
    }

    /**
     * Scans both files and compares them.
     *
     * @param engine the engine that reads and scans both versions
     * @param before the old version (any format the engine reads)
     * @param after  the new version
     * @return the comparison
     * @throws DocumentReadException when a version cannot be read
     */
    public static DraftDiff compare(RiskEngine engine, Path before, Path after) throws DocumentReadException {
        return compare(engine.scanDocument(before), engine.scanDocument(after));
    }

    /**
     * Compares two scanned versions.
     *
     * @param before the old version, scanned
     * @param after  the new version, scanned
     * @return the comparison
     */
    public static DraftDiff compare(ScannedDocument before, ScannedDocument after) {
        Vocabulary words = new Vocabulary();
        List<Item> old = items(before, words, true);
        List<Item> now = items(after, words, false);
        Group[] ofOld = new Group[old.size()];
        Group[] ofNew = new Group[now.size()];
        List<Group> groups = new ArrayList<>();

        // 1. the same words, numbering aside (same citation first, then document order)
        Map<String, List<Item>> byText = new HashMap<>();
        for (Item n : now) {
            if (!n.normalised.isEmpty()) {
                byText.computeIfAbsent(n.normalised, k -> new ArrayList<>()).add(n);
            }
        }
        for (Item o : old) {
            List<Item> same = byText.getOrDefault(o.normalised, List.of());
            Item pick = same.stream().filter(n -> ofNew[n.index] == null && n.citation().equals(o.citation())).findFirst()
                    .orElse(same.stream().filter(n -> ofNew[n.index] == null).findFirst().orElse(null));
            if (pick != null) {
                pair(o, pick, ofOld, ofNew, groups);
            }
        }
        // 2. the same citation, words alike
        Map<String, Item> newByCitation = new HashMap<>();
        for (Item n : now) {
            newByCitation.putIfAbsent(n.citation(), n);
        }
        for (Item o : old) {
            Item n = newByCitation.get(o.citation());
            if (ofOld[o.index] == null && n != null && ofNew[n.index] == null && dice(o.words, n.words) >= SIMILAR) {
                pair(o, n, ofOld, ofNew, groups);
            }
        }
        // 3. any citation, most alike first
        List<double[]> candidates = new ArrayList<>();
        for (Item o : old) {
            if (ofOld[o.index] != null) {
                continue;
            }
            for (Item n : now) {
                if (ofNew[n.index] == null) {
                    double d = dice(o.words, n.words);
                    if (d >= SIMILAR) {
                        candidates.add(new double[] {d, o.index, n.index});
                    }
                }
            }
        }
        candidates.sort(Comparator.<double[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> Math.abs(c[1] - c[2])));
        for (double[] c : candidates) {
            Item o = old.get((int) c[1]);
            Item n = now.get((int) c[2]);
            if (ofOld[o.index] == null && ofNew[n.index] == null) {
                pair(o, n, ofOld, ofNew, groups);
            }
        }
        // 4. parts of a split or a merge
        for (Item n : now) {
            if (ofNew[n.index] == null) {
                Item whole = bestContainer(n, old);
                if (whole != null) {
                    join(whole, ofOld, groups).now.add(n);
                    ofNew[n.index] = ofOld[whole.index];
                }
            }
        }
        for (Item o : old) {
            if (ofOld[o.index] == null) {
                Item whole = bestContainer(o, now);
                if (whole != null) {
                    join(whole, ofNew, groups).old.add(o);
                    ofOld[o.index] = ofNew[whole.index];
                }
            }
        }
        for (Item n : now) {
            if (ofNew[n.index] == null) {
                Group g = new Group();
                g.now.add(n);
                ofNew[n.index] = g;
                groups.add(g);
            }
        }
        List<ProvisionChange> changes = new ArrayList<>();
        for (Group g : order(groups, old, ofOld)) {
            changes.add(g.change());
        }
        // ofOld is filled for the removed ones by order(): every provision is in exactly one change
        return new DraftDiff(before.report().source(), after.report().source(), after.report().language(),
                before.report().score(), after.report().score(), old.size(), now.size(), changes);
    }

    /** The groups in the new version's order; a removed provision goes after the group of the old provision before it. */
    private static List<Group> order(List<Group> groups, List<Item> old, Group[] ofOld) {
        for (Group g : groups) {
            g.key = g.now.stream().mapToInt(i -> i.index).min().orElse(Integer.MAX_VALUE);
        }
        double last = -1;
        List<Group> all = new ArrayList<>(groups);
        for (Item o : old) {
            if (ofOld[o.index] == null) {
                Group g = new Group();
                g.old.add(o);
                ofOld[o.index] = g;
                last += 1e-4; // after the last placed group, in the old order
                g.key = last;
                all.add(g);
            } else if (!ofOld[o.index].now.isEmpty()) {
                last = Math.max(last, ofOld[o.index].key);
            }
        }
        all.sort(Comparator.comparingDouble((Group g) -> g.key));
        return all;
    }

    private static void pair(Item o, Item n, Group[] ofOld, Group[] ofNew, List<Group> groups) {
        Group g = new Group();
        g.old.add(o);
        g.now.add(n);
        ofOld[o.index] = g;
        ofNew[n.index] = g;
        groups.add(g);
    }

    /** The group of {@code whole}, made when {@code whole} has none yet. */
    private static Group join(Item whole, Group[] of, List<Group> groups) {
        if (of[whole.index] == null) {
            Group g = new Group();
            (whole.fromOld ? g.old : g.now).add(whole);
            of[whole.index] = g;
            groups.add(g);
        }
        return of[whole.index];
    }

    /** The provision of the other version holding most of {@code part}'s words, if it holds at least {@value #CONTAINED}. */
    private static Item bestContainer(Item part, List<Item> other) {
        if (part.words.length < MIN_PART_WORDS) {
            return null;
        }
        Item best = null;
        double bestShare = CONTAINED;
        for (Item w : other) {
            double share = (double) common(part.words, w.words) / part.words.length;
            if (share >= bestShare && w.words.length > part.words.length) {
                best = w;
                bestShare = share;
            }
        }
        return best;
    }

    private static List<Item> items(ScannedDocument scanned, Vocabulary words, boolean fromOld) {
        ParsedDocument doc = scanned.document();
        Map<Integer, List<Finding>> findingsAt = new HashMap<>();
        for (Finding f : scanned.report().findings()) {
            if (f.location() instanceof ProvisionLocation pl) {
                findingsAt.computeIfAbsent(pl.provisionStart(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Item> items = new ArrayList<>();
        for (Provision p : doc.provisions()) {
            String text = doc.textOf(p);
            String normalised = normalise(text);
            items.add(new Item(items.size(), p, text, normalised, words.ids(normalised), findingsAt.getOrDefault(p.start(), List.of()), fromOld));
        }
        return items;
    }

    /** Lower-cased words joined by one space, the leading numbering dropped. */
    static String normalise(String text) {
        String s = text.strip();
        for (int i = 0; i < 3; i++) { // «Статья 5. 1.» or «1) а)»: a few levels at most
            Matcher m = NUMBERING.matcher(s);
            if (!m.find() || m.end() == 0) {
                break;
            }
            s = s.substring(m.end()).strip();
        }
        StringBuilder b = new StringBuilder(s.length());
        Matcher w = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        while (w.find()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(w.group());
        }
        return b.toString();
    }

    /** Dice coefficient of two sorted word-id multisets. */
    static double dice(int[] a, int[] b) {
        return a.length + b.length == 0 ? 1.0 : 2.0 * common(a, b) / (a.length + b.length);
    }

    private static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Word ids shared by both versions. */
    private static final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();

        int[] ids(String normalised) {
            if (normalised.isEmpty()) {
                return new int[0];
            }
            String[] w = normalised.split(" ");
            int[] out = new int[w.length];
            for (int i = 0; i < w.length; i++) {
                out[i] = ids.computeIfAbsent(w[i], k -> ids.size());
            }
            Arrays.sort(out);
            return out;
        }
    }

    private record Item(int index, Provision provision, String text, String normalised, int[] words, List<Finding> findings,
                        boolean fromOld) {
        String citation() {
            return provision.citation();
        }

        ProvisionText shown() {
            return new ProvisionText(provision.citation(), provision.start(), provision.end(), text);
        }
    }

    private static final class Group {
        final List<Item> old = new ArrayList<>();
        final List<Item> now = new ArrayList<>();
        double key;

        ProvisionChange change() {
            old.sort(Comparator.comparingInt(Item::index));
            now.sort(Comparator.comparingInt(Item::index));
            ProvisionChange.Kind kind;
            ProvisionChange.Alignment alignment;
            double similarity;
            if (now.isEmpty()) {
                kind = ProvisionChange.Kind.REMOVED;
                alignment = ProvisionChange.Alignment.NONE;
                similarity = 0;
            } else if (old.isEmpty()) {
                kind = ProvisionChange.Kind.ADDED;
                alignment = ProvisionChange.Alignment.NONE;
                similarity = 0;
            } else {
                String o = String.join(" ", old.stream().map(Item::normalised).toList());
                String n = String.join(" ", now.stream().map(Item::normalised).toList());
                boolean single = old.size() == 1 && now.size() == 1;
                kind = single && o.equals(n) ? ProvisionChange.Kind.UNCHANGED : ProvisionChange.Kind.CHANGED;
                alignment = old.size() > 1 ? ProvisionChange.Alignment.MERGED
                        : now.size() > 1 ? ProvisionChange.Alignment.SPLIT
                        : old.get(0).citation().equals(now.get(0).citation()) ? ProvisionChange.Alignment.CITATION
                        : ProvisionChange.Alignment.TEXT;
                similarity = o.equals(n) ? 1.0 : dice(merged(old), merged(now));
            }
            return new ProvisionChange(kind, alignment, old.stream().map(Item::shown).toList(), now.stream().map(Item::shown).toList(),
                    similarity, findings());
        }

        private List<FindingChange> findings() {
            List<Finding> was = new ArrayList<>();
            old.forEach(i -> was.addAll(i.findings()));
            List<Finding> is = new ArrayList<>();
            now.forEach(i -> is.addAll(i.findings()));
            List<FindingChange> kept = new ArrayList<>();
            // same factor and quote first, then same factor: a finding whose quote was reworded is still kept
            for (boolean byQuote : new boolean[] {true, false}) {
                for (var it = was.iterator(); it.hasNext(); ) {
                    Finding w = it.next();
                    Finding match = is.stream().filter(f -> f.code().equals(w.code()) && (!byQuote || quote(f).equals(quote(w))))
                            .findFirst().orElse(null);
                    if (match != null) {
                        kept.add(new FindingChange(FindingChange.Status.KEPT, w.code(), w, match));
                        is.remove(match);
                        it.remove();
                    }
                }
            }
            kept.sort(Comparator.comparingInt(f -> start(f.after())));
            List<FindingChange> out = new ArrayList<>(kept);
            was.forEach(f -> out.add(new FindingChange(FindingChange.Status.REMOVED, f.code(), f, null)));
            is.forEach(f -> out.add(new FindingChange(FindingChange.Status.ADDED, f.code(), null, f)));
            return out;
        }

        private static int[] merged(List<Item> items) {
            return items.stream().flatMapToInt(i -> Arrays.stream(i.words())).sorted().toArray();
        }

        private static String quote(Finding f) {
            return f.location() instanceof ProvisionLocation pl ? normalise(pl.quote()) : "";
        }

        private static int start(Finding f) {
            return f.location() instanceof ProvisionLocation pl ? pl.start() : 0;
        }
    }
}

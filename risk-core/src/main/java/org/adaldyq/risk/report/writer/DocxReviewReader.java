package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.structure.Provision;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The expert's review made in Word, read back: the draft with its comments ({@link DocxReview}) as the expert
 * left it, turned into review lines ({@link Review}) for {@code scan --review}, the conclusion and {@code train}.
 *
 * <ul>
 *   <li>A finding whose comment the expert <b>deleted</b> is struck out (when the document still holds comments
 *       of the scanner: one that never had them strikes nothing).</li>
 *   <li>A <b>reply</b> to a finding's comment is the expert's note on it; one that opens with a yes («✓», «+»,
 *       «да», «верно», «подтверждаю», «иә», «дұрыс», «растаймын», «yes», «confirm»…) confirms the finding, one
 *       that opens with a no («✗», «-», «нет», «исключить», «жоқ», «алып тастау», «no», «strike»…) strikes it
 *       out. A reply is a comment Word links to its parent ({@code commentsExtended}); where the file has no such
 *       links, a comment of another author on the paragraph of exactly one finding's comment, naming no factor.</li>
 *   <li>A comment of the expert's own that names a factor — its code ({@code WIDE_DISCRETION}) or its title in
 *       any of the catalogue's languages — adds the factor to the provision it is anchored in, its words the note
 *       (or confirms it, when the scanner found it there). A comment that names none is left out and listed
 *       ({@link Read#unread()}).</li>
 * </ul>
 *
 * A comment goes to the provision of the paragraph it is anchored in (the paragraphs are paired with the lines of
 * the text as read, as {@link DocxReview} does to write them); a finding's comment names its provision too
 * ({@code Title [CODE, 0.60] — Статья 7, пункт 1}), which decides where the anchor is ambiguous.
 */
public final class DocxReviewReader {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static final String W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    private static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
    /** The code and the citation in the first line of a finding's comment. */
    private static final Pattern OURS = Pattern.compile("\\[([A-Z][A-Z_]+)[,\\]].*?\\](?: — (.+))?$");
    private static final Pattern YES = Pattern.compile("(?iU)^\\s*(?:[✓✔☑+]|да\\b|верно|подтвержда\\w*|согласен|иә\\b|дұрыс|растайм\\w*|"
            + "келісемін|yes\\b|ok\\b|confirm\\w*|agree\\w*)[\\s.,:;!—–-]*");
    private static final Pattern NO = Pattern.compile("(?iU)^\\s*(?:[✗✘×☒−-]|нет\\b|не согласен|исключ\\w*|неверно|жоқ\\b|"
            + "алып таста\\w*|келіспеймін|no\\b|strike\\w*|reject\\w*|disagree\\w*)[\\s.,:;!—–-]*");

    private DocxReviewReader() {
    }

    /**
     * What was read.
     *
     * @param review    a line per provision of the text, with the expert's decisions
     * @param confirmed findings confirmed (by a reply, or a comment of the expert's naming the factor)
     * @param struck    findings struck out (comment deleted, or a reply saying no)
     * @param added     factors added
     * @param noted     notes taken (replies and the expert's comments)
     * @param scanners  the scanner's comments still in the document
     * @param unread    the expert's comments that name no factor and answer no finding, as {@code author: text}
     */
    public record Read(Review review, int confirmed, int struck, int added, int noted, int scanners, List<String> unread) {

        /** Copies the list. */
        public Read {
            unread = List.copyOf(unread);
        }
    }

    /** One comment of the document. */
    private record Comment(String id, String author, String text, List<String> paraIds) {
        boolean ours() {
            return DocxReview.AUTHOR.equals(author);
        }
    }

    /**
     * Reads the expert's decisions.
     *
     * @param docx      the commented draft as the expert saved it
     * @param scanned   the same document scanned (its comments are not its text: {@code TextExtractor})
     * @param act       the file name the review lines name the text by
     * @param catalogue the factors a comment may name
     * @throws IOException when the file is not a readable DOCX
     */
    public static Read read(InputStream docx, ScannedDocument scanned, String act, FactorCatalogue catalogue) throws IOException {
        OoxmlPackage pkg = OoxmlPackage.read(docx);
        String main = DocxReview.mainPart(pkg);
        Document body = pkg.xml(main);
        String folder = main.substring(0, main.lastIndexOf('/') + 1);
        String relsName = DocxReview.relationshipsPart(main);
        Document rels = pkg.has(relsName) ? pkg.xml(relsName) : null;
        String commentsName = rels == null ? null : DocxReview.commentsPart(rels, main);
        Map<String, Comment> comments = new LinkedHashMap<>();
        if (commentsName != null && pkg.has(commentsName)) {
            NodeList all = pkg.xml(commentsName).getElementsByTagNameNS(W, "comment");
            for (int i = 0; i < all.getLength(); i++) {
                Element c = (Element) all.item(i);
                List<String> paras = new ArrayList<>();
                List<String> words = new ArrayList<>();
                NodeList ps = c.getElementsByTagNameNS(W, "p");
                for (int j = 0; j < ps.getLength(); j++) {
                    Element p = (Element) ps.item(j);
                    paras.add(p.getAttributeNS(W14, "paraId"));
                    words.add(DocxReview.text(p));
                }
                String id = c.getAttributeNS(W, "id");
                comments.put(id, new Comment(id, c.getAttributeNS(W, "author"), String.join("\n", words).strip(), paras));
            }
        }
        Map<String, String> parentOf = parents(pkg, rels, folder, comments);

        // each comment's paragraph, as the paragraph's line of the text read, as an offset in it
        List<Element> paragraphs = new ArrayList<>();
        NodeList ps = body.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            paragraphs.add((Element) ps.item(i));
        }
        Map<String, Integer> paragraphOf = new HashMap<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            for (String mark : List.of("commentRangeStart", "commentReference")) {
                NodeList marks = paragraphs.get(i).getElementsByTagNameNS(W, mark);
                for (int j = 0; j < marks.getLength(); j++) {
                    paragraphOf.putIfAbsent(((Element) marks.item(j)).getAttributeNS(W, "id"), i);
                }
            }
        }
        String text = scanned.document().text();
        String[] lines = text.split("\n", -1);
        List<String> texts = new ArrayList<>();
        paragraphs.forEach(p -> texts.add(DocxReview.text(p)));
        int[] paragraphOfLine = DocxReview.align(lines, texts);
        Map<Integer, Integer> lineOfParagraph = new HashMap<>();
        for (int i = 0; i < paragraphOfLine.length; i++) {
            if (paragraphOfLine[i] >= 0) {
                lineOfParagraph.put(paragraphOfLine[i], i);
            }
        }
        LineIndex index = new LineIndex(text);
        List<Provision> provisions = scanned.document().provisions();
        Language lang = scanned.report().language();
        Map<Integer, Set<String>> found = new HashMap<>();
        for (Finding f : scanned.report().findings()) {
            found.computeIfAbsent(((ProvisionLocation) f.location()).provisionStart(), k -> new TreeSet<>()).add(f.code());
        }

        Decisions decisions = new Decisions();
        Map<String, Provision> ourProvision = new HashMap<>();
        Map<String, String> ourCode = new HashMap<>();
        Map<Integer, List<String>> oursInParagraph = new HashMap<>();
        for (Comment c : comments.values()) {
            if (!c.ours()) {
                continue;
            }
            Matcher m = OURS.matcher(c.text().lines().findFirst().orElse(""));
            if (!m.find()) {
                continue;
            }
            String code = m.group(1);
            Provision p = cited(provisions, m.group(2), code, found, lang);
            if (p == null) {
                p = provisionAt(provisions, offset(c.id(), paragraphOf, lineOfParagraph, index));
            }
            if (p != null) {
                ourProvision.put(c.id(), p);
                ourCode.put(c.id(), code);
                decisions.live.add(p.start() + "\t" + code);
            }
            if (paragraphOf.containsKey(c.id())) {
                oursInParagraph.computeIfAbsent(paragraphOf.get(c.id()), k -> new ArrayList<>()).add(c.id());
            }
        }
        int confirmed = 0;
        int struck = 0;
        int added = 0;
        int noted = 0;
        List<String> unread = new ArrayList<>();
        for (Comment c : comments.values()) {
            if (c.ours() || c.text().isEmpty()) {
                continue;
            }
            Set<String> codes = named(c.text(), catalogue);
            String parent = parentOf.get(c.id());
            if (parent == null && paragraphOf.containsKey(c.id()) && codes.isEmpty()) {
                List<String> there = oursInParagraph.getOrDefault(paragraphOf.get(c.id()), List.of());
                parent = there.size() == 1 ? there.get(0) : null;
            }
            if (parent != null && ourProvision.containsKey(parent)) {
                Provision p = ourProvision.get(parent);
                String code = ourCode.get(parent);
                Matcher yes = YES.matcher(c.text());
                Matcher no = NO.matcher(c.text());
                String note = c.text();
                if (yes.lookingAt()) {
                    decisions.of(p.start()).confirmed.add(code);
                    note = c.text().substring(yes.end());
                } else if (no.lookingAt()) {
                    decisions.of(p.start()).struck.add(code);
                    note = c.text().substring(no.end());
                }
                if (!note.isBlank()) {
                    decisions.note(p.start(), code, note.strip());
                }
                continue;
            }
            Provision p = provisionAt(provisions, offset(c.id(), paragraphOf, lineOfParagraph, index));
            if (p == null || codes.isEmpty()) {
                unread.add(c.author() + ": " + c.text().replaceAll("\\s+", " "));
                continue;
            }
            for (String code : codes) {
                if (found.getOrDefault(p.start(), Set.of()).contains(code)) {
                    decisions.of(p.start()).confirmed.add(code);
                } else {
                    decisions.of(p.start()).added.add(code);
                }
                decisions.note(p.start(), code, c.text());
            }
        }
        // a finding whose comment is gone was struck out, if the scanner's comments are there at all
        if (!decisions.live.isEmpty()) {
            for (Finding f : scanned.report().findings()) {
                int start = ((ProvisionLocation) f.location()).provisionStart();
                if (!decisions.live.contains(start + "\t" + f.code())) {
                    decisions.of(start).struck.add(f.code());
                }
            }
        }
        List<Review.Decision> out = new ArrayList<>();
        for (Review.Decision d : Review.NONE.worksheet(scanned)) {
            Decided mine = decisions.byStart.get(d.start());
            if (mine == null) {
                out.add(new Review.Decision(act, d.start(), d.end(), d.provision(), d.language(), d.text(), d.found(), Set.of(), Set.of(),
                        Set.of()));
                continue;
            }
            Set<String> yes = new TreeSet<>(mine.confirmed);
            yes.retainAll(d.found());
            Set<String> no = new TreeSet<>(mine.struck);
            no.retainAll(d.found());
            no.removeAll(yes);
            Set<String> more = new TreeSet<>(mine.added);
            more.removeAll(d.found());
            Map<String, String> notes = new TreeMap<>(mine.notes);
            notes.keySet().retainAll(union(d.found(), more));
            confirmed += yes.size();
            struck += no.size();
            added += more.size();
            noted += notes.size();
            out.add(new Review.Decision(act, d.start(), d.end(), d.provision(), d.language(), d.text(), d.found(), yes, no, more, notes));
        }
        int scanners = (int) comments.values().stream().filter(Comment::ours).count();
        return new Read(Review.of(out), confirmed, struck, added, noted, scanners, unread);
    }

    /** The decisions gathered, by provision. */
    private static final class Decisions {
        final Set<String> live = new java.util.HashSet<>();
        final Map<Integer, Decided> byStart = new HashMap<>();

        /** The decisions on the provision that starts at {@code start}. */
        Decided of(int start) {
            return byStart.computeIfAbsent(start, k -> new Decided());
        }

        void note(int start, String code, String note) {
            String kept = note.length() > Review.MAX_NOTE ? note.substring(0, Review.MAX_NOTE - 1) + "…" : note;
            of(start).notes.merge(code, kept, (a, b) -> a + " / " + b);
        }
    }

    /** One provision's decisions. */
    private static final class Decided {
        final Set<String> confirmed = new TreeSet<>();
        final Set<String> struck = new TreeSet<>();
        final Set<String> added = new TreeSet<>();
        final Map<String, String> notes = new TreeMap<>();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Each reply's parent comment, from the links Word keeps in {@code commentsExtended} (a comment's last
     * paragraph, by its {@code paraId}, and its parent's); none when the file has no such part.
     */
    private static Map<String, String> parents(OoxmlPackage pkg, Document rels, String folder, Map<String, Comment> comments) throws IOException {
        Map<String, String> parents = new HashMap<>();
        if (rels == null) {
            return parents;
        }
        String name = null;
        NodeList all = rels.getElementsByTagNameNS(PACKAGE_RELS, "Relationship");
        for (int i = 0; i < all.getLength(); i++) {
            Element r = (Element) all.item(i);
            if (COMMENTS_EXTENDED.equals(r.getAttribute("Type"))) {
                String target = r.getAttribute("Target");
                name = target.startsWith("/") ? target.substring(1) : folder + target;
            }
        }
        if (name == null || !pkg.has(name)) {
            return parents;
        }
        Map<String, String> commentOfPara = new HashMap<>();
        comments.values().forEach(c -> c.paraIds().forEach(p -> commentOfPara.put(p, c.id())));
        NodeList links = pkg.xml(name).getElementsByTagNameNS(W15, "commentEx");
        for (int i = 0; i < links.getLength(); i++) {
            Element e = (Element) links.item(i);
            String child = commentOfPara.get(e.getAttributeNS(W15, "paraId"));
            String parent = commentOfPara.get(e.getAttributeNS(W15, "paraIdParent"));
            if (child != null && parent != null) {
                parents.put(child, parent);
            }
        }
        return parents;
    }

    /** The offset in the text read of the start of the paragraph a comment is anchored in, or -1. */
    private static int offset(String id, Map<String, Integer> paragraphOf, Map<Integer, Integer> lineOfParagraph, LineIndex index) {
        Integer paragraph = paragraphOf.get(id);
        Integer line = paragraph == null ? null : lineOfParagraph.get(paragraph);
        return line == null ? -1 : index.start(line);
    }

    /** The provision whose words (or whose list's lead-in) hold {@code offset}; null for none. */
    private static Provision provisionAt(List<Provision> provisions, int offset) {
        if (offset < 0) {
            return null;
        }
        for (Provision p : provisions) {
            if (p.start() <= offset && offset < Math.max(p.end(), p.start() + 1)) {
                return p;
            }
        }
        for (Provision p : provisions) {
            if (p.hasLeadIn() && p.leadInStart() <= offset && offset < p.leadInEnd()) {
                return p;
            }
        }
        return null;
    }

    /** The one provision cited so (in the text's language) where the scanner found {@code code}; null when not exactly one. */
    private static Provision cited(List<Provision> provisions, String citation, String code, Map<Integer, Set<String>> found, Language lang) {
        if (citation == null) {
            return null;
        }
        List<Provision> matches = provisions.stream()
                .filter(p -> CitationText.of(p.citation(), lang).equals(citation.strip()) && found.getOrDefault(p.start(), Set.of()).contains(code))
                .toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /**
     * The draft a commented copy was written for, by its file name: {@code draft.review.docx} (as {@code scan
     * --format docx} names it) → {@code draft.docx}; any other name as it is.
     */
    public static String draftName(String fileName) {
        String name = Review.act(fileName);
        return name.toLowerCase(Locale.ROOT).endsWith(".review.docx") ? name.substring(0, name.length() - ".review.docx".length()) + ".docx"
                : name;
    }

    /** The factors a comment names: their codes as words, or their titles in any of the catalogue's languages. */
    static Set<String> named(String comment, FactorCatalogue catalogue) {
        Set<String> codes = new TreeSet<>();
        String lower = comment.toLowerCase(Locale.ROOT);
        for (String code : catalogue.codes()) {
            if (Pattern.compile("(?<![A-Z_])" + code + "(?![A-Z_])").matcher(comment).find()) {
                codes.add(code);
                continue;
            }
            for (Language l : Language.values()) {
                String title = catalogue.get(code).map(f -> f.title(l)).orElse("");
                if (title.length() > 8 && lower.contains(title.toLowerCase(Locale.ROOT))) {
                    codes.add(code);
                    break;
                }
            }
        }
        return codes;
    }
}

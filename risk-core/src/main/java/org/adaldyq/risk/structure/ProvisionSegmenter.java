package org.adaldyq.risk.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.structure.CitationLevel.Kind;

/**
 * Splits the text of an act into provisions with stable citations and offsets.
 *
 * <p>The input is text with one paragraph per line (what {@code TextExtractor} produces; Markdown as in the
 * kz-laws files works as is). Recognised units:
 * <ul>
 *   <li>articles: kk {@code 7-бап}, {@code 7 бап}; ru {@code Статья 7}; en {@code Section 2.}, {@code SEC. 2.},
 *       {@code § 2} — as a Markdown heading or a plain line. A heading whose rest ends with ".", ":" or ";"
 *       and has four words or more is a heading with text ({@code Статья 2. Настоящий Закон вводится …}), the
 *       text being the article's own; otherwise the rest is a title;</li>
 *   <li>chapters, sections of codes, divisions and titles ({@code 1-тарау}, {@code Глава 1}, {@code Раздел I},
 *       {@code TITLE I}): they close the article and are not part of citations (US divisions are, because
 *       section numbers restart in each);</li>
 *   <li>points {@code 1.} (тармақ / пункт) and sub-points {@code 1)}, {@code а)}, {@code 13-1)}
 *       (тармақша / подпункт); in Russian codes that cite their own units as «часть N статьи», numbered
 *       paragraphs are parts and their items are points ({@code Article 96, part 5, point 2}); the mode is
 *       chosen per document by counting «части N статьи» against «пункта N статьи»;</li>
 *   <li>unnumbered paragraphs of an article are its parts ({@code Article 114, part 3}); an article with
 *       one part is cited without it ({@code Article 6}, {@code Article 15, sub-point 3)});</li>
 *   <li>en subdivisions {@code (a)}, {@code (1)}, {@code (A)}, {@code (i)}, {@code (I)} → {@code Section 2(a)(1)};</li>
 *   <li>a text with no numbering at all: one provision per paragraph, {@code Paragraph N}.</li>
 * </ul>
 *
 * <p><b>Lead-ins.</b> A paragraph ending with ":" (or "—") right before a list is the list's lead-in: it
 * is not a provision of its own but each item carries its offsets ({@link Provision#leadInStart()}). Other
 * paragraphs of a unit with a list (text after the list) are provisions cited with {@code paragraph N}
 * (counted among the unit's own paragraphs, the lead-in included). Unnumbered paragraphs after a lead-in
 * that end with ";" are unnumbered list items ({@code Article 2, paragraph 3}). An unnumbered paragraph
 * after a list item that ends with ";" or "," or starts in lower case continues that item.
 *
 * <p><b>Amendments.</b> When a paragraph ending with ":" says that text is inserted or restated (kk
 * «мазмұндағы», «редакцияда», «толықтырылсын»; ru «следующего содержания», «в следующей редакции»; en
 * "to read as follows", "inserting", "adding") and the next paragraph opens a quotation ("…", «…», “…”),
 * the quoted text up to its balanced closing quote is segmented on its own and cited after the amending
 * provision: {@code Article 1, point 1, sub-point 1) → new Article 237-1, point 1} («→ amended» for
 * restatements). Offsets exclude the quotation marks.
 *
 * <p>Editorial notes of kz-laws files («ЕСКЕРТУ.», «Сноска.») and the President's signature line are not
 * provisions. Stateless and thread-safe.
 */
public final class ProvisionSegmenter {

    /**
     * A colon or a dash ending a line ends a lead-in: «Уполномоченный орган вправе:», "The Secretary may—".
     * The scanner reads a provision holding both lead-in and item the same way.
     */
    public static boolean isLeadInMark(char c) {
        return c == ':' || c == '—' || c == '–';
    }

    private static final Pattern KK_ARTICLE = Pattern.compile("(?U)^(\\d{1,4}(?:[-.]\\d+)*)\\s*-?\\s*бап(?:\\.|$)");
    private static final Pattern RU_ARTICLE = Pattern.compile("(?U)^Статья\\s+(\\d{1,4}(?:[-.]\\d+)*)(?:\\.|$)");
    private static final Pattern EN_SECTION = Pattern.compile(
            "^(?:SECTION|Section|SEC\\.|Sec\\.|§)\\s*(\\d+[A-Za-z]?(?:[-.–]\\d+[A-Za-z]?)*)(?:\\.(?=\\s|$)|$)");
    private static final Pattern CONTAINER = Pattern.compile(
            "(?U)^(?:\\d{1,3}\\s*-?\\s*(?:тарау|бөлім|бөлiм)\\b|(?:Глава|ГЛАВА|Раздел|РАЗДЕЛ|Подраздел|ПОДРАЗДЕЛ|Параграф|ТАРАУ|БӨЛІМ)\\s"
                    + "|(?:TITLE|Title|CHAPTER|Chapter|SUBTITLE|Subtitle|SUBCHAPTER|Subchapter|PART|Part)\\s+[IVXLCDM\\d]+[A-Z]?\\b)");
    private static final Pattern RU_PARAGRAPH_SIGN = Pattern.compile("^§\\s*\\d");
    private static final Pattern EN_DIVISION = Pattern.compile("^(?:DIVISION|Division)\\s+([A-Z]{1,3}|\\d+)\\b");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3}(?:[.-]\\d+)*)\\.(?=\\s|$)");
    private static final Pattern ITEM = Pattern.compile(
            "(?U)^(\\d{1,3}(?:[-.]\\d+)*|[а-яёәғқңөұүһіa-z](?:-\\d+)?)\\)(?=\\s|$)");
    private static final Pattern EN_ITEM = Pattern.compile("^\\(([0-9]{1,3}|[a-z]{1,4}|[A-Z]{1,4})\\)");
    private static final Pattern NOTE = Pattern.compile("(?U)^(?:ЕСКЕРТУ|Ескерту|Сноска|СНОСКА)\\b");
    private static final Pattern RU_PART_REF = Pattern.compile(
            "(?iU)\\bчаст(?:ь|и|ью|ей|ям|ях|ями)\\s+\\d+(?:\\.\\d+)?\\s+(?:настоящей\\s+)?стать");
    private static final Pattern RU_POINT_REF = Pattern.compile(
            "(?iU)\\bпункт(?:а|у|ом|е|ы|ов|ами|ах)?\\s+\\d+(?:\\.\\d+)?\\s+(?:настоящей\\s+)?стать");

    private ProvisionSegmenter() {
    }

    /** Segments the whole text. */
    public static List<Provision> segment(String text, Language language) {
        return segment(text, 0, text.length(), language);
    }

    /** Segments {@code text[from, to)}; offsets stay those of {@code text}. */
    public static List<Provision> segment(String text, int from, int to, Language language) {
        boolean partMode = language == Language.RU && isPartMode(text.substring(from, to));
        List<Raw> raws = new Builder(text, language, partMode).run(from, to);
        List<Provision> out = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            out.add(new Provision(out.size(), CitationLevel.format(r.path), r.path, r.start, r.end,
                    r.leadInStart, r.leadInEnd, CitationLevel.format(r.scope)));
        }
        return out;
    }

    /** Russian codes that call their numbered paragraphs «части» cite them as «частью 2 настоящей статьи». */
    static boolean isPartMode(String text) {
        int parts = count(RU_PART_REF, text);
        int points = count(RU_POINT_REF, text);
        return parts > points;
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A provision before formatting. */
    record Raw(List<CitationLevel> path, int start, int end, int leadInStart, int leadInEnd,
               List<CitationLevel> scope) {
    }

    /** A trimmed paragraph: [start, end) in the text; {@code bodyStart} after Markdown '#' marks. */
    record Para(int start, int end, int bodyStart, boolean heading) {
    }

    /** A quoted block of inserted text inside an amending provision. */
    record Quote(int start, int end, String label) {
    }

    enum LineType { ARTICLE, CONTAINER, DIVISION, NUMBERED, ITEM, NOTE, PLAIN, SKIP }

    record Line(LineType type, String number, boolean hasText) {
    }

    /** A unit in the tree built from the paragraphs. */
    static final class Node {
        final Kind kind;
        final String number;
        final boolean implicit;
        final Node parent;
        final List<Object> entries = new ArrayList<>();

        Node(Kind kind, String number, boolean implicit, Node parent) {
            this.kind = kind;
            this.number = number;
            this.implicit = implicit;
            this.parent = parent;
            if (parent != null) {
                parent.entries.add(this);
            }
        }

        /** Entries that are units (nodes), counted once: emission asks it of every child (200,000 articles). */
        private int unitCount = -1;

        int unitCount() {
            if (unitCount < 0) {
                int n = 0;
                for (Object e : entries) {
                    if (e instanceof Node) {
                        n++;
                    }
                }
                unitCount = n;
            }
            return unitCount;
        }

        int paraCount() {
            int n = 0;
            for (Object e : entries) {
                if (e instanceof Para) {
                    n++;
                }
            }
            return n;
        }

        Para lastPara() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i) instanceof Para) {
                    return (Para) entries.get(i);
                }
            }
            return null;
        }
    }

    /** Builds the unit tree of one text range and emits its provisions. Single use. */
    private static final class Builder {
        private final String text;
        private final Language language;
        private final boolean partMode;
        private final QuotedInsertions quotes;

        private final Node root = new Node(null, null, false, null);
        private Node sectionParent = root;
        private Node article;
        private Node unit;
        private Node item;
        private Node subItem;
        private Node part;
        private int partCount;
        private Node rootOwner;
        private int rootParagraphs;
        private Node listOwner;
        private boolean unnumberedList;
        private final Deque<Node> usStack = new ArrayDeque<>();
        private Para lastPara;
        private Node lastParaOwner;

        Builder(String text, Language language, boolean partMode) {
            this.text = text;
            this.quotes = new QuotedInsertions(text);
            this.language = language;
            this.partMode = partMode;
        }

        List<Raw> run(int from, int to) {
            List<Para> paras = paragraphs(from, to);
            for (int k = 0; k < paras.size(); k++) {
                Para p = paras.get(k);
                if (lastPara != null && quotes.isAmendingLeadIn(lastPara) && quotes.opensQuote(p)) {
                    int endK = quotes.quoteEnd(paras, k);
                    if (endK >= 0) {
                        lastParaOwner.entries.add(quotes.quote(paras.get(k), paras.get(endK), lastPara));
                        k = endK;
                        lastPara = null;
                        continue;
                    }
                }
                Para next = k + 1 < paras.size() ? paras.get(k + 1) : null;
                accept(p, classify(p), next);
            }
            List<Raw> out = new ArrayList<>();
            emit(root, List.of(), null, null, out);
            return out;
        }

        private List<Para> paragraphs(int from, int to) {
            List<Para> list = new ArrayList<>();
            int i = from;
            while (i < to) {
                int nl = text.indexOf('\n', i);
                if (nl < 0 || nl > to) {
                    nl = to;
                }
                int s = i;
                int e = nl;
                while (s < e && isSpace(text.charAt(s))) {
                    s++;
                }
                while (e > s && isSpace(text.charAt(e - 1))) {
                    e--;
                }
                if (s < e) {
                    int body = s;
                    boolean heading = false;
                    if (text.charAt(s) == '#') {
                        heading = true;
                        while (body < e && text.charAt(body) == '#') {
                            body++;
                        }
                        while (body < e && isSpace(text.charAt(body))) {
                            body++;
                        }
                    }
                    if (body < e) {
                        list.add(new Para(s, e, body, heading));
                    }
                }
                i = nl + 1;
            }
            return list;
        }

        private Line classify(Para p) {
            String s = text.substring(p.bodyStart, p.end);
            Matcher m;
            if (NOTE.matcher(s).find()) {
                return new Line(LineType.NOTE, null, false);
            }
            if (isSignature(s)) {
                return new Line(LineType.SKIP, null, false);
            }
            if (language == Language.EN && (m = EN_DIVISION.matcher(s)).find()) {
                return new Line(LineType.DIVISION, m.group(1), false);
            }
            if (language != Language.EN && RU_PARAGRAPH_SIGN.matcher(s).find()) {
                return new Line(LineType.CONTAINER, null, false);
            }
            if ((m = KK_ARTICLE.matcher(s)).find() || (m = RU_ARTICLE.matcher(s)).find()
                    || (m = EN_SECTION.matcher(s)).find()) {
                String rest = s.substring(m.end()).trim();
                return new Line(LineType.ARTICLE, m.group(1), !p.heading && isTextNotTitle(rest));
            }
            if (CONTAINER.matcher(s).find() || p.heading) {
                return new Line(LineType.CONTAINER, null, false);
            }
            if ((m = NUMBERED.matcher(s)).find()) {
                return new Line(LineType.NUMBERED, m.group(1), true);
            }
            if (language == Language.EN) {
                if ((m = EN_ITEM.matcher(s)).find()) {
                    return new Line(LineType.ITEM, m.group(1), true);
                }
            } else if ((m = ITEM.matcher(s)).find()) {
                return new Line(LineType.ITEM, m.group(1), true);
            }
            return new Line(LineType.PLAIN, null, true);
        }

        private void accept(Para p, Line line, Para next) {
            switch (line.type) {
                case NOTE:
                case SKIP:
                    return;
                case DIVISION:
                    closeArticle();
                    sectionParent = new Node(Kind.DIVISION, line.number, false, root);
                    return;
                case CONTAINER:
                    closeArticle();
                    return;
                case ARTICLE:
                    closeArticle();
                    article = new Node(language == Language.EN ? Kind.SECTION : Kind.ARTICLE, line.number, false,
                            sectionParent);
                    usStack.push(article);
                    if (line.hasText) {
                        add(article, p, next);
                    }
                    return;
                case NUMBERED:
                    unit = new Node(partMode ? Kind.PART : Kind.POINT, line.number, false,
                            article != null ? article : sectionParent);
                    item = null;
                    subItem = null;
                    part = null;
                    unnumberedList = false;
                    add(unit, p, next);
                    return;
                case ITEM:
                    if (language == Language.EN) {
                        usItem(p, line.number, next);
                    } else {
                        listItem(p, line.number, next);
                    }
                    return;
                default:
                    plain(p, next);
            }
        }

        private void closeArticle() {
            article = null;
            unit = null;
            item = null;
            subItem = null;
            part = null;
            partCount = 0;
            rootOwner = null;
            unnumberedList = false;
            usStack.clear();
        }

        private void listItem(Para p, String number, Para next) {
            boolean letter = Character.isLetter(number.charAt(0));
            Node owner;
            if (letter && item != null && !Character.isLetter(item.number.charAt(0))) {
                owner = item;
            } else {
                subItem = null;
                if (unit != null) {
                    owner = unit;
                } else if (article != null) {
                    owner = currentPart();
                } else {
                    owner = rootOwner != null ? rootOwner : root;
                }
            }
            Kind kind = partMode && owner.kind == Kind.PART ? Kind.POINT : Kind.SUBPOINT;
            Node n = new Node(kind, number, false, owner);
            if (owner == item) {
                subItem = n;
            } else {
                item = n;
            }
            unnumberedList = false;
            add(n, p, next);
        }

        private void usItem(Para p, String marker, Para next) {
            Kind kind = usKind(marker);
            while (!usStack.isEmpty() && usStack.peek().kind != null && usStack.peek().kind.isUsSubdivision()
                    && usStack.peek().kind.ordinal() >= kind.ordinal()) {
                usStack.pop();
            }
            Node owner = usStack.isEmpty() ? (article != null ? article : leadInOwner()) : usStack.peek();
            Node n = new Node(kind, marker, false, owner);
            usStack.push(n);
            item = n;
            add(n, p, next);
        }

        /**
         * Where a US item goes outside any section: under the unnumbered paragraph just before it when that
         * paragraph is its lead-in ("The Secretary may—", a provision read alone), so the item keeps it;
         * else at the root.
         */
        private Node leadInOwner() {
            if (rootOwner != null && rootOwner.parent == root && rootOwner.lastPara() != null
                    && isLeadInText(rootOwner.lastPara())) {
                return rootOwner;
            }
            return root;
        }

        private Kind usKind(String m) {
            boolean inSubparagraph = false;
            boolean inClause = false;
            for (Node n : usStack) {
                inSubparagraph |= n.kind == Kind.SUBPARAGRAPH;
                inClause |= n.kind == Kind.CLAUSE || n.kind == Kind.SUBCLAUSE;
            }
            char c = m.charAt(0);
            if (Character.isDigit(c)) {
                return Kind.US_PARAGRAPH;
            }
            boolean doubled = m.length() == 2 && m.charAt(0) == m.charAt(1);
            if (Character.isLowerCase(c)) {
                if (doubled && !isRoman(m)) {
                    return Kind.ITEM;
                }
                return isRoman(m) && (inSubparagraph || inClause) ? Kind.CLAUSE : Kind.SUBSECTION;
            }
            if (doubled && !isRoman(m)) {
                return Kind.SUBITEM;
            }
            return isRoman(m) && inClause ? Kind.SUBCLAUSE : Kind.SUBPARAGRAPH;
        }

        private void plain(Para p, Para next) {
            Node cur = subItem != null ? subItem : item;
            if (language == Language.EN) {
                Node owner = !usStack.isEmpty() ? usStack.peek() : article;
                if (owner == null) {
                    owner = new Node(Kind.PARAGRAPH, String.valueOf(++rootParagraphs), true, root);
                    rootOwner = owner;
                }
                add(owner, p, next);
                return;
            }
            if (unnumberedList && listOwner != null) {
                Node n = new Node(Kind.PARAGRAPH, String.valueOf(listOwner.paraCount() + countParagraphChildren(listOwner) + 1),
                        false, listOwner);
                item = n;
                subItem = null;
                lastPara = p;
                lastParaOwner = n;
                n.entries.add(p);
                unnumberedList = !endsWith(p, '.', '!', ':');
                return;
            }
            if (cur != null && cur.lastPara() != null
                    && (endsWith(cur.lastPara(), ';', ',') || Character.isLowerCase(text.charAt(p.bodyStart)))) {
                add(cur, p, next);
                return;
            }
            item = null;
            subItem = null;
            if (unit != null) {
                add(unit, p, next);
            } else if (article != null) {
                part = new Node(Kind.PART, String.valueOf(++partCount), true, article);
                add(part, p, next);
            } else {
                rootOwner = new Node(Kind.PARAGRAPH, String.valueOf(++rootParagraphs), true, sectionParent);
                add(rootOwner, p, next);
            }
        }

        private Node currentPart() {
            if (part == null) {
                part = new Node(Kind.PART, String.valueOf(++partCount), true, article);
            }
            return part;
        }

        private static int countParagraphChildren(Node n) {
            int c = 0;
            for (Object e : n.entries) {
                if (e instanceof Node && ((Node) e).kind == Kind.PARAGRAPH) {
                    c++;
                }
            }
            return c;
        }

        /** Adds a paragraph to a unit; a lead-in followed by plain paragraphs opens an unnumbered list. */
        private void add(Node owner, Para p, Para next) {
            owner.entries.add(p);
            lastPara = p;
            lastParaOwner = owner;
            if (language != Language.EN && next != null && endsWith(p, ':') && !(quotes.isAmendingLeadIn(p) && quotes.opensQuote(next))) {
                LineType t = classify(next).type;
                if (t == LineType.PLAIN && text.charAt(next.end - 1) != ':') {
                    unnumberedList = true;
                    listOwner = owner;
                }
            }
        }


        // ---- emission ----

        private void emit(Node node, List<CitationLevel> path, List<CitationLevel> scope, int[] leadIn,
                          List<Raw> out) {
            List<CitationLevel> own = node.kind == null || hiddenForOwn(node) ? path : append(path, node);
            List<CitationLevel> forChildren = node.kind == null || hiddenForChildren(node) ? path : append(path, node);
            if (node.kind == Kind.ARTICLE || node.kind == Kind.SECTION) {
                scope = own;
            } else if (scope == null && node.kind != null && node.kind != Kind.DIVISION
                    && !(node.kind == Kind.PARAGRAPH && node.implicit)) {
                scope = own.isEmpty() ? forChildren : own;
            }
            List<Object> entries = splitLeadIns(node.entries);
            boolean[] isLeadIn = new boolean[entries.size()];
            int runs = 0;
            boolean inRun = false;
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                if (e instanceof Para) {
                    Para p = (Para) e;
                    boolean followedByChild = i + 1 < entries.size() && entries.get(i + 1) instanceof Node
                            && isListItem((Node) entries.get(i + 1));
                    if (followedByChild && isLeadInText(p)) {
                        isLeadIn[i] = true;
                        inRun = false;
                    } else if (!inRun) {
                        runs++;
                        inRun = true;
                    }
                } else {
                    inRun = false;
                }
            }
            int paraIndex = 0;
            int runStart = -1;
            int runEnd = -1;
            int runFirstIndex = 0;
            int[] currentLeadIn = null;
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                if (e instanceof Para) {
                    Para p = (Para) e;
                    paraIndex++;
                    if (isLeadIn[i]) {
                        flush(own, runs, runStart, runEnd, runFirstIndex, leadIn, scope, out);
                        runStart = -1;
                        currentLeadIn = new int[] {p.bodyStart, p.end};
                        continue;
                    }
                    if (runStart < 0) {
                        runStart = p.bodyStart;
                        runFirstIndex = paraIndex;
                    }
                    runEnd = p.end;
                } else {
                    flush(own, runs, runStart, runEnd, runFirstIndex, leadIn, scope, out);
                    runStart = -1;
                    if (e instanceof Node) {
                        Node child = (Node) e;
                        emit(child, forChildren, scope, isListItem(child) ? currentLeadIn : null, out);
                    } else {
                        emitQuote((Quote) e, own.isEmpty() ? forChildren : own, scope, out);
                    }
                }
            }
            flush(own, runs, runStart, runEnd, runFirstIndex, leadIn, scope, out);
        }

        private void flush(List<CitationLevel> own, int runs, int start, int end, int firstIndex, int[] leadIn,
                           List<CitationLevel> scope, List<Raw> out) {
            if (start < 0) {
                return;
            }
            List<CitationLevel> path = runs <= 1 ? own
                    : append(own, CitationLevel.of(Kind.PARAGRAPH, String.valueOf(firstIndex)));
            if (path.isEmpty()) {
                path = List.of(CitationLevel.of(Kind.PARAGRAPH, "1"));
            }
            out.add(new Raw(path, start, end, leadIn == null ? -1 : leadIn[0], leadIn == null ? -1 : leadIn[1],
                    scope == null ? path : scope));
        }

        private void emitQuote(Quote q, List<CitationLevel> own, List<CitationLevel> scope, List<Raw> out) {
            List<CitationLevel> prefix = append(own, CitationLevel.of(Kind.AMENDMENT, q.label));
            List<Raw> inner = new Builder(text, language, partMode).run(q.start, q.end);
            if (inner.isEmpty()) {
                return;
            }
            boolean single = inner.size() == 1 && inner.get(0).path.size() == 1
                    && inner.get(0).path.get(0).kind() == Kind.PARAGRAPH;
            for (Raw r : inner) {
                List<CitationLevel> path = new ArrayList<>(prefix);
                if (!single) {
                    path.addAll(r.path);
                }
                List<CitationLevel> innerScope = new ArrayList<>(prefix);
                boolean innerArticle = false;
                for (CitationLevel l : r.path) {
                    innerScope.add(l);
                    if (l.kind() == Kind.ARTICLE || l.kind() == Kind.SECTION) {
                        innerArticle = true;
                        break;
                    }
                }
                out.add(new Raw(List.copyOf(path), r.start, r.end, r.leadInStart, r.leadInEnd,
                        innerArticle ? List.copyOf(innerScope) : (scope == null ? own : scope)));
            }
        }

        /**
         * A lead-in paragraph with sentences before its last one ("5. В срок не более двадцати дней … .
         * Уполномоченный орган:") keeps those sentences as the unit's own text: only the last sentence is
         * the lead-in.
         */
        private List<Object> splitLeadIns(List<Object> entries) {
            List<Object> out = new ArrayList<>(entries.size() + 1);
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                if (e instanceof Para && i + 1 < entries.size() && entries.get(i + 1) instanceof Node
                        && isListItem((Node) entries.get(i + 1)) && isLeadInText((Para) e)) {
                    Para p = (Para) e;
                    int split = lastSentenceStart(p);
                    if (split > p.bodyStart) {
                        int ownEnd = split;
                        while (ownEnd > p.bodyStart && isSpace(text.charAt(ownEnd - 1))) {
                            ownEnd--;
                        }
                        out.add(new Para(p.start, ownEnd, p.bodyStart, p.heading));
                        out.add(new Para(split, p.end, split, false));
                        continue;
                    }
                }
                out.add(e);
            }
            return out;
        }

        private int lastSentenceStart(Para p) {
            for (int i = p.end - 2; i > p.bodyStart + 2; i--) {
                if (Character.isUpperCase(text.charAt(i)) && text.charAt(i - 1) == ' ' && text.charAt(i - 2) == '.'
                        && !Character.isDigit(text.charAt(i - 3)) && Character.isLowerCase(text.charAt(i - 3))) {
                    return i;
                }
            }
            return -1;
        }

        /** List items take their parent's lead-in; numbered points and parts stand on their own. */
        private static boolean isListItem(Node n) {
            return n.kind == Kind.SUBPOINT || (n.kind == Kind.PARAGRAPH && !n.implicit) || n.kind.isUsSubdivision()
                    || (n.kind == Kind.POINT && n.parent != null && n.parent.kind == Kind.PART);
        }

        private boolean hiddenForOwn(Node n) {
            if (n.kind == Kind.PART && n.implicit && n.parent != null && n.parent.kind == Kind.ARTICLE) {
                return n.parent.unitCount() == 1;
            }
            return false;
        }

        private boolean hiddenForChildren(Node n) {
            return hiddenForOwn(n) || (n.kind == Kind.PARAGRAPH && n.implicit);
        }

        private boolean isLeadInText(Para p) {
            char c = text.charAt(p.end - 1);
            return isLeadInMark(c) || (c == '-' && p.end - 2 >= 0 && text.charAt(p.end - 2) == ' ')
                    || (language == Language.EN && text.substring(p.bodyStart, p.end).endsWith("that"));
        }

        // ---- helpers ----

        private boolean endsWith(Para p, char... chars) {
            return ProvisionSegmenter.endsWith(text, p, chars);
        }

        private boolean isSignature(String s) {
            if (!s.contains("Президент") && !s.contains("President")) {
                return false;
            }
            char last = s.charAt(s.length() - 1);
            return s.split("\\s+").length <= 6 && last != '.' && last != ':' && last != ';';
        }

        private static boolean isTextNotTitle(String rest) {
            if (rest.isEmpty()) {
                return false;
            }
            char last = rest.charAt(rest.length() - 1);
            if (last != '.' && last != ':' && last != ';') {
                return false;
            }
            if (rest.equals(rest.toUpperCase())) {
                return false;
            }
            return rest.split("\\s+").length >= 4;
        }

        private static List<CitationLevel> append(List<CitationLevel> path, Node n) {
            return append(path, CitationLevel.of(n.kind, n.number));
        }

        private static List<CitationLevel> append(List<CitationLevel> path, CitationLevel level) {
            List<CitationLevel> l = new ArrayList<>(path.size() + 1);
            l.addAll(path);
            l.add(level);
            return List.copyOf(l);
        }
    }

    /** Whether paragraph {@code p} of {@code text} ends with one of {@code chars}. */
    static boolean endsWith(String text, Para p, char... chars) {
        char last = text.charAt(p.end() - 1);
        for (char c : chars) {
            if (last == c) {
                return true;
            }
        }
        return false;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    static boolean isRoman(String s) {
        return s.matches("(?i)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})") && !s.isEmpty();
    }
}

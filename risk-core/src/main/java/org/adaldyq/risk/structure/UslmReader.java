package org.adaldyq.risk.structure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.extract.DocumentReadException.Reason;
import org.adaldyq.risk.structure.CitationLevel.Kind;

/**
 * Reads United States Legislative Markup (USLM) — bills, resolutions, public laws, statute compilations
 * and Federal Register issues from the US GPO — straight into text and provisions, without Tika.
 *
 * <p>Each hierarchical level ({@code section}, {@code subsection}, {@code paragraph}, {@code subparagraph},
 * {@code clause}, {@code subclause}, {@code item}, {@code subitem}) starts a line with its {@code <num>};
 * its {@code <content>} is a provision cited {@code Section 3(a)(1)} (with {@code Division H, } in front when
 * the act has divisions); its {@code <chapeau>} is the lead-in of its sub-levels; a {@code <continuation>}
 * after the sub-levels is a provision of the level itself. Levels inside {@code <quotedContent>} (text an
 * amendment inserts) are cited after the amending level: {@code Section 3(3) → new (12)}. Metadata,
 * tables of contents, side notes and page numbers are left out of the text.
 *
 * <p>The parser resolves no DTD and no external entity (no network, no XXE, no entity expansion bomb): a
 * document that needs either is rejected as {@link Reason#CORRUPT}. Thread-safe.
 */
public final class UslmReader {

    /** The USLM namespace, which identifies a USLM document. */
    public static final String NAMESPACE = "http://schemas.gpo.gov/xml/uslm";
    /** The media type reported for USLM documents. */
    public static final String MEDIA_TYPE = "application/uslm+xml";

    private static final java.util.Set<String> SKIPPED = java.util.Set.of(
            "meta", "toc", "sidenote", "page", "footnote", "notes", "endMarker", "legislativeHistory",
            "amendMeta", "endorsement", "layout", "img", "coverTitle", "tocItem");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of(
            "longTitle", "officialTitle", "docTitle", "enactingFormula", "resolvingClause", "heading", "p",
            "preface", "title", "subtitle", "chapter", "subchapter", "part", "subpart", "division", "subdivision",
            "appropriations", "signature", "signatures", "action", "preamble", "recital", "note", "quotedContent",
            "level", "block", "list", "listItem", "subheading", "frDoc", "rule", "notice", "proposedRule",
            "regulationText", "statement", "actionDescription", "docNumber", "congress", "session", "type",
            "currentChamber", "slugLine", "dc:type");

    /** Text and provisions read from a USLM document. */
    public record Result(String text, List<Provision> provisions, Map<String, String> metadata) {
    }

    private UslmReader() {
    }

    /** True when the head of the input (the first few KB) declares the USLM namespace. */
    public static boolean isUslm(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains(NAMESPACE);
    }

    /**
     * Reads a USLM document; {@link Reason#CORRUPT} when it is not well-formed XML, {@link Reason#TOO_LARGE} over
     * {@code maxChars} characters of text.
     */
    public static Result read(byte[] bytes, String source, long maxChars) throws DocumentReadException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            return new Walker(source, maxChars).walk(r);
        } catch (XMLStreamException | RuntimeException | StackOverflowError e) {
            throw new DocumentReadException(source, Reason.CORRUPT, "malformed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static Kind levelKind(String name) {
        switch (name) {
            case "section": return Kind.SECTION;
            case "subsection": return Kind.SUBSECTION;
            case "paragraph": return Kind.US_PARAGRAPH;
            case "subparagraph": return Kind.SUBPARAGRAPH;
            case "clause": return Kind.CLAUSE;
            case "subclause": return Kind.SUBCLAUSE;
            case "item": return Kind.ITEM;
            case "subitem": return Kind.SUBITEM;
            default: return null;
        }
    }

    /** One open level, division or quotation. */
    private static final class Frame {
        final Kind kind;
        final String element;
        List<CitationLevel> path;
        List<CitationLevel> scope;
        String number;
        int lineStart;
        boolean hasHeading;
        int leadInStart = -1;
        int leadInEnd = -1;
        boolean emittedOwn;

        Frame(Kind kind, String element, List<CitationLevel> path, List<CitationLevel> scope) {
            this.kind = kind;
            this.element = element;
            this.path = path;
            this.scope = scope;
        }
    }

    private static final class Walker {
        private final String source;
        private final long maxChars;
        private final StringBuilder out = new StringBuilder(1 << 16);
        private final List<Provision> provisions = new ArrayList<>();
        private final Map<String, String> metadata = new TreeMap<>();
        private final Deque<Frame> frames = new ArrayDeque<>();
        private final Deque<String> elements = new ArrayDeque<>();
        private int skipDepth;
        private boolean pendingSpace;
        private boolean inNum;
        private StringBuilder numText;
        /** Open content/chapeau/continuation: its element name, owning frame and start offset. */
        private String spanElement;
        private Frame spanFrame;
        private int spanStart = -1;
        private String metaField;

        Walker(String source, long maxChars) {
            this.source = source;
            this.maxChars = maxChars;
        }

        Result walk(XMLStreamReader r) throws XMLStreamException, DocumentReadException {
            frames.push(new Frame(null, "root", List.of(), null));
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT:
                        start(r);
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        end(r.getLocalName());
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        characters(r.getText());
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XMLStreamException("entity references are not expanded: " + r.getLocalName());
                    default:
                        break;
                }
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
                out.setLength(out.length() - 1);
            }
            String text = out.toString();
            List<Provision> list = new ArrayList<>(provisions.size());
            for (Provision p : provisions) {
                if (p.end() <= text.length()) {
                    list.add(p.withIndex(list.size()));
                }
            }
            return new Result(text, list, metadata);
        }

        private void start(XMLStreamReader r) {
            String name = r.getLocalName();
            elements.push(name);
            if (skipDepth > 0 || SKIPPED.contains(name)) {
                skipDepth++;
                if ("meta".equals(name) || "amendMeta".equals(name)) {
                    metaField = "meta";
                }
                return;
            }
            Kind kind = levelKind(name);
            Frame parent = frames.peek();
            if (kind != null || "division".equals(name) || "quotedContent".equals(name)) {
                closeOpenSpan();
                newLine();
                List<CitationLevel> base = parent.path;
                Frame f;
                if ("quotedContent".equals(name)) {
                    List<CitationLevel> p = append(base, CitationLevel.of(Kind.AMENDMENT, "new"));
                    f = new Frame(null, name, p, parent.scope != null ? parent.scope : base);
                } else if ("division".equals(name)) {
                    f = new Frame(Kind.DIVISION, name, base, parent.scope);
                } else {
                    f = new Frame(kind, name, base, parent.scope);
                }
                f.lineStart = out.length();
                frames.push(f);
                return;
            }
            switch (name) {
                case "num":
                    inNum = true;
                    numText = new StringBuilder();
                    String value = r.getAttributeValue(null, "value");
                    if (value != null && !value.isBlank() && !frames.isEmpty() && frames.peek().number == null) {
                        frames.peek().number = value.trim();
                    }
                    break;
                case "heading":
                    if (frames.peek().kind != null && out.length() > frames.peek().lineStart) {
                        frames.peek().hasHeading = true; // inline after the number
                    } else {
                        newLine();
                    }
                    break;
                case "chapeau":
                case "content":
                case "continuation":
                case "text":
                    if (spanElement != null) {
                        break; // nested content inside content
                    }
                    Frame f = frames.peek();
                    boolean levelLine = f.kind != null && f.kind != Kind.DIVISION && !f.emittedOwn
                            && out.lastIndexOf("\n") < f.lineStart && !"continuation".equals(name)
                            && !(f.kind == Kind.SECTION && f.hasHeading);
                    if (!levelLine) {
                        newLine();
                    }
                    spanElement = name;
                    spanFrame = f;
                    spanStart = levelLine ? f.lineStart : out.length();
                    break;
                default:
                    if (BLOCKS.contains(name)) {
                        if (!"p".equals(name) || spanElement == null) {
                            newLine();
                        } else {
                            pendingSpace = true;
                        }
                    }
            }
        }

        private void end(String name) {
            elements.poll();
            if (skipDepth > 0) {
                skipDepth--;
                if (skipDepth == 0) {
                    metaField = null;
                }
                return;
            }
            if (levelKind(name) != null || "division".equals(name) || "quotedContent".equals(name)) {
                closeOpenSpan();
                frames.pop();
                newLine();
                return;
            }
            switch (name) {
                case "num":
                    inNum = false;
                    Frame f = frames.peek();
                    if (f.number == null) {
                        f.number = cleanNumber(numText.toString());
                    }
                    if (f.kind != null && f.path != null) {
                        fixPath(f);
                    }
                    pendingSpace = true;
                    break;
                case "heading":
                    Frame h = frames.peek();
                    if (h.kind == null || h.kind == Kind.SECTION || h.kind == Kind.DIVISION || !h.hasHeading) {
                        newLine();
                    } // inline headings end with ".—" and run into the text, as printed
                    break;
                case "chapeau":
                case "content":
                case "continuation":
                case "text":
                    if (name.equals(spanElement)) {
                        closeOpenSpan();
                    }
                    break;
                default:
                    if (BLOCKS.contains(name) && !("p".equals(name) && spanElement != null)) {
                        newLine();
                    }
            }
        }

        /** Puts the frame's own level at the end of its path once its number is known. */
        private void fixPath(Frame f) {
            Frame parent = null;
            boolean seen = false;
            for (Frame x : frames) {
                if (seen) {
                    parent = x;
                    break;
                }
                seen = x == f;
            }
            List<CitationLevel> base = parent == null ? List.of() : parent.path;
            f.path = append(base, CitationLevel.of(f.kind, f.number));
            if (f.kind == Kind.SECTION) {
                f.scope = f.path;
            }
        }

        private void closeOpenSpan() {
            if (spanElement == null) {
                return;
            }
            Frame f = spanFrame;
            int end = out.length();
            while (end > spanStart && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            if (end > spanStart && f.kind != null && f.kind != Kind.DIVISION) {
                if ("chapeau".equals(spanElement)) {
                    f.leadInStart = spanStart;
                    f.leadInEnd = end;
                } else if (!f.emittedOwn || "continuation".equals(spanElement)) {
                    Frame parent = parentOf(f);
                    int lis = parent != null && parent.leadInStart >= 0 ? parent.leadInStart : -1;
                    int lie = lis >= 0 ? parent.leadInEnd : -1;
                    List<CitationLevel> scope = f.scope != null ? f.scope : f.path;
                    provisions.add(new Provision(0, CitationLevel.format(f.path), f.path, spanStart, end, lis, lie,
                            CitationLevel.format(scope)));
                    f.emittedOwn = true;
                }
            }
            spanElement = null;
            spanFrame = null;
            spanStart = -1;
        }

        private Frame parentOf(Frame f) {
            boolean seen = false;
            for (Frame x : frames) {
                if (seen) {
                    return x;
                }
                seen = x == f;
            }
            return null;
        }

        private void characters(String s) throws DocumentReadException {
            if (skipDepth > 0) {
                if ("meta".equals(metaField) && "title".equals(elements.peek()) && !s.isBlank()) {
                    metadata.putIfAbsent("title", s.trim());
                }
                return;
            }
            if (inNum) {
                numText.append(s);
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u00AD' || c == '\u200B' || c == '\uFEFF') {
                    continue;
                }
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
            if (out.length() > maxChars) {
                throw new DocumentReadException(source, Reason.TOO_LARGE, "more than " + maxChars + " characters of text");
            }
        }

        private void newLine() {
            pendingSpace = false;
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private static String cleanNumber(String num) {
            String s = num.replace('“', ' ').replace('”', ' ').replace('"', ' ').trim();
            s = s.replaceFirst("^(?i)(SECTION|SEC\\.|Sec\\.|§+|DIVISION|TITLE)\\s*", "");
            s = s.replace("(", "").replace(")", "").trim();
            while (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
            return s.trim();
        }

        private static List<CitationLevel> append(List<CitationLevel> path, CitationLevel level) {
            List<CitationLevel> l = new ArrayList<>(path);
            l.add(level);
            return List.copyOf(l);
        }
    }
}

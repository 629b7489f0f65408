package org.adaldyq.risk.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML SAX events of Tika (or of an HTML page) into plain text with one paragraph per line.
 *
 * <p>Block elements end a line; an empty block ({@code <p>&nbsp;</p>}) leaves one empty line, never more.
 * Whitespace inside a paragraph collapses to one space. Things that are not the text of the act are
 * dropped: {@code head}, scripts, styles, hidden elements, and the editorial notes of pravo.gov.ru pages
 * ({@code span.mark}: «(В редакции Федерального закона …)»), and in an office document or a PDF the reviewers'
 * comments Tika gives as {@code class="annotation"} (an ODF annotation, a PDF note). A superscript number right after a digit is
 * written with a dot, as Russian legal citations do ({@code 39<sup>6</sup>} → {@code 39.6}).
 */
final class ParagraphContentHandler extends DefaultHandler {

    /** Thrown when the extracted text would exceed the character limit. */
    static final class CharLimitException extends SAXException {
        private static final long serialVersionUID = 1L;

        CharLimitException(long limit) {
            super("more than " + limit + " characters of text");
        }
    }

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "blockquote", "pre", "br",
            "dd", "dt", "dl", "ul", "ol", "section", "article", "header", "footer", "body", "address", "hr",
            "caption", "figcaption", "center");
    private static final Set<String> SKIPPED = Set.of(
            "head", "style", "script", "title", "noscript", "template", "object", "embed", "select", "option");
    private static final Set<String> HIDDEN_CLASSES = Set.of("mark", "markx", "hd");

    private static final int SKIP = 1;
    private static final int SUP = 2;

    private final long maxChars;
    private final boolean newlineIsSpace;
    private final boolean dropAnnotations;
    private final StringBuilder out = new StringBuilder(4096);
    private final StringBuilder line = new StringBuilder(256);
    private final Deque<Integer> open = new ArrayDeque<>();
    private int skipDepth;
    private boolean pendingSpace;
    private boolean pendingSup;
    private boolean lastLineBlank = true;
    private int blockTextMark;

    /**
     * @param newlineIsSpace true where a newline in character data is only layout (HTML source, PDF lines
     *                       wrapped inside a paragraph), false where it is a real line break (DOCX, RTF)
     */
    ParagraphContentHandler(long maxChars, boolean newlineIsSpace) {
        this(maxChars, newlineIsSpace, false);
    }

    /**
     * @param dropAnnotations true for a document Tika parsed (office, PDF): its {@code class="annotation"} elements
     *                        are comments on the text, not the text
     */
    ParagraphContentHandler(long maxChars, boolean newlineIsSpace, boolean dropAnnotations) {
        this.maxChars = maxChars;
        this.newlineIsSpace = newlineIsSpace;
        this.dropAnnotations = dropAnnotations;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = elementName(localName, qName);
        int flags = 0;
        if (SKIPPED.contains(name) || isHidden(atts) || dropAnnotations && hasClass(atts, "annotation")) {
            flags |= SKIP;
            skipDepth++;
        }
        if ("sup".equals(name) || hasClass(atts, "w9")) {
            flags |= SUP;
            pendingSup = true;
        }
        open.push(flags);
        if (skipDepth == 0 && BLOCKS.contains(name)) {
            endLine(false);
            blockTextMark = out.length() + line.length();
        }
        if ("td".equals(name) || "th".equals(name)) {
            pendingSpace = true;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = elementName(localName, qName);
        Integer flags = open.isEmpty() ? 0 : open.pop();
        if ((flags & SKIP) != 0) {
            skipDepth--;
            return;
        }
        if ((flags & SUP) != 0) {
            pendingSup = false;
        }
        if (skipDepth == 0 && BLOCKS.contains(name)) {
            boolean empty = out.length() + line.length() == blockTextMark;
            endLine(empty && ("p".equals(name) || "br".equals(name)));
            blockTextMark = out.length();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (c == '\u00AD' || c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            if (c == '\n' && !newlineIsSpace) {
                endLine(false);
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSup) {
                if (Character.isDigit(c) && line.length() > 0 && Character.isDigit(line.charAt(line.length() - 1))
                        && !pendingSpace) {
                    line.append('.');
                }
                pendingSup = false;
            }
            if (pendingSpace && line.length() > 0) {
                line.append(' ');
            }
            pendingSpace = false;
            line.append(c);
        }
        if ((long) out.length() + line.length() > maxChars) {
            throw new CharLimitException(maxChars);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        pendingSpace = true;
    }

    private void endLine(boolean blank) {
        pendingSpace = false;
        if (line.length() > 0) {
            out.append(line).append('\n');
            line.setLength(0);
            lastLineBlank = false;
        } else if (blank && !lastLineBlank) {
            out.append('\n');
            lastLineBlank = true;
        }
    }

    /** The text: paragraphs separated by {@code \n}, at most one empty line in a row, no trailing newline. */
    String text() {
        endLine(false);
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    private static String elementName(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    private static boolean isHidden(Attributes atts) {
        if (atts == null) {
            return false;
        }
        String cls = atts.getValue("class");
        if (cls != null) {
            for (String c : cls.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (HIDDEN_CLASSES.contains(c)) {
                    return true;
                }
            }
        }
        String style = atts.getValue("style");
        return style != null && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    private static boolean hasClass(Attributes atts, String wanted) {
        String cls = atts == null ? null : atts.getValue("class");
        if (cls == null) {
            return false;
        }
        for (String c : cls.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (c.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}

package org.adaldyq.risk.index;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.adaldyq.risk.report.writer.CsvCell;
import org.adaldyq.risk.structure.CitationText;

/**
 * Search hits as CSV (RFC 4180: comma-separated, a field with a comma, quote or line break quoted, quotes doubled,
 * lines ended by CRLF), for a spreadsheet: {@code search --format csv} and {@code serve}'s {@code /api/search?format=csv}.
 * One header line, then one line per hit: {@code act, title, language, citation, cited, lead_in, score, severity,
 * factors, expert, references, passage} (factors and references separated by {@code ; }, the expert's decisions as
 * {@code CODE: decision}; the passage is the hit's snippet, the matched words unmarked). A field that a spreadsheet
 * would read as a formula is prefixed with an apostrophe ({@link CsvCell}). Stateless.
 */
public final class SearchCsv {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("act", "title", "language", "citation", "cited", "lead_in", "score", "severity",
            "factors", "expert", "references", "passage");

    private SearchCsv() {
    }

    /**
     * Writes the header and the hits of {@code results} to {@code out} (not closed).
     *
     * @throws IOException when the writer fails
     */
    public static void write(SearchResults results, Writer out) throws IOException {
        line(out, COLUMNS);
        for (SearchHit h : results.hits()) {
            line(out, List.of(h.act(), h.title(), h.language().code(), h.citation(), CitationText.of(h.citation(), h.language()),
                    String.valueOf(h.leadIn()), String.format(Locale.ROOT, "%.4f", h.score()),
                    h.maxSeverity().map(Object::toString).orElse(""), String.join("; ", h.factors()),
                    h.expert().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")),
                    h.references().stream().map(r -> r.text() + r.act().map(a -> " -> " + a).orElse("")).collect(Collectors.joining("; ")),
                    h.snippet().text()));
        }
        out.flush();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field as CSV writes it: quoted when it must be, a would-be formula made text. */
    static String field(String value) {
        return CsvCell.text(value);
    }
}

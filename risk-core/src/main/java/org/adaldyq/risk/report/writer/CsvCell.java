package org.adaldyq.risk.report.writer;

/**
 * One cell of the CSV files the tool writes for spreadsheets (search hits, tenders reports), RFC 4180: a
 * text is quoted when it holds a comma, a quote or a line break, and a text a spreadsheet would run as a
 * formula (first character {@code = + - @}, a tab or a carriage return) is made text with a leading
 * apostrophe: the cells hold words from the documents and data read, which nobody vetted. Stateless.
 */
public final class CsvCell {
    private CsvCell() {
    }

    /** A text cell: a would-be formula made text, quoted when it must be; null is an empty cell. */
    public static String text(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return quoted(v);
    }

    /** A cell whose value is kept as it is (a number), quoted when it must be. */
    public static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

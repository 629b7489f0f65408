package org.adaldyq.risk.cli;

/** A CSV reader for tests: what a spreadsheet makes of the CSV the commands and the server write. */
public final class Csv {
    private Csv() {
    }

    /** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks; lines end with LF, CRLF or CR. */
    public static java.util.List<java.util.List<String>> read(String csv) {
        java.util.List<java.util.List<String>> records = new java.util.ArrayList<>();
        java.util.List<String> record = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new java.util.ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}

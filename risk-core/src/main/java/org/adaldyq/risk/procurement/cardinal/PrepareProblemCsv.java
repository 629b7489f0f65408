package org.adaldyq.risk.procurement.cardinal;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.adaldyq.risk.report.writer.CsvCell;

/**
 * Writes {@code prepare}'s problems as Cardinal's errors file: CSV rows
 * {@code line,ocid,path,array indexes,incorrect value,error description}, without a header row. The array
 * indexes are joined by {@code .} ({@code 0.2}); an absent ocid or value is an empty field. Fields are
 * quoted as RFC 4180 says, only when needed (a comma, a double quote, CR or LF; quotes doubled); rows end
 * with {@code \n}. Errors writing are {@link UncheckedIOException}s. Not thread-safe.
 */
public final class PrepareProblemCsv implements Consumer<PrepareProblem>, Flushable {
    private final Writer out;

    /** Writes to {@code out}, which is neither buffered nor closed here. */
    public PrepareProblemCsv(Writer out) {
        this.out = out;
    }

    /** Writes one row. */
    @Override
    public void accept(PrepareProblem problem) {
        try {
            out.write(row(problem));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** One row, without its line end. */
    public static String row(PrepareProblem p) {
        return List.of(
                        Long.toString(p.line()),
                        p.ocid() == null ? "" : p.ocid(),
                        p.path(),
                        p.arrayIndexes().stream().map(String::valueOf).collect(Collectors.joining(".")),
                        p.incorrectValue() == null ? "" : p.incorrectValue(),
                        p.kind().description())
                // as Cardinal writes them: quoted when needed, no formula guard (the file is compared byte for byte)
                .stream().map(CsvCell::quoted).collect(Collectors.joining(","));
    }
}

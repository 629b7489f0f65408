package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.report.writer.DocxConclusion;
import org.adaldyq.risk.report.writer.DocxReview;
import org.adaldyq.risk.report.writer.HtmlReport;
import org.adaldyq.risk.report.writer.SarifWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code scan} writes its records, one form per {@code --format}: each input's scanned document or
 * error record as it is done, in input order, then the end of the form.
 */
interface ScanOutput {

    /** Writes one scanned document; returns 1 when writing it failed (the input counts as failed), else 0. */
    int document(ScannedDocument scanned) throws IOException;

    /** Writes one input's error record ({@code source}, {@code error}, {@code reason}). */
    void error(Map<String, Object> record) throws IOException;

    /** Ends the form (closing brackets, the index of a page). */
    default void end() throws IOException {
    }

    /** The output of {@code format}, writing to {@code out} (or, for DOCX, to files at {@code target}). */
    static ScanOutput of(ScanCommand.Format format, PrintWriter out, FactorCatalogue catalogue, Language pageLanguage,
            Path target, boolean targetIsFolder) throws IOException {
        return of(format, out, catalogue, pageLanguage, target, targetIsFolder, null, out);
    }

    /**
     * As above, with an expert's review (null: none) shown on the annotated page and written into the worksheet;
     * {@code err} takes the error lines of the worksheet, which holds review lines only.
     */
    static ScanOutput of(ScanCommand.Format format, PrintWriter out, FactorCatalogue catalogue, Language pageLanguage,
            Path target, boolean targetIsFolder, ScanReviews review, PrintWriter err) throws IOException {
        return switch (format) {
            case text -> new Text(out);
            case jsonl -> new JsonLines(out);
            case json -> new JsonArray(out);
            case sarif -> new Sarif(out, catalogue);
            case html -> new Html(out, catalogue, pageLanguage, review);
            case docx -> new Docx(out, target, targetIsFolder);
            case conclusion -> new Conclusion(out, catalogue, pageLanguage, target);
            case review -> new Worksheet(out, review, err);
        };
    }

    /** ", added by the expert" or ", confirmed by the expert" after a finding as a review left it; nothing for a finding left as found. */
    static String decisionSuffix(Finding f) {
        String decision = Review.decision(f);
        return decision == null ? "" : ", " + decision + " by the expert";
    }

    /** ", confidence 0.69" after a finding's score or versions in the text outputs; nothing when it has none. */
    static String confidenceSuffix(Double confidence) {
        return confidence == null ? "" : String.format(java.util.Locale.ROOT, ", confidence %.2f", confidence);
    }

    /** For people: each finding with its quote, why and how to fix. */
    final class Text implements ScanOutput {
        private final PrintWriter out;

        Text(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int document(ScannedDocument scanned) {
            ScanReport report = scanned.report();
            out.printf("%s%n  language %s, %d provisions, score %.2f, %d finding(s)%n", report.source(), report.language(),
                    report.provisionCount(), report.score(), report.findings().size());
            for (Finding f : report.findings()) {
                ProvisionLocation p = (ProvisionLocation) f.location();
                out.printf("  - %s [%s %.2f%s%s] %s%n      «%s»%n      why: %s%n      fix: %s%n", p.provision(), f.code(), f.score(),
                        confidenceSuffix(f.confidence()), decisionSuffix(f),
                        f.title(), p.quote(), f.explanation(), f.recommendation());
                String note = Review.note(f);
                if (note != null) {
                    out.printf("      expert: %s%n", note);
                }
            }
            out.println();
            return 0;
        }

        @Override
        public void error(Map<String, Object> e) {
            out.printf("%s%n  ERROR (%s): %s%n%n", e.get("source"), e.get("reason"), e.get("error"));
        }
    }

    /** One JSON object per line. */
    final class JsonLines implements ScanOutput {
        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int document(ScannedDocument scanned) throws IOException {
            out.println(ReportJson.compact().writeValueAsString(scanned.report()));
            return 0;
        }

        @Override
        public void error(Map<String, Object> record) throws IOException {
            out.println(ReportJson.compact().writeValueAsString(record));
        }
    }

    /** One JSON array, streamed element by element. */
    final class JsonArray implements ScanOutput {
        private final PrintWriter out;
        private final SequenceWriter array;

        JsonArray(PrintWriter out) throws IOException {
            this.out = out;
            this.array = ReportJson.pretty().writeValuesAsArray(out);
        }

        @Override
        public int document(ScannedDocument scanned) throws IOException {
            array.write(scanned.report());
            return 0;
        }

        @Override
        public void error(Map<String, Object> record) throws IOException {
            array.write(record);
        }

        @Override
        public void end() throws IOException {
            array.close();
            out.println();
        }
    }

    /** A SARIF 2.1.0 log; unreadable inputs are notifications of the run. */
    final class Sarif implements ScanOutput {
        private final SarifWriter sarif;

        Sarif(PrintWriter out, FactorCatalogue catalogue) throws IOException {
            this.sarif = new SarifWriter(out, catalogue);
        }

        @Override
        public int document(ScannedDocument scanned) throws IOException {
            sarif.add(scanned);
            return 0;
        }

        @Override
        public void error(Map<String, Object> e) {
            sarif.addError(String.valueOf(e.get("source")), String.valueOf(e.get("reason")), String.valueOf(e.get("error")));
        }

        @Override
        public void end() throws IOException {
            sarif.close();
        }
    }

    /** The annotated page; its labels speak the language forced, or the first document's. */
    final class Html implements ScanOutput {
        private final PrintWriter out;
        private final FactorCatalogue catalogue;
        private final Language forced;
        private final ScanReviews review;
        private HtmlReport page;

        Html(PrintWriter out, FactorCatalogue catalogue, Language forced, ScanReviews review) {
            this.out = out;
            this.catalogue = catalogue;
            this.forced = forced;
            this.review = review;
        }

        private HtmlReport page(Language first) throws IOException {
            if (page == null) {
                page = new HtmlReport(out, catalogue, forced != null ? forced : first);
            }
            return page;
        }

        @Override
        public int document(ScannedDocument scanned) throws IOException {
            page(scanned.report().language()).add(scanned, review == null ? Review.NONE : review.of(scanned));
            return 0;
        }

        @Override
        public void error(Map<String, Object> e) throws IOException {
            page(Language.EN).addError(String.valueOf(e.get("source")), String.valueOf(e.get("reason")), String.valueOf(e.get("error")));
        }

        @Override
        public void end() throws IOException {
            page(Language.EN).close();
        }
    }

    /**
     * The expert's worksheet: a review line per provision of each text (the decisions of {@code --review} in
     * them). An input that cannot be read is an error line on {@code err}, so the worksheet holds review lines
     * only and reads as labelled data.
     */
    final class Worksheet implements ScanOutput {
        private final PrintWriter out;
        private final ScanReviews review;
        private final PrintWriter err;

        Worksheet(PrintWriter out, ScanReviews review, PrintWriter err) {
            this.out = out;
            this.review = review;
            this.err = err;
        }

        @Override
        public int document(ScannedDocument scanned) throws IOException {
            (review == null ? Review.NONE : review.of(scanned)).write(scanned, out);
            return 0;
        }

        @Override
        public void error(Map<String, Object> e) {
            err.printf("%s: ERROR (%s): %s%n", e.get("source"), e.get("reason"), e.get("error"));
            err.flush();
        }
    }

    /** The reviewed DOCX of each input, in a file or a folder; a line per input says where. */
    final class Docx implements ScanOutput {
        /** The line that says where a reviewed copy went and how many comments it got. */
        static void written(PrintWriter out, Path source, Path file, DocxReview.Outcome o) {
            out.printf("%s -> %s: %d comment(s)%s%n", source, file, o.comments(),
                    o.unanchored() > 0 ? ", " + o.unanchored() + " not anchored on their words" : "");
        }

        private static final Logger LOG = LoggerFactory.getLogger(Docx.class);
        private final PrintWriter out;
        private final Path target;
        private final boolean folder;

        Docx(PrintWriter out, Path target, boolean folder) throws IOException {
            this.out = out;
            this.target = target;
            this.folder = folder;
            if (folder) {
                Files.createDirectories(target);
            }
        }

        @Override
        public int document(ScannedDocument d) {
            Path source = Path.of(d.report().source());
            Path file = folder ? target.resolve(DocxReview.reviewName(source.getFileName().toString())) : target;
            try (var docx = Files.newOutputStream(file)) {
                written(out, source, file, DocxReview.review(d, () -> Files.newInputStream(source), docx));
                return 0;
            } catch (IOException | RuntimeException e) {
                LOG.debug("cannot write the reviewed DOCX of {}", source, e);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the error line below names the file
                }
                out.printf("%s%n  ERROR (UNWRITABLE): cannot write %s: %s%n", source, file, e.getMessage());
                return 1;
            }
        }

        @Override
        public void error(Map<String, Object> e) {
            new Text(out).error(e);
        }
    }

    /**
     * The draft conclusion of the review: every input in one DOCX at {@code target} (those that could not be
     * read listed as not reviewed), written at the end; a line says where. Its labels speak the language
     * forced, or the first document's.
     */
    final class Conclusion implements ScanOutput {
        private final PrintWriter out;
        private final Path target;
        private final DocxConclusion conclusion;
        private int texts;

        Conclusion(PrintWriter out, FactorCatalogue catalogue, Language forced, Path target) {
            this.out = out;
            this.target = target;
            this.conclusion = new DocxConclusion(catalogue, forced);
        }

        @Override
        public int document(ScannedDocument scanned) {
            try {
                conclusion.add(scanned);
                texts++;
                return 0;
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Conclusion.class).debug("cannot add {} to the conclusion", scanned.report().source(), e);
                out.printf("%s%n  ERROR (UNWRITABLE): cannot add it to the conclusion: %s%n", scanned.report().source(), e);
                conclusion.addUnread(scanned.report().source(), "UNWRITABLE: " + e);
                texts++;
                return 1;
            }
        }

        @Override
        public void error(Map<String, Object> e) {
            new Text(out).error(e);
            conclusion.addUnread(String.valueOf(e.get("source")), e.get("reason") + ": " + e.get("error"));
            texts++;
        }

        @Override
        public void end() throws IOException {
            write(conclusion, target);
            out.printf("conclusion -> %s: %d text(s)%n", target, texts);
        }

        /** Writes {@code conclusion} to {@code target} through a temporary file beside it: a failed write leaves no half file. */
        static void write(DocxConclusion conclusion, Path target) throws IOException {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (var docx = Files.newOutputStream(tmp)) {
                conclusion.write(docx);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

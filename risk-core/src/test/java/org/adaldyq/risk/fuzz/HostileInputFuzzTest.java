package org.adaldyq.risk.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.procurement.cardinal.Coverage;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.ocds.ParsedUnit;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.structure.ParsedDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz tests of the parsers that read untrusted input (issue 11, part 6): the OCDS reader
 * and compiler, the settings parser, Cardinal's coverage, the extractor front end (extraction and
 * segmentation of any bytes under any file name), an expert's review file; the rule checks are fuzzed in {@code RuleCheckFuzzTest}. The build runs them on their committed corpus
 * ({@code src/test/resources/org/adaldyq/risk/fuzz/HostileInputFuzzTestInputs/<method>/}); {@code .ci/run}
 * fuzzes each for a few seconds ({@code JAZZER_FUZZ=1}). A crash is any exception the contract does not
 * allow: bad content must become problems (reader), {@code null} (compiler), or a clear
 * {@code IllegalArgumentException} (settings).
 */
class HostileInputFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void ocdsReaderTurnsAnyBytesIntoProcessesOrProblems(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        new OcdsReader(1 << 16).read("fuzz", new ByteArrayInputStream(bytes), new OcdsReader.Sink() {
            @Override
            public void line(String source, long line, byte[] json) {
                ParsedUnit unit = OcdsReader.parseLine(source, line, json);
                unit.releases().forEach(r -> ReleaseCompiler.compile(r, line, true));
                ReleaseCompiler.compile(json, line, true);
            }

            @Override
            public void parsed(ParsedUnit unit) {
                unit.releases().forEach(r -> ReleaseCompiler.compile(r, unit.line(), true));
            }
        });
    }

    @FuzzTest(maxDuration = "10s")
    void settingsAreParsedOrRefusedClearly(FuzzedDataProvider data) {
        boolean lenient = data.consumeBoolean();
        String ini = data.consumeRemainingAsString();
        try {
            Settings s = Settings.parse(new StringReader(ini), "fuzz.ini", lenient);
            s.currency();
            s.excludedProcurementMethodDetails();
            for (String code : java.util.List.of("R003", "R018", "R024", "R038", "R048")) {
                if (s.enabled(code)) {
                    s.indicator(code).number("threshold", 1);
                }
            }
        } catch (IllegalArgumentException refused) {
            // a clear refusal naming the line is the contract
        }
    }

    /** Extraction and segmentation (the extractor front end): a document, or a read problem with its reason. */
    @FuzzTest(maxDuration = "10s")
    void extractorFrontEndReadsOrRefusesAnyBytes(FuzzedDataProvider data) {
        String name = data.pickValue(new String[] {"fuzz.txt", "fuzz.docx", "fuzz.html", "fuzz.odt", "fuzz.rtf", "fuzz.pdf",
                "fuzz.md", "fuzz.xml", "fuzz"});
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            EXTRACTOR.extract(bytes, name);
            READER.read(new ByteArrayInputStream(bytes), name);
        } catch (DocumentReadException refused) {
            // a read problem with a reason is the contract
        }
    }

    private static final TextExtractor EXTRACTOR = TextExtractor.builder().maxInputBytes(1 << 20).build();
    private static final DocumentReader READER = DocumentReader.builder().maxInputBytes(1 << 20).build();

    /**
     * An expert's review file: read, or refused with an {@link IOException} naming its line; once read, applied
     * to a text and written again without any other exception.
     */
    @FuzzTest(maxDuration = "10s")
    void reviewLinesAreReadOrRefusedByLine(FuzzedDataProvider data) throws IOException {
        Review review;
        try {
            review = Review.read(new StringReader(data.consumeRemainingAsString()), "fuzz.jsonl", CATALOGUE);
        } catch (IOException refused) {
            if (!refused.getMessage().startsWith("fuzz.jsonl:")) {
                throw new AssertionError("a refusal names the line: " + refused.getMessage(), refused);
            }
            return;
        }
        Review.Applied applied = review.apply(DRAFT, CATALOGUE);
        review.write(applied.document(), new java.io.StringWriter());
        review.write(DRAFT, new java.io.StringWriter());
    }

    private static final FactorCatalogue CATALOGUE = FactorCatalogue.read(new ByteArrayInputStream((
            "[{\"code\": \"OPTIONAL_POWER\", \"severity\": \"high\", \"level\": \"provision\", \"title\": {\"en\": \"May\"}, "
            + "\"explanation\": {\"en\": \"Why\"}, \"recommendation\": {\"en\": \"Fix\"}}, {\"code\": \"VAGUE_TERMS\", \"severity\": \"low\", "
            + "\"level\": \"provision\", \"title\": {\"en\": \"Vague\"}, \"explanation\": {\"en\": \"Why\"}, \"recommendation\": "
            + "{\"en\": \"Fix\"}}]").getBytes(StandardCharsets.UTF_8)));

    /** A short Russian draft (a list with a lead-in), read and segmented, with no finding: what a review is applied to. */
    private static final ScannedDocument DRAFT = draft();

    private static ScannedDocument draft() {
        ParsedDocument doc = DocumentReader.builder().build().read("Статья 1. Проверка\n"
                + "1. Уполномоченный орган вправе отказать в выдаче лицензии.\n"
                + "2. Заявитель представляет иные документы:\n1) справку;\n2) иные необходимые сведения.\n", "draft.md", Language.RU);
        return new ScannedDocument(doc, ScanReport.of("draft.md", Language.RU, "text/markdown", doc.provisions().size(), List.of(), Map.of()));
    }

    @FuzzTest(maxDuration = "10s")
    void coverageCountsAnyLine(FuzzedDataProvider data) {
        Coverage coverage = new Coverage();
        try {
            coverage.read(new ByteArrayInputStream(data.consumeRemainingAsBytes()), warning -> { });
        } catch (IOException e) {
            throw new AssertionError("an in-memory stream does not fail to read", e);
        }
        coverage.counts();
    }
}

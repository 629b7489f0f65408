package org.adaldyq.risk.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.analysis.LegalTextAnalyzer;
import org.adaldyq.risk.lexicon.Token;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The scan's words replayed for the index are exactly what the index's analysers would give for every
 * provision of the bundled acts (kk, ru, en): term, offsets and positions, for the language field and the
 * exact field alike. The index relies on this when it skips the second analysis.
 */
class AnalysedWordsStreamTest {
    private static final Path DOCUMENTS = Path.of("..").toAbsolutePath().normalize().resolve("risk-core/src/test/resources/documents");

    @Test
    void theScansWordsAreTheAnalysersTokensForEveryProvision() throws IOException {
        RiskEngine engine = RiskEngine.builder().build();
        int provisions = 0;
        int replayed = 0;
        for (String lang : List.of("kk", "ru", "en")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(DOCUMENTS.resolve(lang))) {
                files = s.sorted().toList();
            }
            for (Path file : files) {
                ScannedDocument scanned = engine.scanDocumentKeepingWords(file);
                String text = scanned.document().text();
                Analyzer language = LegalTextAnalyzer.forLanguage(scanned.document().language());
                for (Provision p : scanned.document().provisions()) {
                    provisions++;
                    String own = scanned.document().textOf(p);
                    List<String> expected = tokens(language.tokenStream("f", own));
                    List<Token> words = scanned.words().within(p.start(), p.end());
                    if (words.isEmpty()) {
                        assertThat(expected).as(file + " " + p.citation()).hasSize(1); // only the final offset
                        continue;
                    }
                    replayed++;
                    assertThat(tokens(new AnalysedWordsStream(words, text, p.start(), own.length(), false)))
                            .as(file + " " + p.citation()).isEqualTo(expected);
                    assertThat(tokens(new AnalysedWordsStream(words, text, p.start(), own.length(), true)))
                            .as(file + " " + p.citation() + " exact").isEqualTo(tokens(new ExactTextAnalyzer().tokenStream("exact", own)));
                }
            }
        }
        assertThat(provisions).isGreaterThan(500);
        assertThat(replayed).isGreaterThan(provisions * 9 / 10);
    }

    /** Each token as term, offsets and position increment; then the final offset. */
    private static List<String> tokens(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + position.getPositionIncrement());
            }
            ts.end();
            out.add("end " + offset.endOffset());
        }
        return out;
    }
}

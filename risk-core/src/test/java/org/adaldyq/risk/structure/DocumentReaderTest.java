package org.adaldyq.risk.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaldyq.risk.fixtures.TestDocuments;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

    static final DocumentReader READER = DocumentReader.create();

    @Test
    void readsAFileDetectingTheLanguage() throws Exception {
        ParsedDocument d = READER.read(TestDocuments.resource("kk/kz-laws_kaz_104440.md"));
        assertThat(d.source()).isEqualTo("kz-laws_kaz_104440.md");
        assertThat(d.language()).isEqualTo(Language.KK);
        assertThat(d.languageConfidence()).isGreaterThan(0.8);
        assertThat(d.mediaType()).isEqualTo("text/markdown");
        Provision p = d.provision("Article 7, point 1, sub-point 3)").orElseThrow();
        assertThat(d.textOf(p)).startsWith("3) инвестициялық жобаны");
    }

    @Test
    void readsUslmFromAStreamAndDocxWithAForcedLanguage() throws Exception {
        try (InputStream in = Files.newInputStream(TestDocuments.resource("en/BILLS-116s1014es.xml"))) {
            ParsedDocument d = READER.read(in, "BILLS-116s1014es.xml");
            assertThat(d.language()).isEqualTo(Language.EN);
            assertThat(d.mediaType()).isEqualTo(UslmReader.MEDIA_TYPE);
            assertThat(d.provision("Section 5(a)(13)")).isPresent();
        }
        ParsedDocument ru = READER.read(TestDocuments.resource("fixtures/ru-article23.docx"), Language.RU);
        assertThat(ru.languageConfidence()).isEqualTo(1.0);
        assertThat(ru.provisions()).extracting(Provision::citation)
                .containsExactly("Article 23, part 1", "Article 23, part 2", "Article 23, part 3", "Article 23, part 4");
    }

    @Test
    void readsTextInMemory() {
        ParsedDocument d = READER.read("1. Уәкілетті орган өз қалауы бойынша шешім қабылдайды.\r\n"
                + "2. Шешімге шағым жасалмайды.", "draft");
        assertThat(d.language()).isEqualTo(Language.KK);
        assertThat(d.provisions()).extracting(Provision::citation).containsExactly("Point 1", "Point 2");
        assertThat(d.textOf(d.provisions().get(1))).isEqualTo("2. Шешімге шағым жасалмайды.");
    }

    @Test
    void oneReaderServesThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> files = List.of("fixtures/kk-article7.docx", "fixtures/ru-article23.odt",
                    "ru/kz-laws_rus_104440.md", "en/115publ6-uslm.xml");
            List<Future<ParsedDocument>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String f = files.get(i % files.size());
                futures.add(pool.submit(() -> READER.read(TestDocuments.resource(f))));
            }
            for (Future<ParsedDocument> f : futures) {
                assertThat(f.get().provisions()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

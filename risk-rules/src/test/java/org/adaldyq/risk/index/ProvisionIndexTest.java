package org.adaldyq.risk.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on the real acts bundled in the repository (kk, ru, en), with the built-in rule pack. */
class ProvisionIndexTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCUMENTS = ROOT.resolve("risk-core/src/test/resources/documents");

    private static RiskEngine engine;
    private static ProvisionIndex corpus;
    private static List<Path> files;
    private static IndexSummary first;

    @TempDir
    static Path corpusDir;

    @BeforeAll
    static void indexTheCorpus() throws IOException {
        engine = RiskEngine.builder().build();
        files = new ArrayList<>();
        for (String glob : List.of("data/samples/kk", "data/samples/ru", "data/samples/en",
                "risk-core/src/test/resources/documents/kk", "risk-core/src/test/resources/documents/ru",
                "risk-core/src/test/resources/documents/en")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(glob))) {
                s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".xml") || p.toString().endsWith(".html"))
                        .sorted().forEach(files::add);
            }
        }
        corpus = ProvisionIndex.open(corpusDir.resolve("index"), engine);
        first = corpus.add(files.toArray(Path[]::new));
    }

    @AfterAll
    static void close() throws IOException {
        corpus.close();
    }

    @Test
    void theCorpusIsIndexedOncePerContent() throws IOException {
        // data/samples repeats three acts of the test documents byte for byte: same hash, indexed once
        assertThat(first.problems()).isEmpty();
        assertThat(first.added()).isEqualTo(9);
        assertThat(first.unchanged()).isEqualTo(3);
        assertThat(corpus.acts()).extracting(IndexedAct::language).contains(Language.KK, Language.RU, Language.EN);
        int provisions = corpus.acts().stream().mapToInt(IndexedAct::provisions).sum();
        assertThat(first.provisions()).isEqualTo(provisions).isGreaterThan(500);
    }

    @Test
    void anInflectedKazakhFormFindsTheOtherForms() throws IOException {
        // «инвесторлардың» (of the investors): the analyser strips the suffixes on both sides
        SearchResults r = corpus.search("инвесторлардың", SearchOptions.defaults().withLanguage(Language.KK).withLimit(50));
        Set<String> forms = new java.util.TreeSet<>();
        for (SearchHit h : r.hits()) {
            assertThat(h.language()).isEqualTo(Language.KK);
            for (Snippet.Span s : h.snippet().hits()) {
                forms.add(h.snippet().text().substring(s.start() - h.snippet().start(), s.end() - h.snippet().start()).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(forms).contains("инвестор", "инвесторға", "инвестордың", "инвесторлардың");
        // the exact field finds only the form as written
        SearchResults exact = corpus.search("инвесторлардың", SearchOptions.defaults().withLanguage(Language.KK).withExact(true).withLimit(50));
        assertThat(exact.total()).isPositive().isLessThan(r.total());
        assertThat(exact.hits()).allSatisfy(h -> assertThat(h.snippet().marked("[", "]").toLowerCase(Locale.ROOT)).contains("[инвесторлардың]"));
    }

    @Test
    void aPhraseQueryFindsTheWordsTogetherWithExactOffsets() throws IOException {
        SearchResults r = corpus.search("\"установленном Правительством\"", SearchOptions.defaults().withLanguage(Language.RU).withLimit(100));
        assertThat(r.total()).isGreaterThanOrEqualTo(8);
        for (SearchHit h : r.hits()) {
            String marked = h.snippet().marked("[", "]").toLowerCase(Locale.ROOT);
            assertThat(marked).containsPattern("(?U)\\[установленн\\w*( |\\] \\[)правительств\\w*\\]");
            // the snippet's offsets point into the act's text as the scan read it
            ScannedDocument doc = engine.scanDocument(Path.of(h.path()));
            String provision = doc.document().text().substring(h.start());
            Snippet.Span s = h.snippet().hits().get(0);
            assertThat(provision.substring(s.start(), s.end()))
                    .isEqualTo(h.snippet().text().substring(s.start() - h.snippet().start(), s.end() - h.snippet().start()));
        }
        SearchResults exact = corpus.search("exact:\"установленном правительством\"", SearchOptions.defaults().withLanguage(Language.RU).withLimit(100));
        assertThat(exact.total()).isPositive().isLessThanOrEqualTo(r.total());
    }

    @Test
    void factorFacetsEqualTheScansFindingCounts() throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        for (IndexedAct act : corpus.acts()) {
            for (Finding f : engine.scanDocument(Path.of(act.path())).report().findings()) {
                expected.merge(f.code(), 1L, Long::sum);
            }
        }
        assertThat(expected).isNotEmpty();
        SearchResults all = corpus.search("*:*", SearchOptions.defaults());
        assertThat(new TreeMap<>(all.facet("factor"))).isEqualTo(expected);
        // act and language facets add up to every provision
        long documents = corpus.acts().stream().mapToInt(a -> a.provisions() + a.leadIns()).sum(); // the lists' lead-ins are found too
        assertThat(all.total()).isEqualTo(documents);
        assertThat(all.facet("act").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(documents);
        assertThat(all.facet("language").keySet()).containsExactlyInAnyOrder("kk", "ru", "en");
    }

    @Test
    void aListsLeadInIsFoundAsADocumentOfItsOwn() throws IOException {
        // «Агентство может расторгнуть контракт в следующих случаях:» introduces the items 1)–4) of article 13 point 1
        SearchResults r = corpus.search("\"расторгнуть контракт в следующих случаях\"", SearchOptions.defaults().withLanguage(Language.RU));
        assertThat(r.total()).isEqualTo(1);
        SearchHit h = r.hits().get(0);
        assertThat(h.leadIn()).isTrue();
        assertThat(h.act()).isEqualTo("kz-laws_rus_104440");
        assertThat(h.citation()).isEqualTo("Article 13, point 1");
        assertThat(h.snippet().marked("[", "]")).contains("[расторгнуть контракт в следующих случаях]");
        // its offsets are those of the act's text, as a provision's are
        String text = engine.scanDocument(Path.of(h.path())).document().text();
        Snippet.Span s = h.snippet().hits().get(0);
        assertThat(text.substring(h.start() + s.start(), h.start() + s.end())).isEqualTo("расторгнуть контракт в следующих случаях");
        // the items stay provisions of their own: a word of item 2) finds the item, not the lead-in
        SearchResults item = corpus.search("\"не исполняет свои обязательства\"", SearchOptions.defaults().withLanguage(Language.RU));
        assertThat(item.hits()).extracting(SearchHit::citation).contains("Article 13, point 1, sub-point 2)");
        assertThat(item.hits()).noneMatch(SearchHit::leadIn);
    }

    @Test
    void aReferenceToAnActByItsTitleIsResolvedWhenTheActIsIndexed() throws IOException {
        // «… на соответствие законодательству Республики Казахстан о государственной поддержке прямых инвестиций»
        SearchHit ru = only(corpus.search("\"экспертизу на соответствие законодательству\"", SearchOptions.defaults().withLanguage(Language.RU)));
        assertThat(ru.citation()).isEqualTo("Article 12, point 2");
        assertThat(ru.references()).containsExactly(
                new ActReference("о государственной поддержке прямых инвестиций", Optional.of("kz-laws_rus_104440")));
        // the Kazakh version names the title before «туралы заңдарына»; its Latin i's do not matter
        SearchHit kk = only(corpus.search("\"сәйкестiгiне сараптама\"", SearchOptions.defaults().withLanguage(Language.KK)));
        assertThat(kk.citation()).isEqualTo("Article 12, point 2");
        assertThat(kk.references()).extracting(ActReference::act).containsExactly(Optional.of("kz-laws_kaz_104440"));
        // «В Закон Республики Казахстан от 17 апреля 1995 г. "О лицензировании"»: that act is not indexed
        SearchHit licensing = only(corpus.search("\"статьи 9 дополнить подпунктом 30-1\"", SearchOptions.defaults().withLanguage(Language.RU)));
        assertThat(licensing.act()).isEqualTo("kz-laws_rus_28811");
        assertThat(licensing.references()).containsExactly(new ActReference("О лицензировании", Optional.empty()));
    }

    @Test
    void anIndexOfAnEarlierBuildIsRefusedWithAClearMessage(@TempDir Path tmp) throws IOException {
        // the earlier layout: an exact field with offsets in its postings
        org.apache.lucene.document.FieldType withOffsets = new org.apache.lucene.document.FieldType(org.apache.lucene.document.TextField.TYPE_NOT_STORED);
        withOffsets.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(tmp);
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.Field("exact", "в порядке, установленном", withOffsets));
            w.addDocument(doc);
        }
        assertThatThrownBy(() -> ProvisionIndex.open(tmp, engine)).isInstanceOf(IOException.class)
                .hasMessageContaining("earlier version").hasMessageContaining("delete the folder");
    }

    /**
     * An index opened for search takes no lock: it is open while a writer adds to the same folder, each search sees
     * the writer's last commit, and it refuses to write.
     */
    @Test
    void anIndexOpenedForSearchSeesWhatItsWriterCommits(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("index");
        Path first = tmp.resolve("first.md");
        Path second = tmp.resolve("second.md");
        Files.copy(DOCUMENTS.resolve("ru/kz-laws_rus_28811.md"), first);
        Files.writeString(second, "Статья 1. Уполномоченный орган вправе отказать в регистрации по иным основаниям.\n");
        assertThatThrownBy(() -> ProvisionIndex.openForSearch(folder)).isInstanceOf(IOException.class).hasMessageContaining("no index");
        try (ProvisionIndex writer = ProvisionIndex.open(folder, engine)) {
            writer.add(first);
            try (ProvisionIndex reader = ProvisionIndex.openForSearch(folder)) {
                assertThat(reader.search("*:*", SearchOptions.defaults()).facet("act")).containsOnlyKeys("first");
                writer.add(second);
                assertThat(reader.search("*:*", SearchOptions.defaults()).facet("act")).containsOnlyKeys("first", "second");
                assertThat(reader.search("\"иным основаниям\"", SearchOptions.defaults()).hits()).extracting(SearchHit::act).contains("second");
                assertThatThrownBy(() -> reader.add(first)).isInstanceOf(IllegalStateException.class).hasMessageContaining("search only");
                assertThatThrownBy(() -> reader.delete("first")).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    private static SearchHit only(SearchResults r) {
        assertThat(r.hits()).hasSize(1);
        return r.hits().get(0);
    }

    @Test
    void filtersAndRankingByScore() throws IOException {
        String code = corpus.search("*:*", SearchOptions.defaults()).facet("factor").keySet().iterator().next();
        SearchResults byFactor = corpus.search("*:*", SearchOptions.defaults().withFactors(Set.of(code)).withLimit(1000));
        assertThat(byFactor.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.factors()).contains(code));
        SearchResults risky = corpus.search("*:*", SearchOptions.defaults().withMinScore(0.5).withRanking(SearchOptions.Ranking.SCORE).withLimit(20));
        assertThat(risky.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0.5));
        assertThat(risky.hits()).extracting(SearchHit::score).isSortedAccordingTo(Collections.reverseOrder());
        SearchResults oneAct = corpus.search("*:*", SearchOptions.defaults().withAct("kz-laws_rus_28811"));
        assertThat(oneAct.facet("act")).containsOnlyKeys("kz-laws_rus_28811");
        assertThatThrownBy(() -> corpus.search("AND (", SearchOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad query");
    }

    @Test
    void reIndexingTheSameFilesIsANoOp() throws IOException {
        List<IndexedAct> before = corpus.acts();
        IndexSummary again = corpus.add(files.toArray(Path[]::new));
        assertThat(again.added() + again.replaced() + again.provisions()).isZero();
        assertThat(again.unchanged()).isEqualTo(files.size());
        assertThat(corpus.acts()).isEqualTo(before);
    }

    @Test
    void aChangedFileReplacesItsProvisionsAndDeleteRemovesTheAct(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("act.md");
        Files.copy(DOCUMENTS.resolve("ru/kz-laws_rus_28811.md"), file);
        try (ProvisionIndex index = ProvisionIndex.open(tmp.resolve("index"), engine)) {
            assertThat(index.add(file).added()).isEqualTo(1);
            int before = index.acts().get(0).provisions();
            String text = Files.readString(file);
            Files.writeString(file, text + "\n\n### Статья 99. Заключительные положения\n\n"
                    + "1. Уполномоченный орган вправе продлить срок по своему усмотрению.\n\n"
                    + "2. Настоящий Закон вводится в действие со дня опубликования.\n");
            IndexSummary replaced = index.add(file);
            assertThat(replaced.replaced()).isEqualTo(1);
            assertThat(replaced.added()).isZero();
            List<IndexedAct> acts = index.acts();
            assertThat(acts).hasSize(1);
            assertThat(acts.get(0).id()).isEqualTo("act");
            int after = acts.get(0).provisions();
            assertThat(after).isEqualTo(engine.scanDocument(file).document().provisions().size()).isGreaterThan(before);
            SearchResults all = index.search("*:*", SearchOptions.defaults());
            assertThat(all.total()).isEqualTo(after + leadIns(engine.scanDocument(file))).isEqualTo(after + acts.get(0).leadIns());
            assertThat(index.search("\"вправе продлить\"", SearchOptions.defaults().withLanguage(Language.RU)).hits())
                    .extracting(SearchHit::citation).contains("Article 99, point 1");

            assertThat(index.delete("act")).isTrue();
            assertThat(index.acts()).isEmpty();
            assertThat(index.search("*:*", SearchOptions.defaults()).total()).isZero();
            assertThat(index.delete("act")).isFalse();
            // by path too
            index.add(file);
            assertThat(index.delete(file.toString())).isTrue();
            assertThat(index.acts()).isEmpty();
        }
    }

    @Test
    void searchesDuringIndexingSeeWholeActs(@TempDir Path tmp) throws Exception {
        List<Path> copies = new ArrayList<>();
        Map<String, Long> provisions = new HashMap<>();
        for (String name : List.of("kk/kz-laws_kaz_17717.md", "kk/kz-laws_kaz_28811.md", "kk/kz-laws_kaz_4739.md",
                "ru/kz-laws_rus_28811.md", "kk/kz-laws_kaz_104440.md", "ru/kz-laws_rus_104440.md")) {
            Path copy = tmp.resolve(Path.of(name).getFileName());
            Files.copy(DOCUMENTS.resolve(name), copy);
            copies.add(copy);
            ScannedDocument scanned = engine.scanDocument(copy);
            provisions.put(copy.getFileName().toString().replace(".md", ""), (long) scanned.document().provisions().size() + leadIns(scanned));
        }
        try (ProvisionIndex index = ProvisionIndex.open(tmp.resolve("index"), engine)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            List<String> partial = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        SearchResults r = index.search("*:*", SearchOptions.defaults().withLimit(1));
                        r.facet("act").forEach((act, n) -> {
                            if (!n.equals(provisions.get(act))) {
                                partial.add(act + " " + n + " of " + provisions.get(act));
                            }
                        });
                        assertThat(r.total()).isEqualTo(r.facet("act").values().stream().mapToLong(Long::longValue).sum());
                        searches.incrementAndGet();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            reader.start();
            try {
                for (int round = 0; round < 2; round++) {
                    for (Path p : copies) {
                        index.add(p);
                    }
                    for (Path p : copies) {
                        index.delete(p.toString());
                    }
                }
            } finally {
                done.set(true);
                reader.join();
            }
            assertThat(errors).isEmpty();
            assertThat(partial).isEmpty();
            assertThat(searches.get()).isPositive();
        }
    }

    /** The distinct lead-ins of the document's lists, as the segmenter gave them to the items. */
    private static long leadIns(ScannedDocument scanned) {
        return scanned.document().provisions().stream().filter(Provision::hasLeadIn).mapToInt(Provision::leadInStart).distinct().count();
    }
}

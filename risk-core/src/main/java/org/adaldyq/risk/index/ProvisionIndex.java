package org.adaldyq.risk.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.util.QueryBuilder;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.analysis.LegalTextAnalyzer;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Token;
import org.adaldyq.risk.report.ProvisionScore;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.CitationLevel;
import org.adaldyq.risk.structure.Provision;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An on-disk Lucene index of scanned acts: one Lucene document per provision and one per act, searched with
 * Lucene's query syntax.
 *
 * <p><b>Acts.</b> An act is one file. Its id is the file name without its extension
 * ({@code kz-laws_kaz_104440}); when another file already holds that id, {@code -2}, {@code -3}… is added. The
 * id is kept when the file changes. A file is known by its absolute, normalised path and its content by
 * the SHA-256 of its bytes: adding a file whose path is indexed with the same hash, or whose hash is
 * indexed under another path, is a no-op; adding a changed file replaces every document of its act in one
 * atomic update.
 *
 * <p><b>Fields</b> of a provision document: {@code act}, {@code language}, {@code citation},
 * {@code start}; the text analysed with the language's {@link LegalTextAnalyzer} in
 * {@code text_kk}, {@code text_ru} or {@code text_en} and lower-cased but unstemmed in {@code exact} (both
 * with positions, no offsets: the highlighter analyses a hit's text again; the text stored once, in the
 * language field; the words are the scan's own when it kept them, not analysed a second time); its
 * findings' factor codes in {@code factor}, their highest {@code severity} and the provision's
 * {@code score} (stored, a point for ranges and a doc value for sorting); the acts it cites by title in
 * {@code reference}. Facets (sorted-set doc values, no drill-down terms): {@code factor}, {@code act},
 * {@code language}. A list's lead-in has a document of its own ({@code part} = {@code leadin}), cited as
 * the list's parent. An act document holds {@code act}, {@code title}, {@code title_key}, {@code language},
 * {@code path}, {@code hash}, the document {@code score}, and its {@code provisions}, {@code leadins} and
 * {@code findings} counts.
 *
 * <p><b>Threads.</b> {@link #add(Path...)} scans the next file on a thread of its own while it indexes the
 * current one (one file ahead, so at most two scanned files are held), then stops that thread. A file's
 * Lucene documents are built one at a time as the index writer takes them. Thread-safe:
 * writes are serialised, and every search runs on one point-in-time
 * snapshot ({@link SearcherManager}) that shows each act with all its provisions or none. Build it once
 * per folder (Lucene locks the folder for one writer) and close it.
 */
public final class ProvisionIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionIndex.class);

    /**
     * The text fields: positions for phrases, no offsets. The highlighter finds the words of a hit by
     * analysing its stored text again (ten short texts a search), cheaper than offsets for every word
     * indexed. The language field stores the text (the exact field's is the same, read there).
     */
    private static final FieldType TEXT = new FieldType();

    /** The same, not stored: the exact field, and the language field when its text is stored apart from its tokens. */
    private static final FieldType UNSTORED_TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT.freeze();
        UNSTORED_TEXT.setTokenized(true);
        UNSTORED_TEXT.setStored(false);
        UNSTORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        UNSTORED_TEXT.freeze();
    }

    private static final int MAX_FACET_VALUES = 1000;
    /** A heading longer than this is no title. */
    private static final int MAX_TITLE = 400;
    /**
     * Lucene's default. bench index, the buffers alternated in one JVM (medians of 5): the indexing thread took
     * 1.48 s of CPU with 16 MB against 1.60 s with 32 MB (smaller term hashes, fewer cache misses), and the
     * buffer is heap the collector keeps live beside the next file's scan; 64 MB was no faster than 32.
     */
    private static final double RAM_BUFFER_MB = 16;
    /** Files scanned ahead of the one being indexed: the scan of the next overlaps the indexing of this one. */
    private static final int SCAN_AHEAD = 1;
    private static final Query PROVISIONS = new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_PROVISION));
    /** Two language versions of one act share at least this much of their numbering (Jaccard of citations)… */
    static final double TWIN_CITATIONS = 0.5;
    /** …and of the numbers in their text (Jaccard). */
    static final double TWIN_NUMBERS = 0.35;
    private static final int TWIN_CANDIDATES = 10;
    private static final int MAX_TWIN_NUMBERS = 200;
    /** A number of two digits or more standing alone, as the tokenizer keeps it: years, sums, terms, act numbers. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{2,}(?![\\p{L}\\p{N}])");

    private final RiskEngine engine;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final Analyzer analyzer;
    private final ReentrantLock writing = new ReentrantLock();
    /** In an act's hash, what comes between its file's SHA-256 and the digest of the review it went in with. */
    static final String REVIEWED = "+review:";

    private ProvisionIndex(Path folder, RiskEngine engine) throws IOException {
        this(folder, engine, false);
    }

    /** With {@code forSearch}, no writer: the folder is read, not locked, and each search sees its last commit. */
    private ProvisionIndex(Path folder, RiskEngine engine, boolean forSearch) throws IOException {
        this.engine = engine;
        facetsConfig.setMultiValued(IndexFields.DIM_FACTOR, true);
        for (String dim : List.of(IndexFields.DIM_FACTOR, IndexFields.DIM_ACT, IndexFields.DIM_LANGUAGE)) {
            // the filters search the plain factor, act and language fields: no drill-down terms to index
            facetsConfig.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        Map<String, Analyzer> perField = new HashMap<>();
        for (Language l : Language.values()) {
            perField.put(IndexFields.text(l), LegalTextAnalyzer.forLanguage(l));
        }
        perField.put(IndexFields.EXACT, new ExactTextAnalyzer());
        this.analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
        this.directory = FSDirectory.open(folder);
        if (forSearch) {
            this.writer = null;
            try {
                this.searchers = new SearcherManager(directory, new FacetedSearcherFactory());
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
            return;
        }
        IndexWriter w;
        try {
            w = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        try {
            checkFormat(w, folder);
        } catch (IOException e) {
            w.close();
            directory.close();
            throw e;
        }
        this.writer = w;
        this.searchers = new SearcherManager(writer, new FacetedSearcherFactory());
    }

    /**
     * An index made by an earlier build, whose text fields have offsets, cannot take this build's documents
     * (Lucene keeps a field's options for good): say so rather than fail on the first add.
     */
    private static void checkFormat(IndexWriter w, Path folder) throws IOException {
        if (w.getDocStats().maxDoc == 0) {
            return;
        }
        try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(w)) {
            org.apache.lucene.index.FieldInfos infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(r);
            List<String> fields = new ArrayList<>(List.of(IndexFields.EXACT));
            for (Language l : Language.values()) {
                fields.add(IndexFields.text(l));
            }
            for (String field : fields) {
                org.apache.lucene.index.FieldInfo info = infos.fieldInfo(field);
                if (info != null && info.getIndexOptions() != UNSTORED_TEXT.indexOptions()) {
                    throw new IOException("the index in " + folder + " was made by an earlier version (its field " + field
                            + " has offsets): delete the folder and index the acts again");
                }
            }
        }
    }

    /**
     * Opens the index in {@code folder} to search it and delete acts, creating the folder and an empty index
     * if there are none; {@link #add(Path...)} needs the engine of {@link #open(Path, RiskEngine)}.
     *
     * @param folder the index folder
     * @throws IOException when the folder cannot be created or opened, or another writer holds its lock
     */
    public static ProvisionIndex open(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new ProvisionIndex(folder, null);
    }

    /**
     * Opens an index only to search it: the folder is not locked, so {@code index} (another process, say) may
     * update it meanwhile, and each search sees its last commit. {@link #add} and {@link #delete} refuse.
     *
     * @param folder the index folder
     * @throws IOException when the folder holds no index or cannot be read
     */
    public static ProvisionIndex openForSearch(Path folder) throws IOException {
        if (!exists(folder)) {
            throw new IOException("no index in " + folder);
        }
        return new ProvisionIndex(folder, null, true);
    }

    /**
     * Whether {@code folder} holds an index.
     *
     * @param folder the index folder
     * @throws IOException when the folder cannot be read
     */
    public static boolean exists(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory d = FSDirectory.open(folder)) {
            return org.apache.lucene.index.DirectoryReader.indexExists(d);
        }
    }

    /**
     * Opens the index in {@code folder}, creating the folder and an empty index if there are none.
     *
     * @param folder the index folder
     * @param engine the engine that reads and scans the files added
     * @throws IOException when the folder cannot be created or opened, or another writer holds its lock
     */
    public static ProvisionIndex open(Path folder, RiskEngine engine) throws IOException {
        Files.createDirectories(folder);
        return new ProvisionIndex(folder, engine);
    }

    /**
     * Reads, scans and indexes files; unchanged files are skipped, changed ones replaced. Files that
     * cannot be read are reported in the summary, the others indexed. Everything is committed on return.
     *
     * @param files the files to index
     * @return what was done
     * @throws IOException           when the index cannot be written
     * @throws IllegalStateException when the index was opened without an engine
     */
    public IndexSummary add(Path... files) throws IOException {
        return add(Review.NONE, files);
    }

    /**
     * Reads, scans and indexes files as an expert's review left them: a file's findings the review struck out
     * are not indexed, those it confirmed or added are marked ({@link SearchHit#expert()},
     * {@link SearchOptions#withConfirmed}). A file is taken as unchanged only when both its content and the
     * review's decisions on it ({@link Review#fingerprint}) are those indexed, so indexing it again with a
     * changed review, or with none, replaces it. Otherwise as {@link #add(Path...)}.
     *
     * @param review the expert's decisions, by file name ({@link Review#act}); {@link Review#NONE} for none
     * @param files  the files to index
     * @return what was done, with the decisions applied and those whose provision is no longer as reviewed
     * @throws IOException           when the index cannot be written
     * @throws IllegalStateException when the index was opened without an engine
     */
    public IndexSummary add(Review review, Path... files) throws IOException {
        Objects.requireNonNull(review, "review");
        writable();
        if (engine == null && files.length > 0) {
            throw new IllegalStateException("the index was opened without an engine: it cannot read files");
        }
        long t0 = System.nanoTime();
        int added = 0;
        int unchanged = 0;
        int replaced = 0;
        int provisions = 0;
        int decisions = 0;
        List<String> stale = new ArrayList<>();
        List<ActChange> changes = new ArrayList<>();
        List<IndexSummary.Problem> problems = new ArrayList<>();
        writing.lock();
        ExecutorService scanner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "index-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            // One snapshot for the whole call: first decide, from the hashes alone, which files to scan…
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            List<Planned> plan = new ArrayList<>();
            try {
                Map<String, String> plannedPaths = new HashMap<>();
                Map<String, String> plannedHashes = new HashMap<>();
                for (Path file : files) {
                    String path = file.toAbsolutePath().normalize().toString();
                    String content;
                    try {
                        content = sha256(file);
                    } catch (IOException e) {
                        problems.add(new IndexSummary.Problem(file.toString(), "cannot read: " + e.getMessage()));
                        continue;
                    }
                    // the review's decisions on the file are part of what is indexed: another review, another act
                    String reviewed = review.fingerprint(Review.act(file.toString()));
                    String hash = reviewed.isEmpty() ? content : content + REVIEWED + reviewed;
                    if (plannedPaths.containsKey(path)) {
                        unchanged++; // the same file twice in one call
                        continue;
                    }
                    Optional<IndexedAct> atPath = act(s, IndexFields.PATH, path);
                    String copyOf = plannedHashes.get(hash);
                    boolean sameContent = copyOf != null
                            || act(s, IndexFields.HASH, hash).filter(a -> !plannedPaths.containsKey(a.path())).isPresent();
                    if (atPath.map(a -> a.hash().equals(hash)).orElse(sameContent)) {
                        if (copyOf != null && atPath.isEmpty()) {
                            plan.add(new Planned(file, path, hash, atPath, copyOf)); // unchanged if that copy is indexed
                        } else {
                            LOG.debug("{}: unchanged (content already indexed)", file);
                            unchanged++;
                        }
                        continue;
                    }
                    plannedPaths.put(path, hash);
                    plannedHashes.putIfAbsent(hash, path);
                    plan.add(new Planned(file, path, hash, atPath, null));
                }
                // …then scan one file ahead on another thread while this one indexes the file before it.
                Map<String, IndexedAct> written = new HashMap<>();
                List<Future<ScannedDocument>> scans = new ArrayList<>();
                for (int i = 0; i < plan.size(); i++) {
                    while (scans.size() < plan.size() && scans.size() <= i + SCAN_AHEAD) {
                        Planned next = plan.get(scans.size());
                        scans.add(next.copyOf() != null ? null : scanner.submit(() -> engine.scanDocumentKeepingWords(next.file())));
                    }
                    Planned p = plan.get(i);
                    if (p.copyOf() != null) {
                        if (written.containsKey(p.copyOf())) {
                            LOG.debug("{}: unchanged (same content as {})", p.file(), p.copyOf());
                            unchanged++;
                        } else {
                            problems.add(new IndexSummary.Problem(p.file().toString(), "same content as " + p.copyOf() + ", which could not be read"));
                        }
                        continue;
                    }
                    ScannedDocument scanned;
                    try {
                        scanned = scanned(scans.get(i));
                    } catch (DocumentReadException e) {
                        problems.add(new IndexSummary.Problem(p.file().toString(), e.getMessage()));
                        continue;
                    } finally {
                        scans.set(i, null);
                    }
                    Review.Applied applied = review.apply(scanned, engine.catalogue());
                    scanned = applied.document();
                    decisions += applied.applied();
                    applied.stale().forEach(d -> stale.add(d.act() + ": " + d.provision()));
                    String id = p.atPath().isPresent() ? p.atPath().get().id() : freeId(s, stem(p.file()), written);
                    ActDocuments docs = new ActDocuments(id, p.path(), p.hash(), title(scanned.document(), p.file()), scanned,
                            Review.jsonLines(review.decidedOn(Review.act(p.file().toString()))));
                    if (p.atPath().isPresent()) {
                        ActChange change = change(s, p.atPath().get(), docs.factorsByCitation(), scanned.report().findings().size());
                        if (change.changed()) {
                            changes.add(change);
                        }
                    }
                    // One block, one delete: a snapshot sees the old act or the new one, never a mix.
                    // (a changed file keeps its act's id: the id names every document of the act)
                    writer.updateDocuments(new Term(IndexFields.ACT, id), docs);
                    int count = scanned.document().provisions().size();
                    written.put(p.path(), new IndexedAct(id, "", p.path(), p.hash(), scanned.document().language(), scanned.report().score(),
                            count, docs.leadIns(), scanned.report().findings().size()));
                    provisions += count;
                    if (p.atPath().isPresent()) {
                        replaced++;
                        LOG.debug("{}: replaced act {} ({} provisions)", p.file(), id, count);
                    } else {
                        added++;
                        LOG.debug("{}: added as act {} ({} provisions)", p.file(), id, count);
                    }
                }
            } finally {
                searchers.release(s);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } finally {
            scanner.shutdownNow();
            writing.unlock();
        }
        IndexSummary summary = new IndexSummary(added, unchanged, replaced, 0, provisions,
                Duration.ofNanos(System.nanoTime() - t0), problems, decisions, stale, changes);
        LOG.info("index: {}", summary.line());
        return summary;
    }

    /**
     * How the findings of {@code before} (as the snapshot {@code s} holds it) change to {@code after} (citation → factor
     * codes, in text order): the factors gone and come, by citation.
     */
    private static ActChange change(IndexSearcher s, IndexedAct before, Map<String, Set<String>> after, int findingsAfter) throws IOException {
        Query provisions = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.ACT, before.id())), BooleanClause.Occur.FILTER)
                .add(PROVISIONS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.PART, IndexFields.PART_LEAD_IN)), BooleanClause.Occur.MUST_NOT)
                .build();
        record Indexed(int start, String citation, List<String> factors) {
        }
        List<Indexed> read = new ArrayList<>();
        for (ScoreDoc sd : s.search(provisions, Math.max(1, before.provisions())).scoreDocs) {
            Document d = s.storedFields().document(sd.doc, Set.of(IndexFields.START, IndexFields.CITATION, IndexFields.FACTOR));
            read.add(new Indexed(d.getField(IndexFields.START).numericValue().intValue(), d.get(IndexFields.CITATION),
                    List.of(d.getValues(IndexFields.FACTOR))));
        }
        read.sort(Comparator.comparingInt(Indexed::start));
        Map<String, Set<String>> earlier = new LinkedHashMap<>();
        for (Indexed r : read) {
            earlier.computeIfAbsent(r.citation(), c -> new LinkedHashSet<>()).addAll(r.factors());
        }
        return new ActChange(before.id(), before.findings(), findingsAfter, missing(earlier, after), missing(after, earlier));
    }

    /** The factors of {@code from} that {@code in} does not carry at the same citation, in {@code from}'s order. */
    private static List<ActChange.FactorAt> missing(Map<String, Set<String>> from, Map<String, Set<String>> in) {
        List<ActChange.FactorAt> missing = new ArrayList<>();
        from.forEach((citation, codes) -> codes.stream().filter(code -> !in.getOrDefault(citation, Set.of()).contains(code))
                .forEach(code -> missing.add(new ActChange.FactorAt(citation, code))));
        return missing;
    }

    /**
     * The expert's review lines the act was indexed with ({@link #add(Review, Path...)}), as JSON lines; empty when it
     * went in with none, or the index holds no such act. {@link Review#read} reads them with the catalogue in force.
     *
     * @param id an act id
     * @throws IOException when the index cannot be read
     */
    public String reviewOf(String id) throws IOException {
        IndexSearcher s = acquire();
        try {
            ScoreDoc[] found = s.search(actQuery(IndexFields.ACT, id), 1).scoreDocs;
            String lines = found.length == 0 ? null : s.storedFields().document(found[0].doc, Set.of(IndexFields.REVIEW)).get(IndexFields.REVIEW);
            return lines == null ? "" : lines;
        } finally {
            searchers.release(s);
        }
    }

    /** A file to index, decided before any is scanned; {@code copyOf} names a file of this call with the same content. */
    private record Planned(Path file, String path, String hash, Optional<IndexedAct> atPath, String copyOf) {
    }

    /** The scan's result, its read error as such; anything else it threw, thrown here. */
    private static ScannedDocument scanned(Future<ScannedDocument> scan) throws IOException {
        try {
            return scan.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while indexing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Removes an act and all its provisions, committed on return.
     *
     * @param actOrPath the act id, or the path of its file
     * @return whether an act was removed
     * @throws IOException when the index cannot be written
     */
    public boolean delete(String actOrPath) throws IOException {
        writable();
        writing.lock();
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            Optional<IndexedAct> act;
            try {
                act = act(s, IndexFields.ACT, actOrPath);
                if (act.isEmpty()) {
                    act = act(s, IndexFields.PATH, Path.of(actOrPath).toAbsolutePath().normalize().toString());
                }
            } catch (java.nio.file.InvalidPathException e) {
                act = Optional.empty();
            } finally {
                searchers.release(s);
            }
            if (act.isEmpty()) {
                return false;
            }
            writer.deleteDocuments(new Term(IndexFields.ACT, act.get().id()));
            writer.commit();
            searchers.maybeRefreshBlocking();
            LOG.info("index: deleted act {} ({})", act.get().id(), act.get().path());
            return true;
        } finally {
            writing.unlock();
        }
    }

    /**
     * The act indexed under {@code id}, if any.
     *
     * @param id an act id ({@link SearchHit#act()})
     * @throws IOException when the index cannot be read
     */
    public Optional<IndexedAct> act(String id) throws IOException {
        IndexSearcher s = acquire();
        try {
            return actOrThrow(s, IndexFields.ACT, id);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Whether {@code file} holds the bytes {@code act} was indexed from (an expert's review it went in with aside).
     *
     * @throws IOException when the file cannot be read
     */
    public static boolean unchanged(IndexedAct act, Path file) throws IOException {
        return sha256(file).equals(act.fileHash());
    }

    /**
     * The acts in the index, by id.
     *
     * @throws IOException when the index cannot be read
     */
    public List<IndexedAct> acts() throws IOException {
        IndexSearcher s = acquire();
        try {
            TermQuery q = new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ACT));
            int n = Math.max(1, s.count(q));
            List<IndexedAct> acts = new ArrayList<>();
            for (ScoreDoc sd : s.search(q, n).scoreDocs) {
                acts.add(toAct(s.storedFields().document(sd.doc)));
            }
            acts.sort(Comparator.comparing(IndexedAct::id));
            return acts;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Searches the provisions.
     *
     * @param query   a query in Lucene's classic syntax (terms, {@code "phrases"}, {@code "phrase"~2},
     *                wildcards, {@code AND}/{@code OR}/{@code NOT}, {@code field:value}); terms are analysed
     *                with the language chain, so an inflected form finds the other forms of the word
     * @param options filters, ranking and limit
     * @return the hits and the facet counts, all from one snapshot
     * @throws IllegalArgumentException when the query is not valid Lucene syntax
     * @throws IOException              when the index cannot be read
     */
    public SearchResults search(String query, SearchOptions options) throws IOException {
        Query text = parse(query, options);
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(PROVISIONS, BooleanClause.Occur.FILTER);
        options.language().ifPresent(l -> b.add(new TermQuery(new Term(IndexFields.LANGUAGE, l.code())), BooleanClause.Occur.FILTER));
        filters(b, options);
        Query q = b.build();
        IndexSearcher s = acquire();
        try {
            FacetsCollectorManager.FacetsResult found;
            try {
                found = options.ranking() == SearchOptions.Ranking.SCORE
                        ? FacetsCollectorManager.search(s, q, options.limit(),
                                new Sort(new SortField(IndexFields.SCORE, SortField.Type.DOUBLE, true), SortField.FIELD_SCORE),
                                true, new FacetsCollectorManager())
                        : FacetsCollectorManager.search(s, q, options.limit(), new FacetsCollectorManager());
            } catch (IndexSearcher.TooManyClauses e) {
                throw new IllegalArgumentException("query expands to too many terms: " + query, e);
            }
            TopDocs top = found.topDocs();
            Map<String, Map<String, Long>> facets = facetCounts((FacetedSearcher) s, found);
            List<SearchHit> hits = hits(s, q, top.scoreDocs);
            return new SearchResults(top.totalHits.value, hits, facets);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Provisions that say the same thing as provision {@code citation} of act {@code act}: the same
     * citation in the act's other official language version when that is indexed (see
     * {@link #twinAct(String)}), then the provisions of the same language most alike by their words
     * (Lucene MoreLikeThis on the language-analysed text, with {@code settings}), the provision itself left
     * out; and for each of its findings, how many other acts use the words of its quote.
     *
     * @param act      the act id
     * @param citation the provision's citation ({@code Article 12, point 3})
     * @param options  filters and the limit of text matches (the twin is not counted); the language
     *                 filter is ignored: text matches are in the provision's language
     * @param settings how the MoreLikeThis query is built
     * @return the provision, its twin act, its formulas' use and the similar provisions
     * @throws IllegalArgumentException when the index has no such provision
     * @throws IOException              when the index cannot be read
     */
    public SimilarResults similar(String act, String citation, SearchOptions options, SimilarSettings settings) throws IOException {
        IndexSearcher s = acquire();
        try {
            ScoreDoc[] self = s.search(provision(act, citation), 1).scoreDocs;
            if (self.length == 0) {
                throw new IllegalArgumentException("no provision «" + citation + "» of act " + act + " in the index");
            }
            Document d = s.storedFields().document(self[0].doc);
            Language lang = Language.fromCode(d.get(IndexFields.LANGUAGE)).orElse(Language.EN);
            List<SimilarHit> hits = new ArrayList<>();
            Optional<String> twin = twinAct(s, act, lang);
            if (twin.isPresent()) {
                for (ScoreDoc other : s.search(provision(twin.get(), citation), 1).scoreDocs) {
                    hits.add(new SimilarHit(hit(new ActNames(s), s.storedFields().document(other.doc), 0f, null), SimilarHit.Match.TWIN));
                }
            }
            hits.addAll(moreLikeThis(s, d.get(IndexFields.text(lang)), lang, options, settings, self[0].doc));
            List<FormulaUse> formulas = new ArrayList<>();
            for (String f : d.getValues(IndexFields.QUOTE)) {
                int tab = f.indexOf('\t');
                formulas.add(formulaUse(s, act, f.substring(0, tab), f.substring(tab + 1)));
            }
            return new SimilarResults(Optional.of(hit(new ActNames(s), d, 0f, null)), twin, formulas, hits);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Provisions whose words are most like {@code text}, in one language (Lucene MoreLikeThis on the
     * language-analysed text).
     *
     * @param text     any text: a provision, a formula
     * @param language the language to analyse it in and search
     * @param options  filters and the limit; the language filter is ignored for {@code language}
     * @param settings how the MoreLikeThis query is built
     * @return the provisions, best first
     * @throws IllegalArgumentException when the text is blank
     * @throws IOException              when the index cannot be read
     */
    public SimilarResults similar(String text, Language language, SearchOptions options, SimilarSettings settings) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty text");
        }
        IndexSearcher s = acquire();
        try {
            return new SimilarResults(Optional.empty(), Optional.empty(), List.of(),
                    moreLikeThis(s, text, language, options, settings, -1));
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The other official language version of an act, when it is indexed: the act in another language
     * (Kazakh for Russian, Russian for Kazakh) with the same numbering (at least {@value #TWIN_CITATIONS}
     * of the citations of both, Jaccard) and the same numbers in its text (years, sums, terms, references:
     * at least {@value #TWIN_NUMBERS}, Jaccard), the best such act.
     *
     * @param act the act id
     * @return the twin act's id, or empty
     * @throws IOException when the index cannot be read
     */
    public Optional<String> twinAct(String act) throws IOException {
        IndexSearcher s = acquire();
        try {
            return act(s, IndexFields.ACT, act).flatMap(a -> twinAct(s, act, a.language()));
        } finally {
            searchers.release(s);
        }
    }

    /**
     * How many other acts use the words of a finding's quote, in the same order (lower-cased, unstemmed).
     *
     * @param act   the act the finding is in (left out of the count)
     * @param code  the factor code
     * @param quote the quote
     * @return the count of other acts and of their provisions
     * @throws IOException when the index cannot be read
     */
    public FormulaUse formulaUse(String act, String code, String quote) throws IOException {
        IndexSearcher s = acquire();
        try {
            return formulaUse(s, act, code, quote);
        } finally {
            searchers.release(s);
        }
    }

    /** A searcher of the index as it stands: for an index opened for search, as last committed by its writer. */
    private IndexSearcher acquire() throws IOException {
        if (writer == null) {
            searchers.maybeRefresh();
        }
        return searchers.acquire();
    }

    private void writable() {
        if (writer == null) {
            throw new IllegalStateException("the index was opened for search only");
        }
    }

    /** Commits what is pending and closes the index. */
    @Override
    public void close() throws IOException {
        try (Directory d = directory; IndexWriter w = writer; SearcherManager m = searchers) {
            LOG.debug("closing index {}", d);
        }
    }

    private Query parse(String query, SearchOptions options) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
        List<String> fields = new ArrayList<>();
        if (options.exact()) {
            fields.add(IndexFields.EXACT);
        } else if (options.language().isPresent()) {
            fields.add(IndexFields.text(options.language().get()));
        } else {
            for (Language l : Language.values()) {
                fields.add(IndexFields.text(l));
            }
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            QueryParser parser = new QueryParser(field, analyzer);
            try {
                any.add(parser.parse(query), BooleanClause.Occur.SHOULD);
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad query «" + query + "»: " + firstLine(e.getMessage()), e);
            }
        }
        return fields.size() == 1 ? any.build().clauses().get(0).getQuery() : any.build();
    }

    private Map<String, Map<String, Long>> facetCounts(FacetedSearcher s, FacetsCollectorManager.FacetsResult found) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (s.state == null) {
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(s.state, found.facetsCollector());
        for (String dim : List.of(IndexFields.DIM_FACTOR, IndexFields.DIM_ACT, IndexFields.DIM_LANGUAGE)) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = counts.getTopChildren(MAX_FACET_VALUES, dim);
            } catch (IllegalArgumentException e) {
                r = null; // a dimension with no value in this snapshot
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private List<SearchHit> hits(IndexSearcher s, Query q, ScoreDoc[] found) throws IOException {
        int[] docIds = new int[found.length];
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = found[i].doc;
        }
        // only the text fields the query searches: a field it does not touch would give an unmarked passage, at a cost
        Set<String> queried = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                queried.add(field);
                return true;
            }
        });
        // …and of those, only the languages of the hits: a Kazakh field has nothing to mark in Russian hits
        Document[] docs = new Document[docIds.length];
        Set<Language> languages = java.util.EnumSet.noneOf(Language.class);
        org.apache.lucene.index.StoredFields stored = s.storedFields();
        for (int i = 0; i < docIds.length; i++) {
            docs[i] = stored.document(docIds[i]);
            languages.add(Language.fromCode(docs[i].get(IndexFields.LANGUAGE)).orElse(Language.EN));
        }
        List<String> textFields = new ArrayList<>();
        for (Language l : languages) {
            textFields.add(IndexFields.text(l));
        }
        textFields.add(IndexFields.EXACT);
        String[] fields = textFields.stream().filter(queried::contains).toArray(String[]::new);
        int[] onePassage = new int[fields.length];
        java.util.Arrays.fill(onePassage, 1);
        Map<String, Object[]> snippets = fields.length == 0 ? Map.of()
                : new SnippetHighlighter(UnifiedHighlighter.builder(s, analyzer)
                        .withFormatter(new SnippetFormatter())
                        .withMaxLength(100_000)).snippets(fields, q, docIds, onePassage);
        List<SearchHit> hits = new ArrayList<>();
        ActNames acts = new ActNames(s);
        for (int i = 0; i < docIds.length; i++) {
            Document d = docs[i];
            Language lang = Language.fromCode(d.get(IndexFields.LANGUAGE)).orElse(Language.EN);
            Snippet best = null;
            for (String f : fields) {
                if (snippets.get(f)[i] instanceof Snippet sn
                        && (best == null || (best.hits().isEmpty() && !sn.hits().isEmpty()) || f.equals(IndexFields.text(lang)) && best.hits().isEmpty())) {
                    best = sn;
                }
            }
            hits.add(hit(acts, d, found[i].score, best));
        }
        return hits;
    }

    /** A provision document as a hit; without a snippet, the start of its text. Its act's title and path from {@code acts}. */
    private static SearchHit hit(ActNames acts, Document d, float relevance, Snippet snippet) throws IOException {
        Language lang = Language.fromCode(d.get(IndexFields.LANGUAGE)).orElse(Language.EN);
        IndexedAct act = acts.of(d.get(IndexFields.ACT));
        if (snippet == null || snippet.text().isEmpty()) {
            String text = String.valueOf(d.get(IndexFields.text(lang)));
            snippet = new Snippet(text.length() <= 300 ? text : text.substring(0, 300), 0, List.of());
        }
        String severity = d.get(IndexFields.SEVERITY);
        List<ActReference> references = new ArrayList<>();
        for (String stored : d.getValues(IndexFields.REFERENCE)) {
            ActReferenceFinder.Found ref = ActReferenceFinder.Found.parse(stored);
            references.add(new ActReference(ref.text(), acts.titled(ref, lang)));
        }
        return new SearchHit(d.get(IndexFields.ACT), act == null ? "" : act.title(), act == null ? "" : act.path(),
                d.get(IndexFields.CITATION), d.getField(IndexFields.START).numericValue().intValue(), lang,
                IndexFields.PART_LEAD_IN.equals(d.get(IndexFields.PART)), relevance, d.getField(IndexFields.SCORE).numericValue().doubleValue(),
                Optional.ofNullable(severity).map(Severity::parse), List.of(d.getValues(IndexFields.FACTOR)), expert(d), snippet, references);
    }

    /** The expert's decisions a provision document holds, by factor code. */
    private static Map<String, String> expert(Document d) {
        Map<String, String> decisions = new TreeMap<>();
        for (String stored : d.getValues(IndexFields.EXPERT)) {
            int tab = stored.indexOf('\t');
            decisions.put(stored.substring(0, tab), stored.substring(tab + 1));
        }
        return decisions;
    }

    /**
     * The Lucene documents of one scanned act, each built when the index writer asks for it: a provision's
     * lead-in (when it opens a list), the provision, and last the act. Built one at a time, a document is
     * garbage as soon as it is indexed; a whole act's documents built up front (thousands for a code, each
     * with a copy of its text) lived through the young collections that ran meanwhile, copied by each.
     */
    private final class ActDocuments implements Iterable<Document> {
        private final String id;
        private final String path;
        private final String hash;
        private final String title;
        private final ScannedDocument scanned;
        /** The expert's review lines on this act ("" for none): kept on the act document. */
        private final String reviewLines;
        private final Map<Integer, List<Finding>> findingsAt = new HashMap<>();
        private final Map<Integer, Double> scoreAt = new HashMap<>();
        private final Set<Integer> leadIns = new HashSet<>();

        ActDocuments(String id, String path, String hash, String title, ScannedDocument scanned, String reviewLines) {
            this.reviewLines = reviewLines;
            this.id = id;
            this.path = path;
            this.hash = hash;
            this.title = title;
            this.scanned = scanned;
            // Findings name their provision by citation and offsets; offsets are unique where citations may not be.
            for (Finding f : scanned.report().findings()) {
                if (f.location() instanceof ProvisionLocation pl) {
                    findingsAt.computeIfAbsent(pl.provisionStart(), k -> new ArrayList<>()).add(f);
                }
            }
            for (ProvisionScore ps : scanned.report().provisions()) {
                scoreAt.put(ps.start(), ps.score());
            }
        }

        /** The factor codes of the act's provisions by citation, in text order (as the provision documents carry them). */
        Map<String, Set<String>> factorsByCitation() {
            Map<String, Set<String>> byCitation = new LinkedHashMap<>();
            for (Provision p : scanned.document().provisions()) {
                Set<String> codes = byCitation.computeIfAbsent(p.citation(), c -> new LinkedHashSet<>());
                findingsAt.getOrDefault(p.start(), List.of()).stream().map(Finding::code).sorted().forEach(codes::add);
            }
            return byCitation;
        }

        /** The lead-ins given a document of their own so far: all of them once the documents have been iterated. */
        int leadIns() {
            return leadIns.size();
        }

        @Override
        public java.util.Iterator<Document> iterator() {
            List<Provision> provisions = scanned.document().provisions();
            leadIns.clear();
            return new java.util.Iterator<>() {
                private int next;
                private boolean leadInDone;
                private boolean actDone;

                @Override
                public boolean hasNext() {
                    return !actDone;
                }

                @Override
                public Document next() {
                    if (next < provisions.size()) {
                        Provision p = provisions.get(next);
                        if (!leadInDone) {
                            leadInDone = true;
                            if (p.hasLeadIn() && leadIns.add(p.leadInStart())) {
                                return leadIn(p);
                            }
                        }
                        next++;
                        leadInDone = false;
                        return provision(p);
                    }
                    if (actDone) {
                        throw new java.util.NoSuchElementException();
                    }
                    actDone = true;
                    return act();
                }
            };
        }

        /** The words introducing a list belong to no item's own text: a document of their own, before the first item. */
        private Document leadIn(Provision p) {
            ParsedDocument doc = scanned.document();
            List<CitationLevel> parent = p.path().subList(0, Math.max(0, p.path().size() - 1));
            Document d = new Document();
            common(d, IndexFields.KIND_PROVISION, id, title, doc.language(), path, hash);
            d.add(new StringField(IndexFields.PART, IndexFields.PART_LEAD_IN, Field.Store.YES));
            d.add(new StringField(IndexFields.CITATION, parent.isEmpty() ? p.articleCitation() : CitationLevel.format(parent), Field.Store.YES));
            text(d, doc, scanned, p.leadInStart(), p.leadInEnd());
            score(d, 0.0);
            return withFacets(d);
        }

        private Document provision(Provision p) {
            ParsedDocument doc = scanned.document();
            Document d = new Document();
            common(d, IndexFields.KIND_PROVISION, id, title, doc.language(), path, hash);
            d.add(new StringField(IndexFields.CITATION, p.citation(), Field.Store.YES));
            text(d, doc, scanned, p.start(), p.end());
            List<Finding> findings = findingsAt.getOrDefault(p.start(), List.of());
            Severity max = null;
            for (String code : new TreeSet<>(findings.stream().map(Finding::code).toList())) {
                d.add(new StringField(IndexFields.FACTOR, code, Field.Store.YES));
                d.add(new SortedSetDocValuesFacetField(IndexFields.DIM_FACTOR, code));
            }
            for (Finding f : findings) {
                String decision = Review.decision(f);
                if (decision != null) {
                    d.add(new StringField(IndexFields.EXPERT_FACTOR, f.code(), Field.Store.NO));
                    d.add(new StoredField(IndexFields.EXPERT, f.code() + "\t" + decision));
                }
            }
            for (Finding f : findings) {
                max = max == null || f.severity().compareTo(max) > 0 ? f.severity() : max;
                if (f.location() instanceof ProvisionLocation at) {
                    d.add(new StoredField(IndexFields.QUOTE, f.code() + "\t" + at.quote()));
                }
            }
            if (max != null) {
                d.add(new StringField(IndexFields.SEVERITY, max.toString(), Field.Store.YES));
            }
            score(d, scoreAt.getOrDefault(p.start(), 0.0));
            return withFacets(d);
        }

        private Document act() {
            ParsedDocument doc = scanned.document();
            ScanReport report = scanned.report();
            Document act = new Document();
            common(act, IndexFields.KIND_ACT, id, title, doc.language(), path, hash);
            act.add(new StringField(IndexFields.TITLE_KEY, ActReferenceFinder.key(title, doc.language()), Field.Store.NO));
            score(act, report.score());
            act.add(new StoredField(IndexFields.PROVISIONS, doc.provisions().size()));
            act.add(new StoredField(IndexFields.LEAD_INS, leadIns.size()));
            act.add(new StoredField(IndexFields.FINDINGS, report.findings().size()));
            if (!reviewLines.isEmpty()) {
                act.add(new StoredField(IndexFields.REVIEW, reviewLines));
            }
            return act;
        }

        /** A provision's or lead-in's document with the act and language facets, built for the facets module. */
        private Document withFacets(Document d) {
            d.add(new SortedSetDocValuesFacetField(IndexFields.DIM_ACT, id));
            d.add(new SortedSetDocValuesFacetField(IndexFields.DIM_LANGUAGE, scanned.document().language().code()));
            try {
                return facetsConfig.build(d);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The text {@code [start, end)} of the document: stored in the language field, indexed there and in the
     * exact field, and the references to other acts it makes.
     */
    private static void text(Document d, ParsedDocument doc, ScannedDocument scanned, int start, int end) {
        String text = doc.text().substring(start, end);
        String field = IndexFields.text(doc.language());
        d.add(new StoredField(IndexFields.START, start));
        List<Token> words = scanned.words().within(start, end);
        if (words.isEmpty()) {
            d.add(new Field(field, text, TEXT));
            d.add(new Field(IndexFields.EXACT, text, UNSTORED_TEXT));
        } else {
            // the scan's own words: the text is not analysed a second time
            d.add(new StoredField(field, text));
            d.add(new Field(field, new AnalysedWordsStream(words, doc.text(), start, text.length(), false), UNSTORED_TEXT));
            d.add(new Field(IndexFields.EXACT, new AnalysedWordsStream(words, doc.text(), start, text.length(), true), UNSTORED_TEXT));
        }
        for (ActReferenceFinder.Found ref : ActReferenceFinder.find(text, doc.language())) {
            d.add(new StoredField(IndexFields.REFERENCE, ref.stored()));
        }
    }

    /**
     * The act's title: the document's own (metadata), else its heading (the first line before its first
     * provision, as Markdown and text acts carry it), else the file name.
     */
    static String title(ParsedDocument doc, Path file) {
        for (String key : List.of("title", "dc:title")) {
            String t = doc.metadata().get(key);
            if (t != null && !t.isBlank()) {
                return t.strip();
            }
        }
        int before = doc.provisions().isEmpty() ? doc.text().length() : doc.provisions().get(0).start();
        for (String line : doc.text().substring(0, Math.min(before, doc.text().length())).split("\\R")) {
            String heading = line.replaceFirst("^\\s*#+\\s*", "").strip();
            if (!heading.isEmpty()) {
                return heading.length() <= MAX_TITLE ? heading : String.valueOf(file.getFileName());
            }
        }
        return String.valueOf(file.getFileName());
    }

    private List<SimilarHit> moreLikeThis(IndexSearcher s, String text, Language lang, SearchOptions options, SimilarSettings settings,
                                          int self) throws IOException {
        String field = IndexFields.text(lang);
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {field});
        mlt.setMinTermFreq(1);
        // a provision of the index counts itself among the provisions that have its words; a text does not
        mlt.setMinDocFreq(self >= 0 ? settings.minDocFreq() : Math.max(1, settings.minDocFreq() - 1));
        mlt.setMaxDocFreqPct(settings.maxDocFreqPercent());
        mlt.setMaxQueryTerms(settings.maxQueryTerms());
        mlt.setMinWordLen(2);
        mlt.setBoost(true);
        Query like = mlt.like(field, new StringReader(text));
        if (!(like instanceof BooleanQuery words) || words.clauses().isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        words.clauses().forEach(any::add);
        any.setMinimumNumberShouldMatch((int) Math.ceil(settings.minShouldMatch() * words.clauses().size()));
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(PROVISIONS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.LANGUAGE, lang.code())), BooleanClause.Occur.FILTER);
        filters(b, options);
        Query q = b.build();
        ScoreDoc[] found = s.search(q, options.limit() + 1).scoreDocs;
        List<ScoreDoc> kept = new ArrayList<>();
        for (ScoreDoc sd : found) {
            if (sd.doc != self && kept.size() < options.limit()) {
                kept.add(sd);
            }
        }
        List<SimilarHit> out = new ArrayList<>();
        for (SearchHit h : hits(s, q, kept.toArray(ScoreDoc[]::new))) {
            out.add(new SimilarHit(h, SimilarHit.Match.TEXT));
        }
        return out;
    }

    private static void filters(BooleanQuery.Builder b, SearchOptions options) {
        if (!options.factors().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            options.factors().forEach(f -> any.add(new TermQuery(new Term(IndexFields.FACTOR, f)), BooleanClause.Occur.SHOULD));
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        options.act().ifPresent(a -> b.add(new TermQuery(new Term(IndexFields.ACT, a)), BooleanClause.Occur.FILTER));
        if (options.confirmed()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            if (options.factors().isEmpty()) {
                any.add(new org.apache.lucene.search.TermRangeQuery(IndexFields.EXPERT_FACTOR, null, null, true, true), BooleanClause.Occur.SHOULD);
            } else {
                options.factors().forEach(f -> any.add(new TermQuery(new Term(IndexFields.EXPERT_FACTOR, f)), BooleanClause.Occur.SHOULD));
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (options.minScore() > 0) {
            b.add(DoublePoint.newRangeQuery(IndexFields.SCORE, options.minScore(), Double.POSITIVE_INFINITY), BooleanClause.Occur.FILTER);
        }
    }

    private static Query provision(String act, String citation) {
        return new BooleanQuery.Builder()
                .add(PROVISIONS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.ACT, act)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.CITATION, citation)), BooleanClause.Occur.FILTER)
                .build();
    }

    /** An act's citations and the numbers in its text: what two language versions of one act share. */
    private record Outline(Set<String> citations, Set<String> numbers) {
        static Outline of(IndexSearcher s, String act, Language lang) throws IOException {
            Query q = new BooleanQuery.Builder()
                    .add(PROVISIONS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ACT, act)), BooleanClause.Occur.FILTER)
                    .build();
            Set<String> citations = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            for (ScoreDoc sd : s.search(q, Math.max(1, s.count(q))).scoreDocs) {
                Document d = s.storedFields().document(sd.doc, Set.of(IndexFields.CITATION, IndexFields.text(lang)));
                citations.add(d.get(IndexFields.CITATION));
                Matcher m = NUMBER.matcher(String.valueOf(d.get(IndexFields.text(lang))));
                while (m.find()) {
                    numbers.add(m.group());
                }
            }
            return new Outline(citations, numbers);
        }

        static double jaccard(Set<String> a, Set<String> b) {
            if (a.isEmpty() && b.isEmpty()) {
                return 0;
            }
            long common = a.stream().filter(b::contains).count();
            return (double) common / (a.size() + b.size() - common);
        }
    }

    private Optional<String> twinAct(IndexSearcher s, String act, Language lang) {
        if (lang == Language.EN) {
            return Optional.empty();
        }
        try {
            Language other = lang == Language.KK ? Language.RU : Language.KK;
            Outline mine = Outline.of(s, act, lang);
            if (mine.numbers().isEmpty()) {
                return Optional.empty();
            }
            // candidates: the acts of the other language sharing most of these numbers (each number counted once per act)
            Map<String, Integer> shared = new HashMap<>();
            for (String n : mine.numbers().stream().sorted().limit(MAX_TWIN_NUMBERS).toList()) {
                Query q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.EXACT, n)), BooleanClause.Occur.MUST)
                        .add(PROVISIONS, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.LANGUAGE, other.code())), BooleanClause.Occur.FILTER)
                        .build();
                FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(s, q, 1, new FacetsCollectorManager());
                facetCounts((FacetedSearcher) s, found).getOrDefault(IndexFields.DIM_ACT, Map.of()).keySet()
                        .forEach(a -> shared.merge(a, 1, Integer::sum));
            }
            List<String> candidates = shared.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TWIN_CANDIDATES).map(Map.Entry::getKey).toList();
            String best = null;
            double bestScore = 0;
            for (String candidate : candidates) {
                Outline theirs = Outline.of(s, candidate, other);
                double citations = Outline.jaccard(mine.citations(), theirs.citations());
                double numbers = Outline.jaccard(mine.numbers(), theirs.numbers());
                if (citations >= TWIN_CITATIONS && numbers >= TWIN_NUMBERS && citations + numbers > bestScore) {
                    best = candidate;
                    bestScore = citations + numbers;
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FormulaUse formulaUse(IndexSearcher s, String act, String code, String quote) throws IOException {
        Query phrase = new QueryBuilder(analyzer).createPhraseQuery(IndexFields.EXACT, quote);
        if (phrase == null) {
            return new FormulaUse(code, quote, 0, 0);
        }
        Query q = new BooleanQuery.Builder()
                .add(phrase, BooleanClause.Occur.MUST)
                .add(PROVISIONS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.ACT, act)), BooleanClause.Occur.MUST_NOT)
                .build();
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(s, q, 1, new FacetsCollectorManager());
        Map<String, Long> perAct = facetCounts((FacetedSearcher) s, found).getOrDefault(IndexFields.DIM_ACT, Map.of());
        return new FormulaUse(code, quote, perAct.size(), found.topDocs().totalHits.value);
    }

    private static void common(Document d, String kind, String id, String title, Language lang, String path, String hash) {
        d.add(new StringField(IndexFields.KIND, kind, Field.Store.NO));
        d.add(new StringField(IndexFields.ACT, id, Field.Store.YES));
        d.add(new StringField(IndexFields.LANGUAGE, lang.code(), Field.Store.YES));
        if (kind.equals(IndexFields.KIND_ACT)) {
            d.add(new StoredField(IndexFields.TITLE, title));
            d.add(new StringField(IndexFields.PATH, path, Field.Store.YES));
            d.add(new StringField(IndexFields.HASH, hash, Field.Store.YES));
        }
        // a provision's act title, path and hash are read from the act's document
    }

    private static void score(Document d, double score) {
        d.add(new DoublePoint(IndexFields.SCORE, score));
        d.add(new StoredField(IndexFields.SCORE, score));
        d.add(new DoubleDocValuesField(IndexFields.SCORE, score));
    }

    private static Optional<IndexedAct> act(IndexSearcher s, String field, String value) {
        try {
            return actOrThrow(s, field, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<IndexedAct> actOrThrow(IndexSearcher s, String field, String value) throws IOException {
        ScoreDoc[] found = s.search(actQuery(field, value), 1).scoreDocs;
        return found.length == 0 ? Optional.empty() : Optional.of(toAct(s.storedFields().document(found[0].doc)));
    }

    /** The act document whose {@code field} is {@code value}. */
    private static Query actQuery(String field, String value) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ACT)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static IndexedAct toAct(Document d) {
        return new IndexedAct(d.get(IndexFields.ACT), d.get(IndexFields.TITLE), d.get(IndexFields.PATH), d.get(IndexFields.HASH),
                Language.fromCode(d.get(IndexFields.LANGUAGE)).orElse(Language.EN),
                d.getField(IndexFields.SCORE).numericValue().doubleValue(),
                d.getField(IndexFields.PROVISIONS).numericValue().intValue(),
                d.getField(IndexFields.LEAD_INS) == null ? 0 : d.getField(IndexFields.LEAD_INS).numericValue().intValue(),
                d.getField(IndexFields.FINDINGS).numericValue().intValue());
    }

    private static String freeId(IndexSearcher s, String stem, Map<String, IndexedAct> written) {
        String id = stem;
        for (int n = 2; taken(s, id, written); n++) {
            id = stem + "-" + n;
        }
        return id;
    }

    private static boolean taken(IndexSearcher s, String id, Map<String, IndexedAct> written) {
        return written.values().stream().anyMatch(a -> a.id().equals(id)) || act(s, IndexFields.ACT, id).isPresent();
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The SHA-256 of a file's bytes, streamed through a small buffer: a whole file read at once is, for a large
     * act, an array big enough for G1 to treat as humongous (each such allocation can start a marking cycle).
     */
    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The parser's message without its list of expected tokens: one line for the user. */
    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /**
     * The acts of one snapshot by id and by title, each looked up once per snapshot: a hit takes its act's
     * title and path, and its references' acts, from here. A snapshot never changes, so neither do the answers.
     */
    private static final class ActNames {
        /** Lookups kept per snapshot at most (a long-lived snapshot searched with ever new references stays bounded). */
        private static final int MAX_KEPT = 10_000;

        private final IndexSearcher searcher;
        private final Map<String, Optional<IndexedAct>> read;
        private final Map<String, Optional<String>> titles;

        ActNames(IndexSearcher searcher) {
            this.searcher = searcher;
            if (searcher instanceof FacetedSearcher f) {
                read = f.acts;
                titles = f.titles;
            } else {
                read = new HashMap<>();
                titles = new HashMap<>();
            }
        }

        IndexedAct of(String id) throws IOException {
            Optional<IndexedAct> a = read.get(id);
            if (a == null) {
                a = actOrThrow(searcher, IndexFields.ACT, id);
                keep(read, id, a);
            }
            return a.orElse(null);
        }

        /** The indexed act a reference names by title: the one with the most words of it, or empty. */
        Optional<String> titled(ActReferenceFinder.Found ref, Language lang) throws IOException {
            for (String key : ActReferenceFinder.candidateKeys(ref, lang)) {
                Optional<String> found = titles.get(key);
                if (found == null) {
                    found = actOrThrow(searcher, IndexFields.TITLE_KEY, key).map(IndexedAct::id);
                    keep(titles, key, found);
                }
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        private static <V> void keep(Map<String, V> map, String key, V value) {
            if (map.size() >= MAX_KEPT) {
                map.clear();
            }
            map.put(key, value);
        }
    }

    /** The unified highlighter, its passages as {@link Snippet}s rather than marked-up strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> snippets(String[] fields, Query q, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, q, docIds, maxPassages);
        }

        /** The exact field is not stored: its text is that of the provision's language field. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            int exact = java.util.Arrays.asList(fields).indexOf(IndexFields.EXACT);
            if (exact < 0) {
                return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            }
            TreeSet<String> load = new TreeSet<>(java.util.Arrays.asList(fields));
            load.remove(IndexFields.EXACT);
            for (Language l : Language.values()) {
                load.add(IndexFields.text(l));
            }
            List<String> loaded = List.copyOf(load); // sorted, as the stored-field visitor needs
            List<CharSequence[]> out = new ArrayList<>();
            for (CharSequence[] values : super.loadFieldValues(loaded.toArray(String[]::new), docIter, cacheCharsThreshold)) {
                CharSequence[] row = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    if (i != exact) {
                        row[i] = values[loaded.indexOf(fields[i])];
                    }
                }
                for (Language l : Language.values()) {
                    CharSequence v = values[loaded.indexOf(IndexFields.text(l))];
                    if (v != null && row[exact] == null) {
                        row[exact] = v;
                    }
                }
                out.add(row);
            }
            return out;
        }
    }

    /** A searcher with the facet state of its reader, built once per snapshot. */
    private static final class FacetedSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState state;
        /** {@link ActNames}'s answers for this snapshot. */
        final Map<String, Optional<IndexedAct>> acts = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Optional<String>> titles = new java.util.concurrent.ConcurrentHashMap<>();

        FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState state) {
            super(reader);
            this.state = state;
        }
    }

    private final class FacetedSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            } catch (IllegalArgumentException e) {
                state = null; // no provision indexed yet
            }
            return new FacetedSearcher(reader, state);
        }
    }
}

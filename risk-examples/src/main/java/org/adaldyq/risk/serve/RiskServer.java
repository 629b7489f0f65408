package org.adaldyq.risk.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.report.TendersDashboard;
import org.adaldyq.risk.procurement.report.TendersReport;
import org.adaldyq.risk.report.writer.DocxPairReview;
import org.adaldyq.risk.report.writer.DocxConclusion;
import org.adaldyq.risk.report.writer.DocxReview;
import org.adaldyq.risk.report.writer.HtmlPairReport;
import org.adaldyq.risk.report.writer.HtmlReport;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.index.ProvisionIndex;
import org.adaldyq.risk.index.SearchJson;
import org.adaldyq.risk.index.SearchOptions;
import org.adaldyq.risk.index.SearchResults;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.report.writer.SarifWriter;
import org.adaldyq.risk.report.ScannedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}: the scanner in a browser. A page to upload drafts and see the annotated report, download
 * the DOCX with comments or the JSON, and a JSON API ({@code POST /api/scan}, {@code POST /api/tenders},
 * described by {@code /api/openapi.json}).
 *
 * <p>Built on the JDK's own HTTP server ({@code jdk.httpserver}): no further dependency. Requests are read
 * into memory up to a size limit and never written to disk by the server; a bounded pool serves them and a
 * bounded queue holds the waiting ones (beyond it: 503). Binds to the loopback interface unless told
 * otherwise.
 */
public final class RiskServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RiskServer.class);
    /** Reads the JSON of a pair request (the reports are written by {@link ReportJson}). */
    private static final com.fasterxml.jackson.databind.ObjectMapper REQUEST_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * What the server accepts.
     *
     * @param bind         address to listen on ({@code 127.0.0.1} by default)
     * @param port         port (0: any free one)
     * @param maxBytes     largest request body
     * @param threads      requests served at once
     * @param queue        requests that may wait for a thread; more are refused with 503
     */
    public record Options(String bind, int port, long maxBytes, int threads, int queue, java.nio.file.Path index, boolean readOnly) {
        /** Checks the numbers. */
        public Options {
            if (port < 0 || port > 65535 || maxBytes < 1 || threads < 1 || queue < 0) {
                throw new IllegalArgumentException("port 0-65535, positive size limit and threads, queue >= 0: "
                        + port + ", " + maxBytes + ", " + threads + ", " + queue);
            }
        }

        /** A server that searches {@code index} (null: none) and keeps the reviews its act pages save in it. */
        public Options(String bind, int port, long maxBytes, int threads, int queue, java.nio.file.Path index) {
            this(bind, port, maxBytes, threads, queue, index, false);
        }

        /** A server with no provision index to search. */
        public Options(String bind, int port, long maxBytes, int threads, int queue) {
            this(bind, port, maxBytes, threads, queue, null);
        }
    }

    /**
     * The author rule folders the server's engines load on top of the built-in packs, watched and reloaded when
     * their files change (the old rules keep serving when a reload fails); {@code onReload} is told of each
     * reload with the pack's name ({@code regulation}, {@code procurement}).
     *
     * @param regulation  regulation author folders, in order
     * @param procurement procurement author folders, in order
     * @param onReload    told of every reload, applied or not (on the watcher's thread)
     */
    public record Rules(List<java.nio.file.Path> regulation, List<java.nio.file.Path> procurement,
                        java.util.function.BiConsumer<String, org.adaldyq.risk.rules.RuleReload> onReload) {
        /** No author folders: the built-in packs as built. */
        public static final Rules BUILT_IN = new Rules(List.of(), List.of(), (pack, reload) -> { });

        /** Copies the folders; requires a listener. */
        public Rules {
            regulation = List.copyOf(regulation);
            procurement = List.copyOf(procurement);
            java.util.Objects.requireNonNull(onReload, "onReload");
        }
    }

    /** How often watched rule folders are looked at. */
    private static final java.time.Duration WATCH_INTERVAL = java.time.Duration.ofSeconds(1);

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final Rules rules;
    private final List<org.adaldyq.risk.rules.FolderWatch> watches = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The last reload of each pack's author folders, by pack name (none before the first). */
    private final Map<String, org.adaldyq.risk.rules.RuleReload> lastReload = new ConcurrentHashMap<>();
    private final RiskEngine engine;
    private final ProcurementEngine procurement;
    private final long maxBytes;
    private final Semaphore working;
    private final int admitted;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Language, ProcurementEngine> procurementByLanguage = new ConcurrentHashMap<>();
    /** The web app's pages, scripts (i18n.js: its own words in kk, ru and en, and the language switch) and style, by path. */
    private final Map<String, Asset> assets = new java.util.HashMap<>();
    private final byte[] openApi;
    /** The body of law to search ({@code /search}, {@code /api/search}); null when the server was started without one. */
    private final ProvisionIndex index;
    /** Its folder, where the reviews of its acts are written ({@code /api/act-review}); null when not to write there. */
    private final java.nio.file.Path indexToWrite;
    /** Whether the server listens on this machine only (the default): then it takes reviews only for a loopback host name. */
    private final boolean loopback;
    /** The most hits {@code /api/search?format=csv} writes. */
    private static final int CSV_LIMIT = 10_000;
    /** One review written to the index at a time. */
    private final java.util.concurrent.locks.ReentrantLock indexWrites = new java.util.concurrent.locks.ReentrantLock();

    private RiskServer(Options o, Rules rules) throws IOException {
        this.rules = rules;
        RiskEngine.Builder regulation = RiskEngine.builder().reloadListener(reload -> reloaded("regulation", reload));
        rules.regulation().forEach(regulation::rules);
        this.engine = regulation.build();
        if (!rules.regulation().isEmpty()) {
            watches.add(engine.watchRules(WATCH_INTERVAL));
        }
        try {
            this.procurement = procurementEngine(Language.EN);
        } catch (RuntimeException e) {
            watches.forEach(org.adaldyq.risk.rules.FolderWatch::close);
            throw e;
        }
        if (o.index() != null && !ProvisionIndex.exists(o.index())) {
            watches.forEach(org.adaldyq.risk.rules.FolderWatch::close);
            throw new IllegalArgumentException("no index in " + o.index() + ": run `index --dir " + o.index() + " PATH...` first");
        }
        this.index = o.index() == null ? null : ProvisionIndex.openForSearch(o.index());
        this.indexToWrite = o.readOnly() ? null : o.index();
        this.loopback = java.net.InetAddress.getByName(o.bind()).isLoopbackAddress();
        this.maxBytes = o.maxBytes();
        String searchLink = o.index() == null ? "" : "<a href=\"/search\" data-i18n=\"searchLink\">Search the body of law</a>";
        // an annotated page or a dashboard shown in a frame from a blob: URL inherits its page's policy: their scripts
        // are allowed by hash
        assets.put("/", Asset.html(new String(resource("upload.html"), StandardCharsets.UTF_8)
                .replace("{{report-script}}", HtmlReport.scriptSource() + " " + HtmlPairReport.scriptSource())
                .replace("{{search}}", searchLink)));
        assets.put("/search", Asset.html(new String(resource("search.html"), StandardCharsets.UTF_8)));
        assets.put("/tenders", Asset.html(new String(resource("tenders.html"), StandardCharsets.UTF_8)
                .replace("{{dashboard-script}}", org.adaldyq.risk.procurement.report.TendersDashboard.scriptSource())
                .replace("{{search}}", searchLink)));
        assets.put("/rules", Asset.html(new String(resource("rules.html"), StandardCharsets.UTF_8)));
        for (String script : List.of("app.js", "search.js", "tenders.js", "rules.js", "i18n.js", "common.js")) {
            assets.put("/" + script, new Asset("text/javascript; charset=utf-8", resource(script)));
        }
        assets.put("/app.css", new Asset("text/css; charset=utf-8", resource("app.css")));
        this.openApi = resource("openapi.json");
        this.working = new Semaphore(o.threads());
        this.admitted = o.threads() + o.queue();
        // Threads for the admitted requests and a few more, so that a request beyond them still gets its 503.
        this.pool = new ThreadPoolExecutor(admitted + 2, admitted + 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "risk-serve");
                    t.setDaemon(true);
                    return t;
                });
        try {
            this.http = HttpServer.create(new InetSocketAddress(o.bind(), o.port()), 64);
        } catch (IOException | RuntimeException e) {
            watches.forEach(org.adaldyq.risk.rules.FolderWatch::close);
            pool.shutdown();
            closeIndex();
            throw e;
        }
        http.setExecutor(pool);
        http.createContext("/", this::admit);
    }

    /** Starts a server with the built-in rules. */
    public static RiskServer start(Options options) throws IOException {
        return start(options, Rules.BUILT_IN);
    }

    /**
     * Starts a server whose engines load {@code rules}' author folders on top of the built-in packs and reload
     * them when they change.
     *
     * @throws org.adaldyq.risk.rules.RuleCompilationException when the folders' rules do not load at start
     */
    public static RiskServer start(Options options, Rules rules) throws IOException {
        RiskServer s = new RiskServer(options, rules);
        try {
            s.http.start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        LOG.info("serving on http://{}:{}/", options.bind(), s.port());
        return s;
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Keeps the reload for {@code GET /api/rules} and tells the server's listener. */
    private void reloaded(String pack, org.adaldyq.risk.rules.RuleReload reload) {
        lastReload.put(pack, reload);
        rules.onReload().accept(pack, reload);
    }

    /**
     * {@code GET /api/factors}: the factors of the catalogue in force (the built-in one and the author folders'), each
     * as {@code {code, severity, level, title: {kk, ru, en}}} (Kazakh falling back to Russian, any missing to English),
     * so that a page names them in its reader's language.
     */
    private byte[] factors() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode o = REQUEST_JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("factors");
        org.adaldyq.risk.regulation.FactorCatalogue catalogue = engine.catalogue();
        for (String code : new java.util.TreeSet<>(catalogue.codes())) {
            org.adaldyq.risk.regulation.FactorCatalogue.Factor f = catalogue.get(code).orElseThrow();
            com.fasterxml.jackson.databind.node.ObjectNode factor = list.addObject().put("code", code)
                    .put("severity", f.severity().toString()).put("level", f.level());
            com.fasterxml.jackson.databind.node.ObjectNode title = factor.putObject("title");
            for (Language l : Language.values()) {
                title.put(l.code(), f.title(l));
            }
        }
        return REQUEST_JSON.writeValueAsBytes(o);
    }

    /**
     * {@code GET /api/rules}: per pack, the author folders watched and the last reload (applied or not, when,
     * what it loaded, its errors as {@code file:line:column: message}); for regulation also what is in force.
     */
    private byte[] rulesState() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode o = REQUEST_JSON.createObjectNode();
        Map<String, List<java.nio.file.Path>> folders = Map.of("regulation", rules.regulation(), "procurement", rules.procurement());
        for (String pack : List.of("regulation", "procurement")) {
            com.fasterxml.jackson.databind.node.ObjectNode p = o.putObject(pack);
            com.fasterxml.jackson.databind.node.ArrayNode dirs = p.putArray("folders");
            folders.get(pack).forEach(d -> dirs.add(d.toString()));
            if (pack.equals("regulation")) {
                p.put("inForce", engine.rulesSummary());
            }
            org.adaldyq.risk.rules.RuleReload last = lastReload.get(pack);
            if (last != null) {
                com.fasterxml.jackson.databind.node.ObjectNode r = p.putObject("lastReload");
                r.put("applied", last.applied());
                r.put("at", last.at().toString());
                r.put("summary", last.summary());
                com.fasterxml.jackson.databind.node.ArrayNode errors = r.putArray("errors");
                last.errors().forEach(e -> errors.add(e.toString()));
            }
        }
        return REQUEST_JSON.writeValueAsBytes(o);
    }

    /** The procurement engine for flag texts in {@code language}, with the author folders, watched when there are any. */
    private ProcurementEngine procurementEngine(Language language) {
        ProcurementEngine.Builder b = ProcurementEngine.builder().language(language).reloadListener(reload -> reloaded("procurement", reload));
        rules.procurement().forEach(b::rules);
        ProcurementEngine e = b.build();
        if (!rules.procurement().isEmpty()) {
            watches.add(e.watchRules(WATCH_INTERVAL));
        }
        return e;
    }

    /** Stops accepting requests and watching rule folders, lets requests in flight finish (up to 5 s) and frees the port. */
    @Override
    public void close() {
        watches.forEach(org.adaldyq.risk.rules.FolderWatch::close);
        http.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeIndex();
    }

    private void closeIndex() {
        if (index != null) {
            try {
                index.close();
            } catch (IOException e) {
                LOG.warn("closing the index: {}", e.toString());
            }
        }
    }

    /** At most {@code threads} requests work at once, {@code queue} more wait; beyond that a request gets 503 at once. */
    private void admit(HttpExchange x) throws IOException {
        if (inFlight.incrementAndGet() > admitted) {
            inFlight.decrementAndGet();
            try (x) {
                x.getResponseHeaders().add("Retry-After", "5");
                error(x, 503, "BUSY", "the server is busy; try again in a few seconds");
            }
            return;
        }
        try {
            working.acquire();
            try {
                route(x);
            } finally {
                working.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.close();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (path) {
                case "/api/search" -> {
                    if (get(x, method)) {
                        search(x);
                    }
                }
                case "/api/act" -> {
                    if (get(x, method)) {
                        act(x);
                    }
                }
                case "/api/acts" -> {
                    if (get(x, method) && searching(x)) {
                        List<org.adaldyq.risk.index.IndexedAct> acts = new java.util.ArrayList<>(index.acts());
                        acts.sort(org.adaldyq.risk.index.IndexedAct.RISKIEST_FIRST);
                        send(x, 200, "application/json", SearchJson.acts(acts).toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/api/act-review" -> {
                    if (post(x, method)) {
                        actReview(x);
                    }
                }
                case "/api/similar" -> {
                    if (get(x, method)) {
                        similar(x);
                    }
                }
                case "/api/openapi.json" -> {
                    if (get(x, method)) {
                        send(x, 200, "application/json", openApi);
                    }
                }
                case "/health" -> {
                    if (get(x, method)) {
                        send(x, 200, "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/api/factors" -> {
                    if (get(x, method)) {
                        send(x, 200, "application/json", factors());
                    }
                }
                case "/api/rules" -> {
                    if (get(x, method)) {
                        send(x, 200, "application/json", rulesState());
                    }
                }
                case "/api/scan" -> {
                    if (post(x, method)) {
                        scan(x);
                    }
                }
                case "/api/tenders" -> {
                    if (post(x, method)) {
                        tenders(x);
                    }
                }
                case "/api/pair" -> {
                    if (post(x, method)) {
                        pair(x);
                    }
                }
                case "/api/review" -> {
                    if (post(x, method)) {
                        review(x);
                    }
                }
                case "/api/review-from-docx" -> {
                    if (post(x, method)) {
                        reviewFromDocx(x);
                    }
                }
                case "/api/diff" -> {
                    if (post(x, method)) {
                        diff(x);
                    }
                }
                default -> {
                    Asset asset = assets.get(path);
                    if (asset == null) {
                        error(x, 404, "NOT_FOUND", "no such page: " + path);
                    } else if (get(x, method)) {
                        send(x, 200, asset.type(), asset.body());
                    }
                }
            }
        } catch (TooLarge e) {
            // Read what the client is still sending (up to a bound) so that it can read the answer.
            drain(x.getRequestBody(), DRAIN_LIMIT);
            error(x, 413, "TOO_LARGE", "the request is larger than " + maxBytes + " bytes");
        } catch (BadRequest e) {
            error(x, 400, "BAD_REQUEST", e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("request failed", e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("request failed", e);
            try {
                error(x, 500, "INTERNAL", e.toString());
            } catch (IOException | RuntimeException ignored) {
                // the response had started: the client sees a cut connection
            }
        } finally {
            // after the catch clauses, so that an error answer can still be written
            x.close();
        }
    }

    /**
     * {@code POST /api/pair}: the two official versions of one act, as a JSON object
     * {@code {"first": {"name": ..., "content": base64}, "second": {...}}}, scanned together ({@code scan --pair}). With
     * {@code "review"} (JSON lines in one string), each version as the expert reviewed it, as {@code scan --pair --review}
     * gives it (the page: the decisions shown on the findings as scanned); headers {@code X-Review-Applied},
     * {@code X-Review-Stale}, {@code X-Review-Earlier-Version}.
     */
    private void pair(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI());
        String format = q.getOrDefault("format", "json");
        RiskEngine engine = engine(q);
        if (!List.of("json", "html", "docx", "conclusion").contains(format)) {
            throw new BadRequest("format must be json, html, docx or conclusion, not '" + format + "'");
        }
        String[] keys = {"first", "second"};
        com.fasterxml.jackson.databind.JsonNode request = request(x,
                "{\"first\": {\"name\": ..., \"content\": base64}, \"second\": {...}, \"review\": \"JSON lines\" (optional)}");
        Upload[] uploads = uploads(request, keys);
        Review read = review(request, engine, false);
        ScannedDocument[] versions = scanned(x, keys, uploads, engine::scanVersion);
        if (versions == null) {
            return;
        }
        Review page = Review.NONE;
        if (!read.acts().isEmpty()) {
            // each version as the expert reviewed it (or its earlier version); the page shows the decisions on the findings as scanned
            java.util.Set<String> names = java.util.Set.of(Review.act(versions[0].report().source()), Review.act(versions[1].report().source()));
            int applied = 0;
            int stale = 0;
            for (int i = 0; i < 2; i++) {
                Review mine = carried(read, versions[i], names, x);
                page = page.and(mine);
                Review.Applied a = mine.apply(versions[i], engine.catalogue());
                applied += a.applied();
                stale += a.stale().size();
                versions[i] = "html".equals(format) ? versions[i] : a.document();
            }
            x.getResponseHeaders().add("X-Review-Applied", String.valueOf(applied));
            x.getResponseHeaders().add("X-Review-Stale", String.valueOf(stale));
        }
        PairReport pair = engine.pair(versions[0], versions[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if ("html".equals(format)) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            HtmlPairReport.write(pair, versions, page, engine.catalogue(), w);
            send(x, 200, "text/html; charset=utf-8", out.toByteArray());
        } else if ("docx".equals(format)) {
            // both versions back with their comments, as scan --pair --format docx writes them, in one ZIP
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                java.util.Set<String> used = new java.util.HashSet<>();
                for (int i = 0; i < 2; i++) {
                    String entry = DocxReview.reviewName(uploads[i].name().replaceAll(".*[/\\\\]", "")); // a client's folders dropped
                    entry = entry.equals(".review.docx") ? keys[i] + entry : entry; // a name that is all extension
                    zip.putNextEntry(new java.util.zip.ZipEntry(used.add(entry) ? entry : keys[i] + "." + entry));
                    byte[] original = uploads[i].bytes();
                    DocxPairReview.review(pair, versions[i], i == 0, engine.catalogue(), () -> new ByteArrayInputStream(original), zip);
                    zip.closeEntry();
                }
            }
            x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"reviews.zip\"");
            send(x, 200, "application/zip", out.toByteArray());
        } else if ("conclusion".equals(format)) {
            DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
            conclusion.addPair(pair, versions[0], versions[1]);
            conclusion.write(out);
            x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"conclusion.docx\"");
            send(x, 200, DocxReview.MEDIA_TYPE, out.toByteArray());
        } else {
            ReportJson.compact().writeValue(out, pair);
            send(x, 200, "application/json", out.toByteArray());
        }
    }

    /**
     * The expert's review in a JSON body ({@code "review"}: JSON lines in one string); {@link Review#NONE} when it
     * is absent and not {@code required}.
     *
     * @throws BadRequest when it is not a string, or a line is bad (the message names it)
     */
    private static Review review(com.fasterxml.jackson.databind.JsonNode request, RiskEngine engine, boolean required) {
        com.fasterxml.jackson.databind.JsonNode lines = request == null ? null : request.get("review");
        if (lines == null || lines.isNull()) {
            if (required) {
                throw new BadRequest("review must be the review's JSON lines, in one string");
            }
            return Review.NONE;
        }
        if (!lines.isTextual()) {
            throw new BadRequest("review must be the review's JSON lines, in one string");
        }
        try {
            return Review.read(new java.io.StringReader(lines.asText()), "review", engine.catalogue());
        } catch (IOException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /**
     * {@code review} for {@code scanned}: carried to it from the one text in its language it decides on (not one of
     * {@code others}, the texts of the request) when it decides nothing on its name, as {@code scan} does for a run of
     * one text or one pair; the text carried from is added to the header {@code X-Review-Earlier-Version}.
     */
    private static Review carried(Review review, ScannedDocument scanned, java.util.Set<String> others, HttpExchange x) {
        String from = review.earlierVersion(scanned, others);
        if (from == null) {
            return review;
        }
        x.getResponseHeaders().add("X-Review-Earlier-Version", from);
        return review.carried(from, Review.act(scanned.report().source()));
    }

    /** A document sent inside a JSON body: its name and bytes. */
    private record Upload(String name, byte[] bytes) {
    }

    /** How a document is read and scanned ({@code RiskEngine::scanVersion}, {@code RiskEngine::scanDocument}). */
    @FunctionalInterface
    private interface Scan {
        ScannedDocument scan(InputStream in, String name) throws DocumentReadException;
    }

    /**
     * The uploads scanned with {@code scan}, in order; null after answering 422 for the first that cannot be read
     * (its key starts the message).
     */
    private static ScannedDocument[] scanned(HttpExchange x, String[] keys, Upload[] uploads, Scan scan) throws IOException {
        ScannedDocument[] out = new ScannedDocument[uploads.length];
        for (int i = 0; i < uploads.length; i++) {
            try {
                out[i] = scan.scan(new ByteArrayInputStream(uploads[i].bytes()), uploads[i].name());
            } catch (DocumentReadException e) {
                error(x, 422, e.reason().name(), keys[i] + ": " + e.getMessage());
                return null;
            }
        }
        return out;
    }

    /**
     * The JSON body of a request.
     *
     * @throws BadRequest when it is not JSON, saying it must be {@code shape}
     */
    private com.fasterxml.jackson.databind.JsonNode request(HttpExchange x, String shape) throws IOException {
        try {
            return REQUEST_JSON.readTree(body(x));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadRequest("the body must be a JSON object " + shape + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The documents of a JSON body under {@code keys}, each {@code {"name": ..., "content": base64}}.
     *
     * @throws BadRequest naming what is missing or malformed
     */
    private static Upload[] uploads(com.fasterxml.jackson.databind.JsonNode request, String[] keys) {
        Upload[] out = new Upload[keys.length];
        for (int i = 0; i < keys.length; i++) {
            com.fasterxml.jackson.databind.JsonNode part = request == null ? null : request.get(keys[i]);
            if (part == null || !part.path("content").isTextual()) {
                throw new BadRequest(keys[i] + ".content must be the document's bytes in base64");
            }
            try {
                // line breaks and spaces allowed (wrapped base64), nothing else outside the alphabet
                out[i] = new Upload(part.path("name").asText(keys[i]),
                        java.util.Base64.getDecoder().decode(part.get("content").asText().replaceAll("\\s+", "")));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(keys[i] + ".content is not base64: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * {@code POST /api/diff}: two versions of one draft, as a JSON object {@code {"before": {"name": ...,
     * "content": base64}, "after": {...}}}, scanned and compared ({@code diff}): JSON or the HTML page. With
     * {@code "review"} (the expert's review of the earlier version, JSON lines in one string), the earlier version is
     * compared as reviewed and the decisions carried to the later one (headers {@code X-Review-Applied},
     * {@code X-Review-Carried}, and {@code X-Review-Stale}: decisions whose provision changed).
     */
    private void diff(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI());
        String format = q.getOrDefault("format", "json");
        RiskEngine engine = engine(q);
        if (!List.of("json", "html").contains(format)) {
            throw new BadRequest("format must be json or html, not '" + format + "'");
        }
        String[] keys = {"before", "after"};
        com.fasterxml.jackson.databind.JsonNode request = request(x,
                "{\"before\": {\"name\": ..., \"content\": base64}, \"after\": {...}, \"review\": \"JSON lines\" (optional)}");
        Upload[] uploads = uploads(request, keys);
        Review review = review(request, engine, false);
        ScannedDocument[] versions = scanned(x, keys, uploads, engine::scanDocument);
        if (versions == null) {
            return;
        }
        Review.Revision r = null;
        if (!review.acts().isEmpty()) {
            // the earlier version as the expert reviewed it, the decisions carried to the later one
            r = review.revision(versions[0], versions[1], engine.catalogue());
            if (r.before().applied() == 0) {
                throw new BadRequest("the review decides nothing on " + Review.act(versions[0].report().source()));
            }
            x.getResponseHeaders().add("X-Review-Applied", String.valueOf(r.before().applied()));
            x.getResponseHeaders().add("X-Review-Carried", String.valueOf(r.after().applied()));
            x.getResponseHeaders().add("X-Review-Stale", String.valueOf(r.after().stale().size()));
            versions = new ScannedDocument[] {r.before().document(), r.after().document()};
        }
        org.adaldyq.risk.compare.DraftDiff diff = org.adaldyq.risk.compare.DraftComparison.compare(versions[0], versions[1]);
        if ("html".equals(format)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            org.adaldyq.risk.report.writer.HtmlDiffReport.write(diff, r, engine.catalogue(), w);
            send(x, 200, "text/html; charset=utf-8", out.toByteArray());
        } else {
            send(x, 200, "application/json", org.adaldyq.risk.compare.DraftDiffJson.compact(diff, r).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The formats of one scanned text ({@code /api/scan}, {@code /api/review}). */
    private static final List<String> SCAN_FORMATS = List.of("json", "html", "docx", "conclusion", "sarif", "review");

    private static String scanFormat(Map<String, String> q, String fallback) {
        String format = q.getOrDefault("format", fallback);
        if (!SCAN_FORMATS.contains(format)) {
            throw new BadRequest("format must be json, html, docx, conclusion, sarif or review, not '" + format + "'");
        }
        return format;
    }

    private void scan(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI());
        String name = q.getOrDefault("name", "upload");
        String format = scanFormat(q, "json");
        RiskEngine engine = engine(q);
        byte[] body = body(x);
        ScannedDocument scanned;
        try {
            scanned = engine.scanDocument(new ByteArrayInputStream(body), name);
        } catch (DocumentReadException e) {
            error(x, 422, e.reason().name(), e.getMessage());
            return;
        }
        write(x, format, engine, scanned, body, Review.NONE);
    }

    /**
     * {@code POST /api/review}: one text and an expert's review of it, as a JSON object {@code {"document": {"name":
     * ..., "content": base64}, "review": "<JSON lines>"}}: the text scanned and written with the review applied
     * (findings struck out left out, factors added reported), or, as {@code html} and {@code review}, with the
     * decisions shown on the findings as scanned. Headers {@code X-Review-Applied} and {@code X-Review-Stale}
     * count the decisions applied and those on provisions whose words changed since. A review with no decisions on
     * the text's name and decisions on one text in its language is taken as the review of its earlier version
     * (header {@code X-Review-Earlier-Version}: that text's name).
     */
    private void review(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI());
        String format = scanFormat(q, "conclusion");
        RiskEngine engine = engine(q);
        com.fasterxml.jackson.databind.JsonNode request = request(x,
                "{\"document\": {\"name\": ..., \"content\": base64}, \"review\": \"JSON lines\"}");
        String[] keys = {"document"};
        Upload[] upload = uploads(request, keys);
        Review read = review(request, engine, true);
        ScannedDocument[] scanned = scanned(x, keys, upload, engine::scanDocument);
        if (scanned == null) {
            return;
        }
        // the review of an earlier version of this text, saved under another name, goes on to it
        Review review = carried(read, scanned[0], java.util.Set.of(), x);
        Review.Applied applied = review.apply(scanned[0], engine.catalogue());
        x.getResponseHeaders().add("X-Review-Applied", String.valueOf(applied.applied()));
        x.getResponseHeaders().add("X-Review-Stale", String.valueOf(applied.stale().size()));
        boolean shown = "html".equals(format) || "review".equals(format);
        write(x, format, engine, shown ? scanned[0] : applied.document(), upload[0].bytes(), review);
    }

    /**
     * {@code POST /api/review-from-docx}: the review an expert made in Word on the draft with the scanner's comments
     * ({@code {"document": {"name": ..., "content": base64}}}), as review lines (JSON lines; the draft named as
     * {@code draft.review.docx} names {@code draft.docx}), what {@code review from-docx} writes: a deleted comment
     * strikes its finding out, a reply is a note (a yes or a no confirms or strikes out), a comment of the expert's
     * naming a factor adds it. Headers {@code X-Review-Confirmed}, {@code -Struck}, {@code -Added} and
     * {@code -Unread} (the expert's comments that name no factor and answer no finding) count what was read.
     */
    private void reviewFromDocx(HttpExchange x) throws IOException {
        RiskEngine engine = engine(query(x.getRequestURI()));
        com.fasterxml.jackson.databind.JsonNode request = request(x, "{\"document\": {\"name\": ..., \"content\": base64}}");
        String[] keys = {"document"};
        Upload[] upload = uploads(request, keys);
        ScannedDocument[] scanned = scanned(x, keys, upload, engine::scanDocument);
        if (scanned == null) {
            return;
        }
        org.adaldyq.risk.report.writer.DocxReviewReader.Read read;
        try {
            read = org.adaldyq.risk.report.writer.DocxReviewReader.read(new ByteArrayInputStream(upload[0].bytes()), scanned[0],
                    org.adaldyq.risk.report.writer.DocxReviewReader.draftName(upload[0].name()), engine.catalogue());
        } catch (IOException e) {
            throw new BadRequest(upload[0].name() + " is not a Word document with comments to read: " + e.getMessage());
        }
        String lines = Review.jsonLines(read.review().lines());
        x.getResponseHeaders().add("X-Review-Confirmed", String.valueOf(read.confirmed()));
        x.getResponseHeaders().add("X-Review-Struck", String.valueOf(read.struck()));
        x.getResponseHeaders().add("X-Review-Added", String.valueOf(read.added()));
        x.getResponseHeaders().add("X-Review-Unread", String.valueOf(read.unread().size()));
        send(x, 200, "application/x-ndjson; charset=utf-8", lines.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the server searches an index; else answers 404 and says how to start it with one. */
    private boolean searching(HttpExchange x) throws IOException {
        if (index == null) {
            error(x, 404, "NO_INDEX", "this server searches no index: start it with serve --index DIR");
        }
        return index != null;
    }

    /** {@code options} keeping the provisions with one of the comma-separated codes of parameter {@code factor}, if given. */
    private static SearchOptions withFactors(SearchOptions options, Map<String, String> q) {
        String codes = q.getOrDefault("factor", "");
        return codes.isBlank() ? options : options.withFactors(java.util.Set.of(codes.strip().split("\\s*,\\s*")));
    }

    /** {@code options} returning at most parameter {@code limit} hits, if given: from 1 to {@code max}. */
    private static SearchOptions withLimit(SearchOptions options, Map<String, String> q, int max) {
        if (!q.containsKey("limit")) {
            return options;
        }
        int limit = Integer.parseInt(q.get("limit"));
        if (limit < 1 || limit > max) {
            throw new BadRequest("limit must be from 1 to " + max + ", not " + limit);
        }
        return options.withLimit(limit);
    }

    /**
     * {@code GET /api/search?q=QUERY}: the provisions of the index that match, as {@code search --format json}
     * gives them; parameters {@code factor} (comma-separated codes: any of them), {@code lang}, {@code act},
     * {@code min-score}, {@code limit} (1–200, default 20), {@code sort} ({@code relevance} or {@code score}),
     * {@code exact} and {@code confirmed} ({@code true}). With {@code format=csv}, the hits as {@code search --format
     * csv} writes them (limit up to 10,000; a UTF-8 byte-order mark first, for a spreadsheet; header {@code X-Total}). 404
     * when the server has no index.
     */
    private void search(HttpExchange x) throws IOException {
        if (!searching(x)) {
            return;
        }
        Map<String, String> q = query(x.getRequestURI());
        String text = q.getOrDefault("q", "").strip();
        if (text.isEmpty()) {
            throw new BadRequest("q must be a query (Lucene syntax: words, \"phrases\", prefix*, AND/OR/NOT; *:* for all)");
        }
        SearchOptions options = SearchOptions.defaults().withLimit(20);
        try {
            options = withFactors(options, q);
            if (q.containsKey("lang") && !q.get("lang").isBlank()) {
                String lang = q.get("lang");
                options = options.withLanguage(Language.fromCode(lang).orElseThrow(() -> new BadRequest("lang must be kk, ru or en, not '" + lang + "'")));
            }
            if (q.containsKey("act") && !q.get("act").isBlank()) {
                options = options.withAct(q.get("act"));
            }
            if (q.containsKey("min-score")) {
                options = options.withMinScore(Double.parseDouble(q.get("min-score")));
            }
            String format = q.getOrDefault("format", "json");
            if (!format.equals("json") && !format.equals("csv")) {
                throw new BadRequest("format must be json or csv, not '" + format + "'");
            }
            // a spreadsheet of every match, up to a bound; a page of hits to read
            options = withLimit(options, q, format.equals("csv") ? CSV_LIMIT : 200);
            String sort = q.getOrDefault("sort", "relevance");
            if (!sort.equals("relevance") && !sort.equals("score")) {
                throw new BadRequest("sort must be relevance or score, not '" + sort + "'");
            }
            options = options.withRanking(sort.equals("score") ? SearchOptions.Ranking.SCORE : SearchOptions.Ranking.RELEVANCE)
                    .withExact("true".equals(q.get("exact"))).withConfirmed("true".equals(q.get("confirmed")));
            SearchResults results = index.search(text, options);
            if (format.equals("csv")) {
                java.io.StringWriter csv = new java.io.StringWriter().append('\ufeff'); // the mark a spreadsheet reads UTF-8 by
                org.adaldyq.risk.index.SearchCsv.write(results, csv);
                x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"search.csv\"");
                x.getResponseHeaders().add("X-Total", String.valueOf(results.total()));
                send(x, 200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(x, 200, "application/json", SearchJson.results(results).toString().getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw new BadRequest("min-score and limit must be numbers: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /**
     * {@code GET /api/act?id=ID}: the annotated page of an indexed act, its file read again from the path it was
     * indexed from and scanned now, with the decisions of the review it was indexed with on it (a search hit opens it
     * at {@code #d0-o<start>}, its provision). 404 for an act
     * the index does not hold, 409 when the file is gone or changed since it was indexed (index it again). Only the
     * files the index names are read.
     */
    private void act(HttpExchange x) throws IOException {
        if (!searching(x)) {
            return;
        }
        String id = query(x.getRequestURI()).getOrDefault("id", "");
        java.util.Optional<org.adaldyq.risk.index.IndexedAct> act = id.isBlank() ? java.util.Optional.empty() : index.act(id);
        if (act.isEmpty()) {
            error(x, 404, "NOT_FOUND", "the index holds no act '" + id + "'");
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(act.get().path());
        if (!java.nio.file.Files.isRegularFile(file) || !ProvisionIndex.unchanged(act.get(), file)) {
            error(x, 409, "CHANGED", "the file of act " + id + " is gone or changed since it was indexed: index it again");
            return;
        }
        ScannedDocument scanned;
        try {
            scanned = engine.scanDocument(file);
        } catch (org.adaldyq.risk.extract.DocumentReadException e) {
            error(x, 422, e.reason().toString(), e.getMessage());
            return;
        }
        // with the decisions of the review the act was indexed with (index --review), to go on with
        String lines = index.reviewOf(id);
        Review review = Review.NONE;
        try {
            review = Review.read(new java.io.StringReader(lines), "index", engine.catalogue());
        } catch (IOException e) {
            LOG.warn("the review act {} was indexed with is not read with the rules in force: {}", id, e.getMessage());
        }
        // the page saves the review back to the index, unless the server is not to write there
        String saveTo = indexToWrite == null ? null : "/api/act-review?id=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
        html(x, engine, scanned, review, saveTo);
    }

    /**
     * {@code POST /api/act-review?id=ID}: the expert's review of an indexed act, as JSON lines ({@code Content-Type:
     * application/x-ndjson}; what the act's page saves), kept in the index: the act is indexed again as the review leaves
     * it, as {@code index --review} does, so searches show its decisions and its page opens with them. 403 when the
     * server is not to write to its index ({@code serve --read-only}) or the request comes from another site's page, 404
     * for an act the index does not hold, 409 when its file changed since it was indexed or another process is writing
     * the index. Answers {@code {"act", "decisions", "stale", "unchanged", "message"}}.
     */
    private void actReview(HttpExchange x) throws IOException {
        if (!searching(x)) {
            return;
        }
        if (indexToWrite == null) {
            error(x, 403, "READ_ONLY", "this server does not write to its index (serve --read-only)");
            return;
        }
        String origin = x.getRequestHeaders().getFirst("Origin");
        String host = x.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("null") && (host == null || !host.equalsIgnoreCase(authority(origin)))) {
            error(x, 403, "CROSS_ORIGIN", "a review is saved from this server's own pages, not from " + origin);
            return;
        }
        if (loopback && !loopbackName(host)) {
            // a page of another site whose name was made to point at this machine (DNS rebinding) names that site here
            error(x, 403, "HOST", "a server on this machine only takes reviews addressed to localhost or 127.0.0.1, not " + host);
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-ndjson")) {
            throw new BadRequest("send the review as JSON lines, Content-Type: application/x-ndjson");
        }
        String id = query(x.getRequestURI()).getOrDefault("id", "");
        java.util.Optional<org.adaldyq.risk.index.IndexedAct> act = id.isBlank() ? java.util.Optional.empty() : index.act(id);
        if (act.isEmpty()) {
            error(x, 404, "NOT_FOUND", "the index holds no act '" + id + "'");
            return;
        }
        byte[] body = body(x);
        java.nio.file.Path file = java.nio.file.Path.of(act.get().path());
        String name = Review.act(file.toString());
        Review review;
        try {
            review = Review.read(new java.io.StringReader(new String(body, StandardCharsets.UTF_8)), "the request", engine.catalogue());
        } catch (IOException e) {
            throw new BadRequest(e.getMessage());
        }
        if (!review.acts().isEmpty() && !review.acts().contains(name)) {
            throw new BadRequest("the review holds no line of act " + id + " (its lines name " + String.join(", ", review.acts())
                    + ", not " + name + ")");
        }
        org.adaldyq.risk.index.IndexSummary summary;
        indexWrites.lock();
        try {
            if (!java.nio.file.Files.isRegularFile(file) || !ProvisionIndex.unchanged(act.get(), file)) {
                error(x, 409, "CHANGED", "the file of act " + id + " is gone or changed since it was indexed: index it again");
                return;
            }
            try (ProvisionIndex writing = ProvisionIndex.open(indexToWrite, engine)) {
                summary = writing.add(review, file);
            }
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            error(x, 409, "BUSY", "another process is writing the index (an index command?): save again when it is done");
            return;
        } finally {
            indexWrites.unlock();
        }
        if (!summary.problems().isEmpty()) {
            error(x, 422, "UNREADABLE", summary.problems().get(0).reason());
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode answer = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        answer.put("act", id).put("decisions", summary.decisions()).put("unchanged", summary.unchanged() > 0);
        com.fasterxml.jackson.databind.node.ArrayNode stale = answer.putArray("stale");
        summary.stale().forEach(stale::add);
        answer.put("message", summary.unchanged() > 0 ? "unchanged: the index holds this review already"
                : summary.decisions() + " decision(s)" + (summary.stale().isEmpty() ? "" : ", " + summary.stale().size() + " not applied"));
        send(x, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a {@code Host} header names this machine: localhost, 127.0.0.1 or [::1], with any port. */
    private static boolean loopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return List.of("localhost", "127.0.0.1", "[::1]").contains(name.toLowerCase(Locale.ROOT));
    }

    /** The host and port of an origin ({@code http://localhost:8080} → {@code localhost:8080}); the whole text when not a URL. */
    private static String authority(String origin) {
        try {
            String a = URI.create(origin).getRawAuthority();
            return a == null ? origin : a;
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }

    /**
     * {@code GET /api/similar?act=ID&citation=CITATION}: the provisions of the index that say the same thing as one
     * of its provisions, as {@code similar --provision ACT#CITATION --format json} gives them (its twin in the other
     * official language, the most alike by their words, and how many other acts use each of its findings' words);
     * {@code factor} (comma-separated) and {@code limit} (1–50, default 10) as for {@code /api/search}.
     */
    private void similar(HttpExchange x) throws IOException {
        if (!searching(x)) {
            return;
        }
        Map<String, String> q = query(x.getRequestURI());
        String act = q.getOrDefault("act", "");
        String citation = q.getOrDefault("citation", "");
        if (act.isBlank() || citation.isBlank()) {
            throw new BadRequest("act and citation must name an indexed provision (act=kz-laws_rus_104440&citation=Article 12, point 3)");
        }
        SearchOptions options = SearchOptions.defaults().withLimit(10);
        try {
            options = withFactors(options, q);
            options = withLimit(options, q, 50);
            org.adaldyq.risk.index.SimilarResults r = index.similar(act, citation, options, org.adaldyq.risk.index.SimilarSettings.defaults());
            send(x, 200, "application/json", SearchJson.similar(r).toString().getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw new BadRequest("limit must be a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** Answers with {@code scanned} in {@code format}; {@code original} is the text's bytes (for DOCX with comments). */
    private static void write(HttpExchange x, String format, RiskEngine engine, ScannedDocument scanned, byte[] original, Review review)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case "json" -> {
                ReportJson.compact().writeValue(out, scanned.report());
                send(x, 200, "application/json", out.toByteArray());
            }
            case "html" -> html(x, engine, scanned, review, null);
            case "docx" -> {
                DocxReview.review(scanned, () -> new ByteArrayInputStream(original), out);
                x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"review.docx\"");
                send(x, 200, DocxReview.MEDIA_TYPE, out.toByteArray());
            }
            case "conclusion" -> {
                DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
                conclusion.add(scanned);
                conclusion.write(out);
                x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"conclusion.docx\"");
                send(x, 200, DocxReview.MEDIA_TYPE, out.toByteArray());
            }
            case "review" -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                review.write(scanned, w);
                x.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"review.jsonl\"");
                send(x, 200, "application/x-ndjson; charset=utf-8", out.toByteArray());
            }
            default -> {
                try (SarifWriter sarif = new SarifWriter(out, engine.catalogue())) {
                    sarif.add(scanned);
                }
                send(x, 200, "application/sarif+json", out.toByteArray());
            }
        }
    }

    /** The annotated page of {@code scanned} with {@code review}'s decisions; with {@code saveTo}, saving the review there. */
    private static void html(HttpExchange x, RiskEngine engine, ScannedDocument scanned, Review review, String saveTo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (HtmlReport html = new HtmlReport(w, engine.catalogue(), scanned.report().language(), saveTo)) {
            html.add(scanned, review);
        }
        w.flush();
        send(x, 200, "text/html; charset=utf-8", out.toByteArray());
    }

    /**
     * The engine for a request: the server's, keeping only findings of at least {@code min-confidence}
     * (a number from 0 to 1) when the request asks for it.
     */
    private RiskEngine engine(Map<String, String> q) {
        String min = q.get("min-confidence");
        if (min == null || min.isBlank()) {
            return engine;
        }
        try {
            return engine.withMinConfidence(ConfidenceTable.parseMinimum(min));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("min-confidence " + e.getMessage());
        }
    }

    private void tenders(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI());
        String format = q.getOrDefault("format", "jsonl");
        if (!List.of("jsonl", "html").contains(format)) {
            throw new BadRequest("format must be jsonl or html, not '" + format + "'");
        }
        Language lang = Language.fromCode(q.getOrDefault("lang", "en"))
                .orElseThrow(() -> new BadRequest("lang must be en, ru or kk"));
        byte[] body = body(x);
        ProcurementEngine engine = lang == Language.EN ? procurement
                : procurementByLanguage.computeIfAbsent(lang, this::procurementEngine);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Assessment a = engine.assess(new ByteArrayInputStream(body), "upload")) {
            if ("html".equals(format)) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                new TendersDashboard(lang, 500, 50).write(a, w);
                w.flush();
            } else {
                new TendersReport(TendersReport.Format.JSONL).write(a, out);
            }
        }
        send(x, 200, "html".equals(format) ? "text/html; charset=utf-8" : "application/x-ndjson", out.toByteArray());
    }

    private boolean get(HttpExchange x, String method) throws IOException {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        x.getResponseHeaders().add("Allow", "GET");
        error(x, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use GET");
        return false;
    }

    private boolean post(HttpExchange x, String method) throws IOException {
        if ("POST".equals(method)) {
            return true;
        }
        x.getResponseHeaders().add("Allow", "POST");
        error(x, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; POST the file as the request body");
        return false;
    }

    /** The request body, at most {@code maxBytes}: a declared or a streamed length beyond it is refused. */
    private byte[] body(HttpExchange x) throws IOException {
        String declared = x.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBytes) {
                    throw new TooLarge();
                }
            } catch (NumberFormatException e) {
                throw new BadRequest("Content-Length is not a number: " + declared);
            }
        }
        InputStream in = x.getRequestBody();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new TooLarge();
            }
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    /** How much of an oversized body is read and dropped before the 413, so the client sees the answer. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private static void drain(InputStream in, long limit) {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try {
            for (int n; total < limit && (n = in.read(buf)) > 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k.toLowerCase(Locale.ROOT), v);
        }
        return q;
    }

    private static void error(HttpExchange x, int status, String reason, String message) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("error", message);
        e.put("reason", reason);
        e.put("status", status);
        send(x, status, "application/json", ReportJson.compact().writeValueAsBytes(e));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(x.getRequestMethod());
        x.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream os = x.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RiskServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** A page, script or style of the web app: its media type and bytes. */
    private record Asset(String type, byte[] body) {
        static Asset html(String page) {
            return new Asset("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A body over the size limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** A request the server cannot take as it is. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}

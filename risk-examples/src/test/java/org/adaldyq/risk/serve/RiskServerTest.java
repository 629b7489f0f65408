package org.adaldyq.risk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.adaldyq.risk.RiskEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of {@code serve}: concurrent scans give what a direct scan gives; limits and bad requests are clear errors. */
class RiskServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("../data/samples");
    private static RiskServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16));
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void concurrentScansGiveTheFindingsOfADirectScan() throws Exception {
        RiskEngine engine = RiskEngine.builder().build();
        List<Path> files = List.of(SAMPLES.resolve("kk/kz-laws_kaz_104440.md"), SAMPLES.resolve("ru/kz-laws_rus_104440.md"),
                SAMPLES.resolve("en/BILLS-116s1014es.xml"), Path.of("../risk-core/src/test/resources/documents/fixtures/kk-article7.docx"));
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Path f : files) {
                HttpRequest r = HttpRequest.newBuilder(uri("/api/scan?name=" + f.getFileName()))
                        .POST(HttpRequest.BodyPublishers.ofFile(f)).build();
                calls.add(client.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray()));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            HttpResponse<byte[]> response = calls.get(i).get();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(response.body());
            Path f = files.get(i % files.size());
            assertThat(report.get("source").asText()).isEqualTo(f.getFileName().toString());
            assertThat(report.get("findings").size()).as(f.toString()).isEqualTo(engine.scan(f).findings().size()).isPositive();
        }
    }

    @Test
    void everyFormatComesBackWithItsMediaType() throws Exception {
        byte[] doc = Files.readAllBytes(SAMPLES.resolve("ru/kz-laws_rus_104440.md"));
        assertThat(post("/api/scan?name=a.md&format=html", doc).headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        HttpResponse<byte[]> docx = post("/api/scan?name=a.md&format=docx", doc);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(new String(docx.body(), 0, 2)).isEqualTo("PK");
        HttpResponse<byte[]> conclusion = post("/api/scan?name=a.md&format=conclusion", doc);
        assertThat(conclusion.statusCode()).isEqualTo(200);
        assertThat(conclusion.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"conclusion.docx\"");
        try (var read = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(conclusion.body()))) {
            assertThat(read.getParagraphs().get(0).getText()).isEqualTo("Проект заключения по результатам антикоррупционной экспертизы");
            assertThat(org.adaldyq.risk.cli.ScanConclusionCommandTest.counted(read))
                    .isEqualTo(JSON.readTree(post("/api/scan?name=a.md", doc).body()).get("findings").size());
        }
        JsonNode sarif = JSON.readTree(post("/api/scan?name=a.md&format=sarif", doc).body());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        HttpResponse<byte[]> tenders = post("/api/tenders",
                Files.readAllBytes(Path.of("src/test/resources/ocds-samples/compiled/ukraine.jsonl")));
        assertThat(tenders.statusCode()).isEqualTo(200);
        String[] lines = new String(tenders.body()).split("\n");
        assertThat(JSON.readTree(lines[lines.length - 1]).get("type").asText()).isEqualTo("summary");
        JsonNode factors = JSON.readTree(client.send(HttpRequest.newBuilder(uri("/api/factors")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(factors.get("factors")).extracting(f -> f.get("code").asText()).contains("OPTIONAL_POWER", "VAGUE_TERMS", "NON_TRANSPARENCY");
        JsonNode optional = factors.get("factors").findParents("code").stream().filter(f -> f.get("code").asText().equals("OPTIONAL_POWER"))
                .findFirst().orElseThrow();
        assertThat(optional.get("title").get("ru").asText()).isEqualTo("Определение компетенции по формуле «вправе»");
        assertThat(optional.get("title").get("kk").asText()).isEqualTo("«Құқылы» формуласы бойынша құзыретті айқындау");
        assertThat(JSON.readTree(client.send(HttpRequest.newBuilder(uri("/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).get("paths").has("/api/scan")).isTrue();
    }

    /**
     * {@code POST /api/review}: the worksheet of {@code format=review} with one factor struck out and one added
     * comes back applied in JSON and in the conclusion, the decisions counted in the headers; a bad review is a
     * 400 naming its line.
     */
    @Test
    void aReviewedTextComesBackWithTheExpertsDecisions() throws Exception {
        Path ru = SAMPLES.resolve("ru/kz-laws_rus_104440.md");
        byte[] doc = Files.readAllBytes(ru);
        HttpResponse<byte[]> worksheet = post("/api/scan?name=ru.md&format=review", doc);
        assertThat(worksheet.statusCode()).isEqualTo(200);
        assertThat(worksheet.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        List<String> lines = new ArrayList<>(List.of(new String(worksheet.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n")));
        int before = JSON.readTree(post("/api/scan?name=ru.md", doc).body()).get("findings").size();
        int struck = -1;
        int added = -1;
        for (int i = 0; i < lines.size() && (struck < 0 || added < 0); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode line = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(lines.get(i));
            if (struck < 0 && line.get("found").size() == 1) {
                line.putArray("factors");
                lines.set(struck = i, line.toString());
            } else if (added < 0 && line.get("found").isEmpty()) {
                line.putArray("factors").add("NON_TRANSPARENCY");
                lines.set(added = i, line.toString());
            }
        }
        String review = JSON.writeValueAsString(String.join("\n", lines));
        String body = "{\"document\": {\"name\": \"ru.md\", \"content\": \"" + base64(ru) + "\"}, \"review\": " + review + "}";
        HttpResponse<byte[]> json = post("/api/review?format=json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("X-Review-Applied")).hasValue("2");
        assertThat(json.headers().firstValue("X-Review-Stale")).hasValue("0");
        JsonNode findings = JSON.readTree(json.body()).get("findings");
        assertThat(findings.size()).isEqualTo(before);
        String addedAt = JSON.readTree(lines.get(added)).get("provision").asText();
        String struckAt = JSON.readTree(lines.get(struck)).get("provision").asText();
        assertThat(findings).anySatisfy(f -> assertThat(f.get("factor").asText() + " " + f.get("provision").asText())
                .isEqualTo("NON_TRANSPARENCY " + addedAt));
        assertThat(findings).noneMatch(f -> f.get("provision").asText().equals(struckAt));

        assertThat(json.headers().firstValue("X-Review-Earlier-Version")).isEmpty();

        // the same review sent with the draft's next version, saved under another name: taken as its earlier version's
        String renamed = "{\"document\": {\"name\": \"ru-v2.md\", \"content\": \"" + base64(ru) + "\"}, \"review\": " + review + "}";
        HttpResponse<byte[]> next = post("/api/review?format=json", renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("X-Review-Earlier-Version")).hasValue("ru.md");
        assertThat(next.headers().firstValue("X-Review-Applied")).hasValue("2");
        assertThat(JSON.readTree(next.body()).get("findings")).noneMatch(f -> f.get("provision").asText().equals(struckAt));

        HttpResponse<byte[]> conclusion = post("/api/review", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(conclusion.statusCode()).isEqualTo(200);
        try (var read = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(conclusion.body()))) {
            assertThat(org.adaldyq.risk.cli.ScanConclusionCommandTest.counted(read)).isEqualTo(before);
            assertThat(read.getTables().get(1).getText()).contains("добавлено экспертом");
        }

        String bad = "{\"document\": {\"name\": \"ru.md\", \"content\": \"" + base64(ru) + "\"}, \"review\": \"\\n{\\\"act\\\": 1}\"}";
        HttpResponse<byte[]> refused = post("/api/review", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("review:2: no \"act\"");
        HttpResponse<byte[]> noReview = post("/api/review", ("{\"document\": {\"content\": \"" + base64(ru) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(noReview.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReview.body()).get("error").asText()).contains("review must be the review's JSON lines");
    }

    /**
     * {@code POST /api/review-from-docx}: the draft {@code format=docx} wrote, one of the scanner's comments deleted
     * in Word, comes back as review lines striking that finding out, which {@code /api/review} then applies; a file
     * that is not a Word document is a 400.
     */
    @Test
    void aReviewMadeInWordComesBackAsReviewLines() throws Exception {
        byte[] draft = Files.readAllBytes(SAMPLES.resolve("ru/kz-laws_rus_104440.md"));
        HttpResponse<byte[]> commented = post("/api/scan?name=draft.md&format=docx", draft);
        assertThat(commented.statusCode()).isEqualTo(200);
        byte[] edited = org.adaldyq.risk.cli.WordEdits.withoutFirstComment(commented.body());
        String content = java.util.Base64.getEncoder().encodeToString(edited);
        HttpResponse<byte[]> read = post("/api/review-from-docx", ("{\"document\": {\"name\": \"draft.review.docx\", \"content\": \""
                + content + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.statusCode()).as(new String(read.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        assertThat(read.headers().firstValue("X-Review-Struck")).hasValue("1");
        assertThat(read.headers().firstValue("X-Review-Confirmed")).hasValue("0");
        assertThat(read.headers().firstValue("X-Review-Added")).hasValue("0");
        assertThat(read.headers().firstValue("X-Review-Unread")).hasValue("0");
        String lines = new String(read.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines.lines()).allMatch(l -> l.contains("\"act\":\"draft.docx\""))
                .filteredOn(l -> !l.contains("\"struck\":[]")).hasSize(1);

        int before = JSON.readTree(post("/api/scan?name=draft.docx", edited).body()).get("findings").size();
        String body = "{\"document\": {\"name\": \"draft.docx\", \"content\": \"" + content + "\"}, \"review\": "
                + JSON.writeValueAsString(lines) + "}";
        HttpResponse<byte[]> applied = post("/api/review?format=json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.headers().firstValue("X-Review-Applied")).hasValue("1");
        assertThat(JSON.readTree(applied.body()).get("findings")).hasSize(before - 1);

        HttpResponse<byte[]> notWord = post("/api/review-from-docx", ("{\"document\": {\"name\": \"notes.txt\", \"content\": \""
                + java.util.Base64.getEncoder().encodeToString(draft) + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notWord.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notWord.body()).get("error").asText()).startsWith("notes.txt is not a Word document with comments to read");
    }

    /**
     * {@code GET /api/search} on a server started with an index gives what {@code search --format json} gives on
     * the same folder (which the server does not lock); filters and bad parameters; 404 without an index.
     */
    @Test
    void theBodyOfLawIsSearchedAsSearchDoes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path folder = dir.resolve("index");
        assertThat(org.adaldyq.risk.cli.CliRun.of("index", "--dir", folder.toString(), SAMPLES.toString()).exit()).isZero();
        try (RiskServer searching = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16, folder))) {
            java.util.function.Function<String, HttpResponse<byte[]>> get = path -> {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + searching.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            HttpResponse<byte[]> found = get.apply("/api/search?q=" + java.net.URLEncoder.encode("вправе", java.nio.charset.StandardCharsets.UTF_8)
                    + "&lang=ru&limit=5");
            assertThat(found.statusCode()).isEqualTo(200);
            org.adaldyq.risk.cli.CliRun cli = org.adaldyq.risk.cli.CliRun.of("search", "--dir", folder.toString(), "--format", "json",
                    "--lang", "ru", "--limit", "5", "вправе");
            assertThat(cli.exit()).as(cli.err()).isZero();
            JsonNode api = JSON.readTree(found.body());
            assertThat(api.get("total").asLong()).isPositive();
            assertThat(api).isEqualTo(JSON.readTree(cli.out()));

            HttpResponse<byte[]> sheet = get.apply("/api/search?q=*:*&format=csv&limit=10000");
            assertThat(sheet.statusCode()).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            String rows = new String(sheet.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rows).startsWith("\ufeffact,title,language,citation,");
            assertThat(org.adaldyq.risk.cli.Csv.read(rows.substring(1))).hasSize(
                    Integer.parseInt(sheet.headers().firstValue("X-Total").orElseThrow()) + 1);
            assertThat(get.apply("/api/search?q=*:*&format=csv&limit=10001").statusCode()).isEqualTo(400);
            assertThat(get.apply("/api/search?q=*:*&limit=201").statusCode()).isEqualTo(400);
            assertThat(get.apply("/api/search?q=*:*&format=xml").statusCode()).isEqualTo(400);
            String factor = api.get("facets").get("factor").fieldNames().next();
            JsonNode filtered = JSON.readTree(get.apply("/api/search?q=*:*&limit=200&factor=" + factor).body());
            assertThat(filtered.get("hits")).isNotEmpty().allSatisfy(h -> assertThat(h.get("factors").toString()).contains(factor));
            assertThat(JSON.readTree(get.apply("/api/search?q=*:*&confirmed=true").body()).get("total").asLong()).isZero();

            // where else the body of law says the same as one provision: as similar gives it
            JsonNode one = api.get("hits").get(0);
            HttpResponse<byte[]> alike = get.apply("/api/similar?act=" + one.get("act").asText() + "&citation="
                    + java.net.URLEncoder.encode(one.get("citation").asText(), java.nio.charset.StandardCharsets.UTF_8) + "&limit=3");
            assertThat(alike.statusCode()).isEqualTo(200);
            org.adaldyq.risk.cli.CliRun similar = org.adaldyq.risk.cli.CliRun.of("similar", "--dir", folder.toString(), "--format", "json",
                    "--limit", "3", "--provision", one.get("act").asText() + "#" + one.get("citation").asText());
            assertThat(similar.exit()).as(similar.err()).isZero();
            JsonNode same = JSON.readTree(alike.body());
            assertThat(same).isEqualTo(JSON.readTree(similar.out()));
            assertThat(same.get("twinAct").asText()).isEqualTo("kz-laws_kaz_104440");
            assertThat(same.get("similar").get(0).get("match").asText()).isEqualTo("twin");
            assertThat(get.apply("/api/similar?act=kz-laws_rus_104440&citation=Article+99").statusCode()).isEqualTo(400);
            assertThat(get.apply("/api/similar?act=kz-laws_rus_104440").statusCode()).isEqualTo(400);

            // the acts of the body of law, as index --list gives them
            org.adaldyq.risk.cli.CliRun listed = org.adaldyq.risk.cli.CliRun.of("index", "--dir", folder.toString(), "--list", "--format", "json");
            assertThat(JSON.readTree(get.apply("/api/acts").body())).as(listed.err()).isEqualTo(JSON.readTree(listed.out()));

            // an act's annotated page, with an anchor at each provision
            HttpResponse<byte[]> actPage = get.apply("/api/act?id=" + one.get("act").asText());
            assertThat(actPage.statusCode()).isEqualTo(200);
            assertThat(new String(actPage.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"d0-o" + one.get("start").asInt() + "\"");
            assertThat(get.apply("/api/act?id=no-such-act").statusCode()).isEqualTo(404);

            HttpResponse<byte[]> page = get.apply("/search");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<script src=\"/search.js\">");
            assertThat(new String(get.apply("/").body(), java.nio.charset.StandardCharsets.UTF_8)).contains("href=\"/search\"");
            for (String bad : List.of("/api/search", "/api/search?q=AND+(", "/api/search?q=x&lang=de", "/api/search?q=x&limit=0",
                    "/api/search?q=x&min-score=much", "/api/search?q=x&sort=age")) {
                HttpResponse<byte[]> refused = get.apply(bad);
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("BAD_REQUEST");
            }
        }
        HttpResponse<byte[]> none = client.send(HttpRequest.newBuilder(uri("/api/search?q=law")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("serve --index DIR");
        assertThat(new String(client.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofByteArray()).body(),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("href=\"/search\"");
        assertThatThrownByNoIndex(dir.resolve("nothing"));

        // an act indexed with a review opens with its decisions; a file changed since it was indexed is not shown
        Path act = Files.writeString(dir.resolve("act.txt"), "Статья 1. Уполномоченный орган вправе отказать по иным основаниям.\n");
        Path worksheet = dir.resolve("act.review.jsonl");
        assertThat(org.adaldyq.risk.cli.CliRun.of("scan", "--format", "review", "--output", worksheet.toString(), act.toString()).exit()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode line = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readAllLines(worksheet).get(0));
        String struck = line.get("found").get(0).asText();
        line.putArray("struck").add(struck);
        line.remove("factors");
        Files.writeString(worksheet, line + "\n");
        Path small = dir.resolve("small-index");
        assertThat(org.adaldyq.risk.cli.CliRun.of("index", "--dir", small.toString(), "--review", worksheet.toString(), act.toString()).exit()).isZero();
        try (RiskServer searching = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16, small))) {
            URI page = URI.create("http://127.0.0.1:" + searching.port() + "/api/act?id=act");
            HttpResponse<byte[]> reviewed = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(reviewed.statusCode()).isEqualTo(200);
            assertThat(new String(reviewed.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"struck\":[\"" + struck + "\"]");
            Files.writeString(act, "Статья 1. Уполномоченный орган обязан выдать разрешение.\n");
            HttpResponse<byte[]> changed = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(changed.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(changed.body()).get("error").asText()).contains("index it again");
        }
    }

    /**
     * {@code POST /api/act-review}: the review an act's page saves is kept in the index, as {@code index --review} keeps
     * it: a struck factor leaves search and its facets (the CLI's search of the folder agrees), the act's page opens with
     * the decision, and saving it again changes nothing. Refused: another site's page, a body that is not JSON lines, a
     * review of another act, an index another process is writing, a file changed since, a read-only server.
     */
    @Test
    void aReviewSavedFromAnActsPageIsKeptInTheIndex(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path act = Files.writeString(dir.resolve("act.txt"), "Статья 1. Уполномоченный орган вправе отказать по иным основаниям.\n");
        Path folder = dir.resolve("index");
        assertThat(org.adaldyq.risk.cli.CliRun.of("index", "--dir", folder.toString(), act.toString()).exit()).isZero();
        Path worksheet = dir.resolve("act.review.jsonl");
        assertThat(org.adaldyq.risk.cli.CliRun.of("scan", "--format", "review", "--output", worksheet.toString(), act.toString()).exit()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode line = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readAllLines(worksheet).get(0));
        String struck = line.get("found").get(0).asText();
        line.putArray("struck").add(struck);
        line.remove("factors"); // the set the decisions leave, as the page writes it
        byte[] review = (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RiskServer searching = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16, folder))) {
            String base = "http://127.0.0.1:" + searching.port();
            java.util.function.BiFunction<String, HttpRequest.Builder, HttpResponse<byte[]>> send = (path, request) -> {
                try {
                    return client.send(request.uri(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            java.util.function.Function<byte[], HttpRequest.Builder> lines = body -> HttpRequest.newBuilder()
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            String factorQuery = "/api/search?q=*:*&factor=" + struck;
            assertThat(JSON.readTree(send.apply(factorQuery, HttpRequest.newBuilder()).body()).get("total").asLong()).isEqualTo(1);
            String page = new String(send.apply("/api/act?id=act", HttpRequest.newBuilder()).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("data-save-to=\"/api/act-review?id=act\"").contains("connect-src 'self'");

            HttpResponse<byte[]> saved = send.apply("/api/act-review?id=act", lines.apply(review).header("Origin", base));
            assertThat(saved.statusCode()).as(new String(saved.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
            JsonNode answer = JSON.readTree(saved.body());
            assertThat(answer.get("decisions").asInt()).isEqualTo(1);
            assertThat(answer.get("unchanged").asBoolean()).isFalse();
            assertThat(JSON.readTree(send.apply(factorQuery, HttpRequest.newBuilder()).body()).get("total").asLong()).isZero();
            assertThat(JSON.readTree(send.apply("/api/acts", HttpRequest.newBuilder()).body()).get("acts").get(0).get("reviewed").asBoolean()).isTrue();
            org.adaldyq.risk.cli.CliRun cli = org.adaldyq.risk.cli.CliRun.of("search", "--dir", folder.toString(), "--format", "json",
                    "--factor", struck, "*:*");
            assertThat(JSON.readTree(cli.out()).get("total").asLong()).as(cli.err()).isZero();
            assertThat(new String(send.apply("/api/act?id=act", HttpRequest.newBuilder()).body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"struck\":[\"" + struck + "\"]");
            assertThat(JSON.readTree(send.apply("/api/act-review?id=act", lines.apply(review)).body()).get("unchanged").asBoolean()).isTrue();

            assertThat(send.apply("/api/act-review?id=act", lines.apply(review).header("Origin", "http://elsewhere.example")).statusCode())
                    .isEqualTo(403);
            // another site's name pointed at this machine (DNS rebinding): its page's Origin and Host agree, the name does not
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", searching.port())) {
                byte[] body = review;
                String head = "POST /api/act-review?id=act HTTP/1.1\r\nHost: rebound.example:" + searching.port() + "\r\nOrigin: http://rebound.example:"
                        + searching.port() + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                String rebound = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(rebound).startsWith("HTTP/1.1 403").contains("\"reason\":\"HOST\"");
            }
            assertThat(send.apply("/api/act-review?id=act", HttpRequest.newBuilder().header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(review))).statusCode()).isEqualTo(400);
            assertThat(send.apply("/api/act-review?id=act", lines.apply("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))).statusCode())
                    .isEqualTo(400);
            line.put("act", "other.txt");
            HttpResponse<byte[]> other = send.apply("/api/act-review?id=act", lines.apply((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(other.body()).get("error").asText()).contains("no line of act act");
            assertThat(send.apply("/api/act-review?id=none", lines.apply(review)).statusCode()).isEqualTo(404);
            assertThat(send.apply("/api/act-review?id=act", HttpRequest.newBuilder()).statusCode()).isEqualTo(405);
            try (org.adaldyq.risk.index.ProvisionIndex writer = org.adaldyq.risk.index.ProvisionIndex.open(folder)) {
                HttpResponse<byte[]> busy = send.apply("/api/act-review?id=act", lines.apply("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(busy.statusCode()).isEqualTo(409);
                assertThat(JSON.readTree(busy.body()).get("reason").asText()).isEqualTo("BUSY");
            }
            Files.writeString(act, "Статья 1. Уполномоченный орган обязан выдать разрешение.\n");
            HttpResponse<byte[]> changed = send.apply("/api/act-review?id=act", lines.apply(review));
            assertThat(changed.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(changed.body()).get("reason").asText()).isEqualTo("CHANGED");
        }
        try (RiskServer readOnly = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16, folder, true))) {
            HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readOnly.port() + "/api/act-review?id=act"))
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(review)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("READ_ONLY");
        }
    }

    private static void assertThatThrownByNoIndex(Path folder) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 200_000, 2, 16, folder)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no index in");
    }

    @Test
    void theTwoOfficialVersionsTogetherGiveWhatScanPairGives() throws Exception {
        Path kk = SAMPLES.resolve("kk/kz-laws_kaz_104440.md");
        Path ru = SAMPLES.resolve("ru/kz-laws_rus_104440.md");
        var direct = RiskEngine.builder().build().scanPair(kk, ru);
        String body = "{\"first\": {\"name\": \"kk.md\", \"content\": \"" + base64(kk) + "\"}, "
                + "\"second\": {\"name\": \"ru.md\", \"content\": \"" + base64(ru) + "\"}}";
        HttpResponse<byte[]> json = post("/api/pair", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode pair = JSON.readTree(json.body());
        assertThat(pair.get("languages").toString()).isEqualTo("[\"kk\",\"ru\"]");
        assertThat(pair.get("counts").get("both").asLong()).isEqualTo(direct.inBoth()).isPositive();
        assertThat(pair.get("counts").get("ru").asLong()).isEqualTo(direct.secondOnly());
        assertThat(pair.get("findings").size()).isEqualTo(direct.findings().size());
        HttpResponse<byte[]> html = post("/api/pair?format=html", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(new String(html.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("kk.md + ru.md", "kk+ru");

        // with the review of the earlier versions (other file names): a finding both carry, struck out in both, is gone
        var shared = direct.findings().stream().filter(f -> f.inBoth()).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (String[] earlier : new String[][] {{"kk-old.md", kk.toString()}, {"ru-old.md", ru.toString()}}) {
            String worksheet = new String(post("/api/scan?name=" + earlier[0] + "&format=review", Files.readAllBytes(Path.of(earlier[1]))).body(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : worksheet.split("\n")) {
                var l = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
                if (l.get("provision").asText().equals(shared.provision())) {
                    l.putArray("struck").add(shared.code());
                    l.remove("factors");
                }
                lines.add(l.toString());
            }
        }
        String reviewed = body.substring(0, body.length() - 1) + ", \"review\": " + JSON.writeValueAsString(String.join("\n", lines)) + "}";
        HttpResponse<byte[]> withReview = post("/api/pair", reviewed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(withReview.statusCode()).isEqualTo(200);
        assertThat(withReview.headers().allValues("X-Review-Earlier-Version")).containsExactly("kk-old.md", "ru-old.md");
        assertThat(withReview.headers().firstValue("X-Review-Applied")).hasValue("2");
        assertThat(JSON.readTree(withReview.body()).get("findings").size()).isEqualTo(direct.findings().size() - 1);
        String page = new String(post("/api/pair?format=html", reviewed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(count(page, "\"struck\":[\"" + shared.code() + "\"]")).isEqualTo(2); // shown on the findings as scanned

        HttpResponse<byte[]> conclusion = post("/api/pair?format=conclusion", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(conclusion.statusCode()).isEqualTo(200);
        try (var read = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(conclusion.body()))) {
            assertThat(read.getTables().get(1).getRow(0).getTableCells()).hasSize(7); // a wording column per version
            assertThat(org.adaldyq.risk.cli.ScanConclusionCommandTest.counted(read)).isEqualTo(direct.findings().size());
        }
        HttpResponse<byte[]> zip = post("/api/pair?format=docx", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> entries = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                byte[] docx = in.readAllBytes();
                try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
                    // every finding of the pair is a comment in each version: its own, or the other's
                    assertThat(doc.getComments()).as(e.getName()).hasSize(direct.findings().size());
                }
            }
        }
        assertThat(entries).containsExactly("kk.review.docx", "ru.review.docx");

        String garbage = java.util.Base64.getEncoder().encodeToString("PK\u0003\u0004garbage".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        List<String[]> bad = List.of(
                new String[] {"not json", "400", "the body must be a JSON object"},
                new String[] {"{\"first\": {\"content\": \"" + base64(kk) + "\"}}", "400", "second.content must be"},
                new String[] {"{\"first\": {\"content\": \"%%%\"}, \"second\": {\"content\": \"\"}}", "400", "first.content is not base64"},
                new String[] {"{\"first\": {\"name\": \"a.docx\", \"content\": \"" + garbage + "\"}, \"second\": {\"content\": \""
                        + base64(ru) + "\"}}", "422", "first: "});
        for (String[] b : bad) {
            HttpResponse<byte[]> r = post("/api/pair", b[0].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(b[0]).isEqualTo(Integer.parseInt(b[1]));
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(b[0]).contains(b[2]);
        }
    }

    /** Two versions of one draft compared (as {@code diff}): the same JSON as the library's, the page, and clear errors. */
    @Test
    void twoVersionsOfADraftAreComparedAsDiffComparesThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("v1.txt"), "Статья 1. Лицензии\n1. Уполномоченный орган вправе приостановить"
                + " действие лицензии.\n2. Порядок устанавливается Правительством.\n");
        Path after = Files.writeString(dir.resolve("v2.txt"), "Статья 1. Лицензии\n1. Уполномоченный орган обязан приостановить"
                + " действие лицензии в течение 10 дней.\n2. Порядок устанавливается Правительством.\n3. Решение не подлежит опубликованию.\n");
        RiskEngine engine = RiskEngine.builder().build();
        var direct = org.adaldyq.risk.compare.DraftComparison.compare(engine.scanDocument(Files.newInputStream(before), "v1.txt"),
                engine.scanDocument(Files.newInputStream(after), "v2.txt"));
        String body = "{\"before\": {\"name\": \"v1.txt\", \"content\": \"" + base64(before) + "\"}, "
                + "\"after\": {\"name\": \"v2.txt\", \"content\": \"" + base64(after) + "\"}}";
        HttpResponse<byte[]> json = post("/api/diff", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body())).isEqualTo(org.adaldyq.risk.compare.DraftDiffJson.of(direct));
        assertThat(JSON.readTree(json.body()).get("findings").get("removed").asInt()).isPositive(); // «вправе» gone
        assertThat(JSON.readTree(json.body()).get("counts").get("added").asInt()).isEqualTo(1);

        // with the expert's review of v1: the findings struck out on the provision v2 keeps as it was are kept no more
        List<String> lines = new ArrayList<>();
        int struck = 0;
        for (String line : new String(post("/api/scan?name=v1.txt&format=review", Files.readAllBytes(before)).body(),
                java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            var l = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
            if (l.get("provision").asText().equals("Article 1, point 2") && !l.get("found").isEmpty()) {
                l.set("struck", l.get("found"));
                l.remove("factors");
                struck = l.get("found").size();
            }
            lines.add(l.toString());
        }
        assertThat(struck).isPositive();
        String reviewed = body.substring(0, body.length() - 1) + ", \"review\": " + JSON.writeValueAsString(String.join("\n", lines)) + "}";
        HttpResponse<byte[]> withReview = post("/api/diff", reviewed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(withReview.statusCode()).isEqualTo(200);
        assertThat(withReview.headers().firstValue("X-Review-Applied")).hasValue("1");
        assertThat(withReview.headers().firstValue("X-Review-Carried")).hasValue("1");
        assertThat(withReview.headers().firstValue("X-Review-Stale")).hasValue("0");
        assertThat(JSON.readTree(withReview.body()).get("findings").get("kept").asInt())
                .isEqualTo(JSON.readTree(json.body()).get("findings").get("kept").asInt() - struck);

        HttpResponse<byte[]> html = post("/api/diff?format=html", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(new String(html.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("v1.txt", "v2.txt", "<html");

        String garbage = java.util.Base64.getEncoder().encodeToString("PK\u0003\u0004garbage".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        List<String[]> bad = List.of(
                new String[] {"/api/diff", "{\"before\": {\"content\": \"" + base64(before) + "\"}}", "400", "after.content must be"},
                new String[] {"/api/diff", "[1]", "400", "before.content must be"},
                new String[] {"/api/diff?format=docx", body, "400", "format must be json or html"},
                new String[] {"/api/diff", "{\"before\": {\"content\": \"" + base64(before) + "\"}, \"after\": {\"name\": \"b.docx\","
                        + " \"content\": \"" + garbage + "\"}}", "422", "after: "});
        for (String[] b : bad) {
            HttpResponse<byte[]> r = post(b[0], b[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(b[1]).isEqualTo(Integer.parseInt(b[2]));
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(b[1]).contains(b[3]);
        }
    }

    @Test
    void withoutAuthorFoldersTheRulesInForceAreTheBuiltInOnes() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/api/rules")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode state = JSON.readTree(r.body());
        assertThat(state.get("regulation").get("folders")).isEmpty();
        assertThat(state.get("regulation").get("inForce").asText()).isEqualTo("built-in regulation pack (precompiled)");
        assertThat(state.get("procurement").has("lastReload")).isFalse();
        assertThat(post("/api/rules", new byte[0]).statusCode()).isEqualTo(405);
    }

    private static String base64(Path file) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    /** {@code min-confidence} keeps what {@code scan --min-confidence} keeps: the findings at or above it, scores of those. */
    @Test
    void aMinimumConfidenceKeepsTheFindingsAtOrAboveIt() throws Exception {
        Path sample = SAMPLES.resolve("ru/kz-laws_rus_104440.md");
        byte[] doc = Files.readAllBytes(sample);
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(post("/api/scan?name=a.md", doc).body()).get("findings").forEach(all::add);
        List<Double> levels = all.stream().map(f -> f.get("confidence").asDouble()).distinct().sorted().toList();
        assertThat(levels).as("confidences of the sample's findings").hasSizeGreaterThan(1);
        double cut = levels.get(levels.size() / 2);

        JsonNode filtered = JSON.readTree(post("/api/scan?name=a.md&min-confidence=" + cut, doc).body());
        List<JsonNode> kept = new ArrayList<>();
        filtered.get("findings").forEach(kept::add);
        assertThat(kept).isEqualTo(all.stream().filter(f -> f.get("confidence").asDouble() >= cut).toList())
                .hasSizeLessThan(all.size()).isNotEmpty();
        RiskEngine direct = RiskEngine.builder().minConfidence(cut).build();
        assertThat(filtered.get("score").asDouble()).isEqualTo(direct.scanDocument(sample).report().score());

        String pair = "{\"first\":{\"name\":\"kk.md\",\"content\":\"" + base64(SAMPLES.resolve("kk/kz-laws_kaz_104440.md"))
                + "\"},\"second\":{\"name\":\"ru.md\",\"content\":\"" + base64(sample) + "\"}}";
        JsonNode pairAll = JSON.readTree(post("/api/pair", pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body());
        JsonNode pairKept = JSON.readTree(post("/api/pair?min-confidence=" + cut, pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body());
        // decided per pair: a factor both versions found stays in both when either version's finding reaches the cut
        List<JsonNode> expectedPairs = new ArrayList<>();
        pairAll.get("findings").forEach(f -> {
            if (Math.max(f.path("kk").path("confidence").asDouble(0), f.path("ru").path("confidence").asDouble(0)) >= cut) {
                expectedPairs.add(f);
            }
        });
        List<JsonNode> keptPairs = new ArrayList<>();
        pairKept.get("findings").forEach(keptPairs::add);
        assertThat(keptPairs).isEqualTo(expectedPairs).isNotEmpty();
        assertThat(pairKept.get("counts").get("both").asInt())
                .isEqualTo(expectedPairs.stream().filter(f -> f.get("in").size() == 2).count());

        for (String bad : List.of("1.5", "-0.1", "abc")) {
            HttpResponse<byte[]> r = post("/api/scan?name=a.md&min-confidence=" + bad, doc);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("min-confidence must be a number from 0 to 1");
        }
    }

    @Test
    void badRequestsAreClearErrors() throws Exception {
        HttpResponse<byte[]> empty = post("/api/scan?name=e.txt", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(empty.body()).get("reason").asText()).isEqualTo("EMPTY");
        HttpResponse<byte[]> big = post("/api/scan?name=big.txt", new byte[300_000]);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(big.body()).get("reason").asText()).isEqualTo("TOO_LARGE");
        HttpResponse<byte[]> binary = post("/api/scan?name=noise.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        assertThat(binary.statusCode()).isEqualTo(422);
        assertThat(post("/api/scan?format=pdf", "x".getBytes()).statusCode()).isEqualTo(400);
        assertThat(client.send(HttpRequest.newBuilder(uri("/api/scan")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(405);
        assertThat(client.send(HttpRequest.newBuilder(uri("/nothing")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        // the server still serves after all that
        assertThat(post("/api/scan?name=ok.txt", "Уполномоченный орган вправе отказать в выдаче лицензии.".getBytes()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void itListensOnTheLoopbackInterfaceByDefault() {
        assertThat(new RiskServer.Options("127.0.0.1", 0, 1, 1, 0).bind()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}

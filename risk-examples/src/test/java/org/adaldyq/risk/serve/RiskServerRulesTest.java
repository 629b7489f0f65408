package org.adaldyq.risk.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --rules DIR --procurement-rules DIR}: the server's engines load author folders on top of the
 * built-in packs and reload them while serving; a change that does not load leaves the previous rules serving.
 */
public class RiskServerRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "1. Решение комиссии не подлежит опубликованию.";

    /** A regulation author rule with this id: NON_COMPETITIVE where a decision is kept secret. */
    public static String rule(String id) {
        return """
                package org.example.ministry;

                import org.adaldyq.risk.regulation.fact.Trigger;
                import org.adaldyq.risk.regulation.fact.FactorHit;

                rule "%s"
                    @code("NON_COMPETITIVE") @severity("low") @title("Closed decision") @source("ministry practice")
                when
                    $t : Trigger(concept == "SECRECY")
                then
                    insert(new FactorHit("NON_COMPETITIVE", drools.getRule().getName(), $t));
                end
                """.formatted(id);
    }

    @Test
    void authorFoldersAreServedAndReloadedWhileServing(@TempDir Path dir) throws Exception {
        Path regulation = Files.createDirectories(dir.resolve("regulation"));
        Path drl = regulation.resolve("CLOSED.drl");
        Files.writeString(drl, rule("NON_COMPETITIVE.ministry-closed"));
        List<String> reloads = new CopyOnWriteArrayList<>();
        RiskServer.Rules rules = new RiskServer.Rules(List.of(regulation), List.of(Path.of("../docs/examples/ua-procurement")),
                (pack, reload) -> reloads.add(pack + " " + reload.applied() + " " + reload.errors()));
        try (RiskServer server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 2_000_000, 2, 4), rules)) {
            HttpClient client = HttpClient.newHttpClient();
            assertThat(ruleIds(client, server)).contains("NON_COMPETITIVE.ministry-closed");
            JsonNode state = rulesState(client, server);
            assertThat(state.get("regulation").get("inForce").asText()).contains("1 added");
            assertThat(state.get("regulation").get("folders").get(0).asText()).isEqualTo(regulation.toString());
            assertThat(state.get("regulation").has("lastReload")).isFalse();
            assertThat(state.get("procurement").get("folders").size()).isEqualTo(1);

            // a saved change is reloaded: the renamed rule serves
            Files.writeString(drl, rule("NON_COMPETITIVE.ministry-closed-v2"));
            waitFor(() -> reloads.stream().anyMatch(r -> r.startsWith("regulation true")));
            assertThat(ruleIds(client, server)).contains("NON_COMPETITIVE.ministry-closed-v2").doesNotContain("NON_COMPETITIVE.ministry-closed");

            // a change that does not load is reported and the previous rules keep serving
            Files.writeString(drl, rule("NON_COMPETITIVE.ministry-closed-v3").replace("concept ==", "concpt =="));
            waitFor(() -> reloads.stream().anyMatch(r -> r.startsWith("regulation false")));
            assertThat(reloads.stream().filter(r -> r.startsWith("regulation false")).findFirst().orElseThrow()).contains(drl + ":9:");
            assertThat(ruleIds(client, server)).contains("NON_COMPETITIVE.ministry-closed-v2");
            // and the server says so to whoever monitors it
            JsonNode last = rulesState(client, server).get("regulation").get("lastReload");
            assertThat(last.get("applied").asBoolean()).isFalse();
            assertThat(last.get("errors").get(0).asText()).startsWith(drl + ":9:").contains("concpt");

            // the procurement folder of the author guide: its flag in the tenders report (English and Russian texts)
            byte[] ukraine = Files.readAllBytes(Path.of("src/test/resources/ocds-samples/compiled/ukraine.jsonl"));
            for (String lang : List.of("en", "ru")) {
                HttpResponse<String> tenders = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/tenders?lang=" + lang)).POST(HttpRequest.BodyPublishers.ofByteArray(ukraine)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(tenders.statusCode()).isEqualTo(200);
                assertThat(tenders.body()).as(lang).contains("\"code\":\"R060\"", "\"value\":17,\"threshold\":15.0");
            }
        }
    }

    @Test
    void rulesThatDoNotLoadStopTheStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("BROKEN.drl"), rule("NON_COMPETITIVE.broken").replace("concept ==", "concpt =="));
        RiskServer.Rules rules = new RiskServer.Rules(List.of(dir), List.of(), (pack, reload) -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 1000, 1, 1), rules))
                .isInstanceOf(org.adaldyq.risk.rules.RuleCompilationException.class).hasMessageContaining("concpt");
    }

    private static List<String> ruleIds(HttpClient client, RiskServer server) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/scan?name=t.txt"))
                .POST(HttpRequest.BodyPublishers.ofString(TEXT)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode f : JSON.readTree(r.body()).get("findings")) {
            ids.add(f.get("ruleId").asText());
        }
        return ids;
    }

    private static JsonNode rulesState(HttpClient client, RiskServer server) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/rules")).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(done.getAsBoolean()).as("within two minutes").isTrue();
    }
}

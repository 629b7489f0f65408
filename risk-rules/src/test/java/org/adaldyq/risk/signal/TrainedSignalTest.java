package org.adaldyq.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained signal inside the rules, with hand-made models in an author folder (so the test does not
 * depend on what the shipped models learned): a model's score enters as a fact, SIGNAL.accept reports a
 * factor no trigger rule found, SIGNAL.veto drops a trigger rule's hit, and both obey thresholds.csv.
 */
class TrainedSignalTest {

    /** No trigger word of any factor: only a model can report something here. */
    static final String PLAIN = "Порядок проведения ярмарки определяет организатор ярмарки.";
    /** A trigger rule finds OPTIONAL_POWER here. */
    static final String MAY_SUSPEND = "Уполномоченный орган вправе приостановить действие лицензии.";

    @TempDir
    Path dir;

    static String model(String factor, double bias, Map<String, Double> weights) throws IOException {
        StringWriter w = new StringWriter();
        new FactorModel(factor, "test", bias, weights, 0.5).write(w);
        return w.toString();
    }

    void folder(String models, String thresholds) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/" + models.lines().filter(l -> l.startsWith("factor")).findFirst()
                .orElseThrow().split("\t")[1] + ".model"), models);
        Files.writeString(dir.resolve("thresholds.csv"), "key,value,comment\n" + thresholds);
    }

    static Set<String> codes(ScanReport r) {
        Set<String> s = new TreeSet<>();
        r.findings().forEach(f -> s.add(f.code()));
        return s;
    }

    @Test
    void aModelFileReadsBackAsWritten() throws IOException {
        String text = model("VAGUE_TERMS", -2.5, Map.of("w:ru:ярмарк", 1.25, "k:VAGUE", 3.0, "b:ru:a b", -0.5));
        FactorModel m = FactorModel.read(new BufferedReader(new StringReader(text)), "test");
        StringWriter again = new StringWriter();
        m.write(again);
        assertThat(again.toString()).isEqualTo(text);
        assertThat(m.weight("k:VAGUE")).isEqualTo(3.0);
        assertThat(m.size()).isEqualTo(3);
    }

    @Test
    void theSignalAloneReportsAFactorAboveItsAcceptThreshold() throws IOException {
        folder(model("VAGUE_TERMS", -3, Map.of("w:ru:ярмарк", 6.0)), "VAGUE_TERMS.signal.accept,0.8,\nVAGUE_TERMS.signal.veto,0,\n");
        ScanReport r = RiskEngine.builder().rules(dir).build().scan(PLAIN, Language.RU);
        assertThat(codes(r)).contains("VAGUE_TERMS");
        Finding f = r.findings().stream().filter(x -> x.code().equals("VAGUE_TERMS")).findFirst().orElseThrow();
        ProvisionLocation at = (ProvisionLocation) f.location();
        assertThat(at.quote()).as("quotes the words that weighed").contains("ярмарк");
        assertThat(PLAIN.substring(at.start(), at.end())).isEqualTo(at.quote());
        assertThat(f.ruleId()).isEqualTo("SIGNAL.accept");

        assertThat(codes(RiskEngine.builder().rules(dir).signal(false).build().scan(PLAIN, Language.RU)))
                .as("signal off: rules alone").doesNotContain("VAGUE_TERMS");
    }

    @Test
    void anAcceptThresholdAboveOneTurnsTheSignalOffForThatFactor() throws IOException {
        folder(model("VAGUE_TERMS", -3, Map.of("w:ru:ярмарк", 6.0)), "VAGUE_TERMS.signal.accept,1.01,\nVAGUE_TERMS.signal.veto,0,\n");
        assertThat(codes(RiskEngine.builder().rules(dir).build().scan(PLAIN, Language.RU))).doesNotContain("VAGUE_TERMS");
    }

    @Test
    void aLowScoreVetoesATriggerRulesHit() throws IOException {
        folder(model("OPTIONAL_POWER", -6, Map.of()), "OPTIONAL_POWER.signal.accept,1.01,\nOPTIONAL_POWER.signal.veto,0.1,\n");
        assertThat(codes(RiskEngine.builder().signal(false).build().scan(MAY_SUSPEND, Language.RU))).contains("OPTIONAL_POWER");
        assertThat(codes(RiskEngine.builder().rules(dir).build().scan(MAY_SUSPEND, Language.RU))).doesNotContain("OPTIONAL_POWER");
    }

    @Test
    void aHighScoreKeepsTheTriggerRulesQuote() throws IOException {
        folder(model("OPTIONAL_POWER", 4, Map.of()), "OPTIONAL_POWER.signal.accept,0.5,\nOPTIONAL_POWER.signal.veto,0.1,\n");
        Finding f = RiskEngine.builder().rules(dir).build().scan(MAY_SUSPEND, Language.RU).findings().stream()
                .filter(x -> x.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        assertThat(f.ruleId()).startsWith("OPTIONAL_POWER.");
        assertThat(((ProvisionLocation) f.location()).quote()).contains("вправе");
    }

    @Test
    void signalThresholdsAreChecked() throws IOException {
        folder(model("VAGUE_TERMS", -3, Map.of()), "NO_SUCH_FACTOR.signal.accept,0.5,\nVAGUE_TERMS.signal.veto,7,\n");
        RegulationRules.Loaded l = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        List<String> errors = l.problems().stream().filter(RuleProblem::error).map(RuleProblem::toString).toList();
        assertThat(errors).anyMatch(e -> e.contains("thresholds.csv:2") && e.contains("unknown factor code NO_SUCH_FACTOR"));
        assertThat(errors).anyMatch(e -> e.contains("thresholds.csv:3") && e.contains("score from 0 to 1"));
    }

    @Test
    void aBrokenModelFileIsAnErrorWithItsLine() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/VAGUE_TERMS.model"), "factor\tVAGUE_TERMS\nfeatures\t" + SignalFeatures.VERSION
                + "\nbias\tnot-a-number\n");
        RegulationRules.Loaded l = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        assertThat(l.ok()).isFalse();
        assertThat(l.problems()).anyMatch(p -> p.error() && p.toString().contains("VAGUE_TERMS.model:3"));
    }

    @Test
    void aModelOfAnotherFeatureVersionIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/VAGUE_TERMS.model"), "factor\tVAGUE_TERMS\nfeatures\tf0\nbias\t0\n");
        RegulationRules.Loaded l = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        assertThat(l.problems()).anyMatch(p -> p.error() && p.toString().contains("retrain"));
    }
}

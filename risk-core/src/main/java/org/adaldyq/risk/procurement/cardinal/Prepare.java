package org.adaldyq.risk.procurement.cardinal;

import org.adaldyq.risk.procurement.settings.Settings;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cardinal's {@code prepare}: corrects known quality problems in compiled releases (one per line) so that
 * the indicators compute correctly, and reports the problems that remain.
 *
 * <p>Per release, in this order: (0) {@code [modifications] move_auctions} ({@link AuctionMove}), so that
 * the bids it moves are corrected like the others; (1) an object at {@code /bids/details[]/tenderers} or
 * {@code /awards[]/suppliers} is wrapped in an array ({@link ArrayWrapping}); (2) integer ids become
 * strings ({@link IdNormalisation}); (3) {@code [modifications] split_procurement_method_details}
 * ({@link MethodDetailsSplit});
 * (4) {@code [redactions]} ({@link Redaction}); (5) {@code [codelists.bid_status]} and
 * {@code [codelists.award_status]} ({@link StatusRemap}); (6) {@code [corrections]
 * award_status_by_contract_status} ({@link AwardStatusByContracts}); (7) {@code [defaults]}
 * ({@link Defaults}, then {@link PartyRoles} on the publisher's ids); (8) the id prefixes of
 * {@code [modifications]} ({@link IdPrefixing}); (9) the checks ({@link QualityCheck}). Steps 1 and 2
 * always run; the others only when their setting is given.
 *
 * <p>A problem is reported only when it remains after the corrections: a default currency that fills the
 * gap means no {@code not set}, a status that a codelist maps to a valid code no {@code invalid}, a
 * redacted amount no {@code is zero}. Cardinal's workflow is to edit the settings until none remain.
 *
 * <p>Decisions where the specification is silent (each detailed on the class that applies it, and in
 * {@code docs/cardinal-compat.md}): "not set" is missing, {@code null} or {@code ""}; defaults and checks
 * apply only inside containers that exist (a currency for bids with a {@code value} object, a scheme for
 * items with a {@code classification} object, statuses for every bid and award that is an object); valid
 * codes are OCDS's bidStatus ({@code invited pending valid disqualified withdrawn}) and awardStatus
 * ({@code pending active cancelled unsuccessful}) codelists, codelist keys match exactly; a bid amount of
 * numeric zero is {@code is zero}; booleans are on when {@code true} in any case. Problems come in
 * document order, bids first (status, currency, amount, items' schemes), then awards (status, items'
 * schemes); {@link PrepareProblemCsv} writes them without a header row.
 *
 * <p>Output: each corrected release as one compact JSON line, in input order, members in their input order
 * (a duplicate member name keeps its first position and its last value). Numbers keep their digits
 * ({@code 1.50} stays {@code 1.50}); an exponent may be rewritten ({@code 1e3} → {@code 1E+3}). Blank lines
 * are skipped silently; a line that is not UTF-8, not JSON or not a JSON object is skipped with a
 * {@link LineWarning}, and has no output line.
 *
 * <p>Immutable and thread-safe: build one per settings file and share it.
 */
public final class Prepare {
    private final List<ReleaseCorrection> corrections;

    /** A preparer for these settings (their {@code defaults}, {@code redactions}, {@code codelists.*}, {@code modifications}, {@code corrections} sections). */
    public Prepare(Settings settings) {
        PrepareSettings s = PrepareSettings.of(settings);
        List<ReleaseCorrection> steps = new ArrayList<>();
        if (s.moveAuctions()) {
            // first, so that the bids it moves get the always-done corrections like any other bid
            steps.add(new AuctionMove());
        }
        steps.add(new ArrayWrapping());
        steps.add(new IdNormalisation());
        if (s.methodDetailsSeparator() != null) {
            steps.add(new MethodDetailsSplit(s.methodDetailsSeparator()));
        }
        if (!s.redactedAmounts().isEmpty() || !s.redactedOrganizationIds().isEmpty()) {
            steps.add(new Redaction(s.redactedAmounts(), s.redactedOrganizationIds()));
        }
        if (!s.bidStatusCodes().isEmpty() || !s.awardStatusCodes().isEmpty()) {
            steps.add(new StatusRemap(s.bidStatusCodes(), s.awardStatusCodes()));
        }
        if (s.awardStatusByContractStatus()) {
            steps.add(new AwardStatusByContracts());
        }
        steps.add(new Defaults(s.currency(), s.itemClassificationScheme(), s.bidStatus(), s.awardStatus()));
        if (s.partyRoles()) {
            steps.add(new PartyRoles());
        }
        steps.add(new IdPrefixing(s.buyerOrProcuringEntityPrefix(), s.tendererOrSupplierPrefix()));
        this.corrections = List.copyOf(steps);
    }

    /**
     * Corrects one release in place and reports what remains. {@code line} is its input line, for the
     * problems and warnings.
     */
    public void correct(ObjectNode release, long line, Consumer<PrepareProblem> problems, Consumer<LineWarning> warnings) {
        Consumer<String> lineWarnings = reason -> warnings.accept(new LineWarning(line, reason));
        for (ReleaseCorrection correction : corrections) {
            correction.apply(release, lineWarnings);
        }
        QualityCheck.check(release, line, problems);
    }

    /**
     * Reads compiled releases, one per line, from {@code in} to its end and writes each corrected one as a
     * line to {@code out} (neither is closed; {@code out} is flushed). Problems go to {@code problems} in
     * the order found, line by line; skipped lines and uncorrected releases to {@code warnings}.
     */
    public PrepareSummary run(InputStream in, OutputStream out, Consumer<PrepareProblem> problems,
                              Consumer<LineWarning> warnings) throws IOException {
        long[] counts = new long[3]; // releases, skipped, problems
        Consumer<PrepareProblem> counted = problem -> {
            counts[2]++;
            problems.accept(problem);
        };
        try (JsonGenerator g = JsonLines.MAPPER.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(null);
            new JsonLines().read(in, (line, value) -> {
                if (value instanceof ObjectNode release) {
                    correct(release, line, counted, warnings);
                    JsonLines.MAPPER.writeTree(g, release);
                    g.writeRaw('\n');
                    counts[0]++;
                } else {
                    counts[1]++;
                    warnings.accept(new LineWarning(line, "not a JSON object but " + kind(value)));
                }
            }, warning -> {
                counts[1]++;
                warnings.accept(warning);
            });
            g.flush();
        }
        return new PrepareSummary(counts[0], counts[1], counts[2]);
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}

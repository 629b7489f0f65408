package org.adaldyq.risk.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.adaldyq.risk.report.RiskJacksonModule;
import org.adaldyq.risk.review.Review;

/**
 * The JSON form of a comparison of two versions of one draft, as {@code diff --format json} and
 * {@code POST /api/diff} write it: {@code before}, {@code after}, {@code language}, {@code score} and
 * {@code provisions} (before and after), {@code counts} of provisions per kind of change, {@code findings}
 * counts per status, and {@code changes}, each provision change with its findings and {@code renumbered}.
 */
public final class DraftDiffJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new RiskJacksonModule());

    private DraftDiffJson() {
    }

    /** The comparison as a JSON tree. */
    public static ObjectNode of(DraftDiff d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("before", d.before());
        o.put("after", d.after());
        o.put("language", d.language().code());
        o.putObject("score").put("before", d.scoreBefore()).put("after", d.scoreAfter());
        o.putObject("provisions").put("before", d.provisionsBefore()).put("after", d.provisionsAfter());
        ObjectNode counts = o.putObject("counts");
        d.counts().forEach((k, v) -> counts.put(k.toString().toLowerCase(Locale.ROOT), v));
        ObjectNode findings = o.putObject("findings");
        d.findingCounts().forEach((k, v) -> findings.put(k.toString().toLowerCase(Locale.ROOT), v));
        ArrayNode changes = o.putArray("changes");
        for (ProvisionChange c : d.changes()) {
            ObjectNode node = MAPPER.valueToTree(c);
            node.put("renumbered", c.renumbered());
            changes.add(node);
        }
        return o;
    }

    /**
     * The comparison with the expert's review of the earlier version on both ({@link Review#revision}), or without
     * one ({@code review} null): {@code review} then says under which file name the decisions were made
     * ({@code reviewedAs}), how many were {@code applied} to the earlier version and {@code carried} to the later,
     * and, in {@code readAgain}, the provisions whose decisions were not carried because their words changed.
     */
    public static ObjectNode of(DraftDiff d, Review.Revision review) {
        ObjectNode o = of(d);
        if (review != null) {
            ObjectNode r = o.putObject("review");
            r.put("reviewedAs", review.reviewedAs());
            r.put("applied", review.before().applied());
            r.put("carried", review.after().applied());
            ArrayNode again = r.putArray("readAgain");
            for (Review.Decision stale : review.after().stale()) {
                again.add(Review.json(stale));
            }
        }
        return o;
    }

    /** The comparison as compact JSON text. */
    public static String compact(DraftDiff d) {
        return of(d).toString();
    }

    /** As {@link #of(DraftDiff, Review.Revision)}, as compact JSON text. */
    public static String compact(DraftDiff d, Review.Revision review) {
        return of(d, review).toString();
    }
}

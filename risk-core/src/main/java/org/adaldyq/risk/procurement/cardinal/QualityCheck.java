package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.notSet;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.object;

/**
 * The problems that remain in a release after every correction, in document order: for each bid
 * ({@code /bids/details[]}) its status (not set, or not a bidStatus code), its currency when it has a
 * {@code value} object (not set), its amount (zero), its items' classification schemes (not set, when the
 * item has a {@code classification} object); then for each award ({@code /awards[]}) its status (not set,
 * or not an awardStatus code) and its items' classification schemes. Array elements that are not objects
 * are not bids, awards or items, and are not checked.
 */
final class QualityCheck {
    /** OCDS 1.1 bidStatus codelist. */
    static final Set<String> BID_STATUSES = Set.of("invited", "pending", "valid", "disqualified", "withdrawn");
    /** OCDS 1.1 awardStatus codelist. */
    static final Set<String> AWARD_STATUSES = Set.of("pending", "active", "cancelled", "unsuccessful");

    private QualityCheck() {
    }

    /** Sends each problem of {@code release}, read from input line {@code line}, to {@code problems}. */
    static void check(ObjectNode release, long line, Consumer<PrepareProblem> problems) {
        JsonNode ocidNode = release.get("ocid");
        String ocid = ocidNode == null || ocidNode.isNull() ? null : ocidNode.isTextual() ? ocidNode.textValue() : ocidNode.toString();
        Reporter report = new Reporter(line, ocid, problems);
        ObjectNode bids = object(release, "bids");
        JsonNode details = bids == null ? null : bids.get("details");
        if (details != null && details.isArray()) {
            for (int b = 0; b < details.size(); b++) {
                if (details.get(b) instanceof ObjectNode bid) {
                    report.status(bid.get("status"), BID_STATUSES, "/bids/details[]/status", b);
                    ObjectNode value = object(bid, "value");
                    if (value != null) {
                        if (notSet(value.get("currency"))) {
                            report.notSet("/bids/details[]/value/currency", b);
                        }
                        JsonNode amount = value.get("amount");
                        if (amount != null && amount.isNumber() && amount.decimalValue().compareTo(BigDecimal.ZERO) == 0) {
                            report.problem("/bids/details[]/value/amount", List.of(b), amount.toString(), PrepareProblem.Kind.IS_ZERO);
                        }
                    }
                    report.schemes(bid, "/bids/details[]/items[]/classification/scheme", b);
                }
            }
        }
        JsonNode awards = release.get("awards");
        if (awards != null && awards.isArray()) {
            for (int a = 0; a < awards.size(); a++) {
                if (awards.get(a) instanceof ObjectNode award) {
                    report.status(award.get("status"), AWARD_STATUSES, "/awards[]/status", a);
                    report.schemes(award, "/awards[]/items[]/classification/scheme", a);
                }
            }
        }
    }

    /** Builds the problems of one release. */
    private record Reporter(long line, String ocid, Consumer<PrepareProblem> problems) {
        void problem(String path, List<Integer> indexes, String value, PrepareProblem.Kind kind) {
            problems.accept(new PrepareProblem(line, ocid, path, indexes, value, kind));
        }

        void notSet(String path, int index) {
            problem(path, List.of(index), null, PrepareProblem.Kind.NOT_SET);
        }

        void status(JsonNode status, Set<String> codes, String path, int index) {
            if (ReleaseTree.notSet(status)) {
                notSet(path, index);
            } else if (!status.isTextual() || !codes.contains(status.textValue())) {
                problem(path, List.of(index), status.isTextual() ? status.textValue() : status.toString(), PrepareProblem.Kind.INVALID);
            }
        }

        void schemes(ObjectNode bidOrAward, String path, int index) {
            JsonNode items = bidOrAward.get("items");
            if (items == null || !items.isArray()) {
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                ObjectNode classification = object(items.get(i), "classification");
                if (classification != null && ReleaseTree.notSet(classification.get("scheme"))) {
                    problem(path, List.of(index, i), null, PrepareProblem.Kind.NOT_SET);
                }
            }
        }
    }
}

package org.adaldyq.risk.procurement.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Compiles one OCDS compiled release (a Jackson tree) into a {@link ContractingProcess}. Wrong types are
 * read as absent, never as errors: a string where a number is expected is simply no number, as in Cardinal.
 * Thread-safe (stateless).
 */
public final class ProcessCompiler {

    public ContractingProcess compile(JsonNode release, long line) {
        JsonNode tender = release.path("tender");
        JsonNode period = tender.path("tenderPeriod");
        String start = text(period.path("startDate"));
        String end = text(period.path("endDate"));
        JsonNode bidsNode = release.path("bids");
        JsonNode details = bidsNode.path("details");
        JsonNode awardsNode = release.path("awards");

        List<Bid> bids = new ArrayList<>();
        if (details.isArray()) {
            int i = 0;
            for (JsonNode b : details) {
                JsonNode tenderers = b.path("tenderers");
                bids.add(new Bid(i++, text(b.path("status")), OcdsDates.parse(text(b.path("date"))),
                        money(b.path("value")), ids(tenderers), tenderers.isArray() ? tenderers.size() : 0));
            }
        }
        List<Award> awards = new ArrayList<>();
        if (awardsNode.isArray()) {
            int i = 0;
            for (JsonNode a : awardsNode) {
                JsonNode suppliers = a.path("suppliers");
                List<String> classes = new ArrayList<>();
                for (JsonNode item : a.path("items")) {
                    String c = text(item.path("classification").path("id"));
                    if (c != null) {
                        classes.add(c);
                    }
                }
                awards.add(new Award(i++, id(a.path("id")), text(a.path("status")),
                        OcdsDates.parse(text(a.path("date"))), money(a.path("value")), ids(suppliers),
                        suppliers.isArray() ? suppliers.size() : 0, List.copyOf(classes)));
            }
        }
        List<Contract> contracts = new ArrayList<>();
        int ci = 0;
        for (JsonNode c : release.path("contracts")) {
            JsonNode amendments = c.path("amendments");
            int amendmentCount = amendments.isArray() ? amendments.size()
                    : c.path("amendment").isObject() ? 1 : 0;
            contracts.add(new Contract(ci++, id(c.path("id")), id(c.path("awardID")), text(c.path("status")),
                    OcdsDates.parse(text(c.path("dateSigned"))), money(c.path("value")), amendmentCount));
        }
        List<Party> parties = new ArrayList<>();
        for (JsonNode p : release.path("parties")) {
            List<String> roles = new ArrayList<>();
            for (JsonNode r : p.path("roles")) {
                if (r.isTextual()) {
                    roles.add(r.asText());
                }
            }
            parties.add(new Party(id(p.path("id")), text(p.path("name")), List.copyOf(roles),
                    address(p.path("address")), phone(text(p.path("contactPoint").path("telephone"))),
                    email(text(p.path("contactPoint").path("email")))));
        }
        List<String> tenderClasses = new ArrayList<>();
        for (JsonNode item : tender.path("items")) {
            String c = text(item.path("classification").path("id"));
            if (c != null) {
                tenderClasses.add(c);
            }
        }
        Long bidStatistics = null;
        for (JsonNode s : bidsNode.path("statistics")) {
            if ("bids".equals(text(s.path("measure"))) && s.path("value").isIntegralNumber()) {
                bidStatistics = s.path("value").asLong();
                break;
            }
        }
        JsonNode n = tender.path("numberOfTenderers");
        Long numberOfTenderers = n.isIntegralNumber() ? n.asLong() : null;

        return new ContractingProcess(
                release.path("ocid").isTextual() ? release.path("ocid").asText() : null,
                line,
                text(release.path("date")),
                text(tender.path("status")),
                text(tender.path("procurementMethod")),
                text(tender.path("procurementMethodDetails")),
                text(tender.path("procurementMethodRationale")),
                numberOfTenderers,
                start, end, OcdsDates.parse(start), OcdsDates.parse(end),
                money(tender.path("value")),
                id(release.path("buyer").path("id")),
                id(tender.path("procuringEntity").path("id")),
                List.copyOf(new LinkedHashSet<>(ids(tender.path("tenderers")))),
                List.copyOf(tenderClasses),
                details.isArray(), List.copyOf(bids), bidStatistics,
                awardsNode.isArray(), List.copyOf(awards), List.copyOf(contracts), List.copyOf(parties));
    }

    static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** OCDS identifiers are strings; integral numbers (OCDS 1.0 era) are read as their decimal text. */
    static String id(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        return n.isIntegralNumber() ? n.asText() : null;
    }

    static Money money(JsonNode v) {
        if (!v.isObject()) {
            return Money.NONE;
        }
        JsonNode a = v.path("amount");
        Double amount = a.isNumber() ? a.asDouble() : null;
        String currency = text(v.path("currency"));
        return amount == null && currency == null ? Money.NONE : new Money(amount, currency);
    }

    static List<String> ids(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode o : array) {
            String id = id(o.path("id"));
            if (id != null) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    static String address(JsonNode a) {
        if (!a.isObject()) {
            return null;
        }
        String[] parts = {"streetAddress", "locality", "region", "postalCode", "countryName"};
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String v = text(a.path(part));
            if (v == null || v.isBlank()) {
                return null;
            }
            sb.append(normalise(v)).append('|');
        }
        return sb.toString();
    }

    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    static String phone(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.length() < 5 ? null : sb.toString(); // too short to identify anyone
    }

    static String email(String s) {
        if (s == null || s.indexOf('@') < 1) {
            return null;
        }
        return s.trim().toLowerCase(Locale.ROOT);
    }
}

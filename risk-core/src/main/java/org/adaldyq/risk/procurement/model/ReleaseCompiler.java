package org.adaldyq.risk.procurement.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The one OCDS compiler: a compiled release into a {@link ContractingProcess}, from the Jackson token
 * stream, the members the engine does not read skipped by the tokenizer. Wrong types are read as absent,
 * never as errors (a string where a number is expected is no number, as in Cardinal); an object where an
 * array is expected is iterated as its member values.
 *
 * <p>Two entry points, one code path: the bytes of a line ({@link #compile(byte[], long, boolean)}, the
 * fast path of line-delimited input) and a parsed tree ({@link #compile(JsonNode, long, boolean)}, for
 * releases of packages, records and merged releases, traversed as a token stream). From bytes it returns
 * null for what a tree must decide, so the caller parses the line and classifies it: values that are not
 * an object, packages and records ({@code records}, {@code releases}, {@code compiledRelease} at the top),
 * a member the engine reads given twice (a tree keeps the last), invalid JSON and trailing content.
 * Stateless and thread-safe.
 */
public final class ReleaseCompiler {
    private ReleaseCompiler() {
    }

    /** Not for this compiler: the caller uses the tree. */
    private static final class Fallback extends RuntimeException {
        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALLBACK = new Fallback();

    @FunctionalInterface
    private interface Element {
        void accept(JsonParser p, JsonToken t) throws IOException;
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /** The process of one line of line-delimited JSON, or null to use the tree. */
    public static ContractingProcess compile(byte[] json, long line) {
        return compile(json, line, true);
    }

    /**
     * As {@link #compile(byte[], long)}; without {@code parties} (an empty list) when {@code parties} is
     * false, for callers that never read them (they cost more than any other member to compile).
     */
    public static ContractingProcess compile(byte[] json, long line, boolean parties) {
        try (JsonParser p = JSON.createParser(json)) {
            return compile(p, line, parties);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The process of a compiled release already parsed (never null): its tree traversed as a token stream,
     * so it gives exactly what the bytes it was parsed from give.
     */
    public static ContractingProcess compile(JsonNode release, long line, boolean parties) {
        ContractingProcess c = null;
        if (release.isObject()) {
            try (JsonParser p = release.traverse()) {
                c = compile(p, line, parties, true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // a tree in memory does not fail to read
            }
        }
        if (c == null) {
            // not an object: a process with nothing but its line (skipped by the engine: no ocid)
            c = compile("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), line, parties);
        }
        return c;
    }

    /** The process of the line {@code p} reads (a fresh parser), or null to use the tree. */
    public static ContractingProcess compile(JsonParser p, long line, boolean parties) {
        return compile(p, line, parties, false);
    }

    /** @param tree whether {@code p} traverses a tree, whose package members are data, never packages */
    private static ContractingProcess compile(JsonParser p, long line, boolean parties, boolean tree) {
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ContractingProcess c = release(p, line, parties, tree);
            return p.nextToken() == null ? c : null;
        } catch (Fallback | IOException e) {
            return null;
        } catch (RuntimeException e) {
            return null; // e.g. a number Jackson refuses to convert: the tree path decides what it means
        }
    }

    private static long once(long seen, int bit) {
        long b = 1L << bit;
        if ((seen & b) != 0) {
            throw FALLBACK;
        }
        return seen | b;
    }

    private static ContractingProcess release(JsonParser p, long line, boolean withParties, boolean tree) throws IOException {
        long seen = 0;
        String ocid = null;
        String date = null;
        String buyerId = null;
        Tender tender = new Tender();
        boolean hasBidDetails = false;
        List<Bid> bids = new ArrayList<>();
        Long bidStatistics = null;
        boolean hasAwards = false;
        List<Award> awards = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "records", "releases", "compiledRelease" -> {
                    if (!tree) {
                        throw FALLBACK; // a package or a record: the tree classifies it
                    }
                    p.skipChildren(); // inside a compiled release: data the engine does not read
                }
                case "ocid" -> {
                    seen = once(seen, 0);
                    ocid = text(p, t);
                }
                case "date" -> {
                    seen = once(seen, 1);
                    date = text(p, t);
                }
                case "buyer" -> {
                    seen = once(seen, 2);
                    buyerId = idMember(p, t);
                }
                case "tender" -> {
                    seen = once(seen, 3);
                    tender(p, t, tender);
                }
                case "bids" -> {
                    seen = once(seen, 4);
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    long bseen = 0;
                    String n;
                    while ((n = p.nextFieldName()) != null) {
                        JsonToken v = p.nextToken();
                        if (n.equals("details")) {
                            bseen = once(bseen, 0);
                            if (v == JsonToken.START_ARRAY) {
                                hasBidDetails = true;
                                JsonToken e;
                                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                                    bids.add(bid(p, e, bids.size()));
                                }
                            } else {
                                p.skipChildren();
                            }
                        } else if (n.equals("statistics")) {
                            bseen = once(bseen, 1);
                            Long[] found = {null};
                            elements(p, v, (q, e) -> {
                                Long s = statistic(q, e);
                                if (found[0] == null && s != null) {
                                    found[0] = s;
                                }
                            });
                            bidStatistics = found[0];
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "awards" -> {
                    seen = once(seen, 5);
                    if (t == JsonToken.START_ARRAY) {
                        hasAwards = true;
                        JsonToken e;
                        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                            awards.add(award(p, e, awards.size()));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "contracts" -> {
                    seen = once(seen, 6);
                    elements(p, t, (q, e) -> contracts.add(contract(q, e, contracts.size())));
                }
                case "parties" -> {
                    seen = once(seen, 7);
                    if (withParties) {
                        elements(p, t, (q, e) -> parties.add(party(q, e)));
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new ContractingProcess(ocid, line, date, tender.status, tender.procurementMethod,
                tender.procurementMethodDetails, tender.procurementMethodRationale, tender.numberOfTenderers,
                tender.start, tender.end, OcdsDates.parse(tender.start), OcdsDates.parse(tender.end), tender.value,
                buyerId, tender.procuringEntityId, List.copyOf(new LinkedHashSet<>(tender.tendererIds)),
                List.copyOf(tender.classes), hasBidDetails, List.copyOf(bids), bidStatistics, hasAwards,
                List.copyOf(awards), List.copyOf(contracts), List.copyOf(parties));
    }

    private static final class Tender {
        String status;
        String procurementMethod;
        String procurementMethodDetails;
        String procurementMethodRationale;
        Long numberOfTenderers;
        String start;
        String end;
        Money value = Money.NONE;
        String procuringEntityId;
        List<String> tendererIds = List.of();
        List<String> classes = new ArrayList<>();
    }

    private static void tender(JsonParser p, JsonToken t, Tender tender) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        long seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "status" -> {
                    seen = once(seen, 0);
                    tender.status = text(p, v);
                }
                case "procurementMethod" -> {
                    seen = once(seen, 1);
                    tender.procurementMethod = text(p, v);
                }
                case "procurementMethodDetails" -> {
                    seen = once(seen, 2);
                    tender.procurementMethodDetails = text(p, v);
                }
                case "procurementMethodRationale" -> {
                    seen = once(seen, 3);
                    tender.procurementMethodRationale = text(p, v);
                }
                case "numberOfTenderers" -> {
                    seen = once(seen, 4);
                    tender.numberOfTenderers = integral(p, v);
                }
                case "tenderPeriod" -> {
                    seen = once(seen, 5);
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    long ps = 0;
                    String n;
                    while ((n = p.nextFieldName()) != null) {
                        JsonToken d = p.nextToken();
                        if (n.equals("startDate")) {
                            ps = once(ps, 0);
                            tender.start = text(p, d);
                        } else if (n.equals("endDate")) {
                            ps = once(ps, 1);
                            tender.end = text(p, d);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "value" -> {
                    seen = once(seen, 6);
                    tender.value = money(p, v);
                }
                case "procuringEntity" -> {
                    seen = once(seen, 7);
                    tender.procuringEntityId = idMember(p, v);
                }
                case "tenderers" -> {
                    seen = once(seen, 8);
                    List<String> ids = new ArrayList<>();
                    ids(p, v, ids);
                    tender.tendererIds = ids;
                }
                case "items" -> {
                    seen = once(seen, 9);
                    elements(p, v, (q, e) -> classification(q, e, tender.classes));
                }
                default -> p.skipChildren();
            }
        }
    }

    private static Bid bid(JsonParser p, JsonToken t, int index) throws IOException {
        String status = null;
        String date = null;
        Money value = Money.NONE;
        List<String> ids = new ArrayList<>();
        int count = 0;
        if (t == JsonToken.START_OBJECT) {
            long seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "status" -> {
                        seen = once(seen, 0);
                        status = text(p, v);
                    }
                    case "date" -> {
                        seen = once(seen, 1);
                        date = text(p, v);
                    }
                    case "value" -> {
                        seen = once(seen, 2);
                        value = money(p, v);
                    }
                    case "tenderers" -> {
                        seen = once(seen, 3);
                        count = ids(p, v, ids);
                    }
                    default -> p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return new Bid(index, status, OcdsDates.parse(date), value, List.copyOf(ids), count);
    }

    private static Long statistic(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        long seen = 0;
        String measure = null;
        Long value = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("measure")) {
                seen = once(seen, 0);
                measure = text(p, v);
            } else if (name.equals("value")) {
                seen = once(seen, 1);
                value = integral(p, v);
            } else {
                p.skipChildren();
            }
        }
        return "bids".equals(measure) ? value : null;
    }

    private static Award award(JsonParser p, JsonToken t, int index) throws IOException {
        String id = null;
        String status = null;
        String date = null;
        Money value = Money.NONE;
        List<String> suppliers = new ArrayList<>();
        int count = 0;
        List<String> classes = new ArrayList<>();
        if (t == JsonToken.START_OBJECT) {
            long seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> {
                        seen = once(seen, 0);
                        id = id(p, v);
                    }
                    case "status" -> {
                        seen = once(seen, 1);
                        status = text(p, v);
                    }
                    case "date" -> {
                        seen = once(seen, 2);
                        date = text(p, v);
                    }
                    case "value" -> {
                        seen = once(seen, 3);
                        value = money(p, v);
                    }
                    case "suppliers" -> {
                        seen = once(seen, 4);
                        count = ids(p, v, suppliers);
                    }
                    case "items" -> {
                        seen = once(seen, 5);
                        elements(p, v, (q, e) -> classification(q, e, classes));
                    }
                    default -> p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return new Award(index, id, status, OcdsDates.parse(date), value, List.copyOf(suppliers), count,
                List.copyOf(classes));
    }

    private static Contract contract(JsonParser p, JsonToken t, int index) throws IOException {
        String id = null;
        String awardId = null;
        String status = null;
        String dateSigned = null;
        Money value = Money.NONE;
        int amendments = -1;
        boolean amendment = false;
        if (t == JsonToken.START_OBJECT) {
            long seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> {
                        seen = once(seen, 0);
                        id = id(p, v);
                    }
                    case "awardID" -> {
                        seen = once(seen, 1);
                        awardId = id(p, v);
                    }
                    case "status" -> {
                        seen = once(seen, 2);
                        status = text(p, v);
                    }
                    case "dateSigned" -> {
                        seen = once(seen, 3);
                        dateSigned = text(p, v);
                    }
                    case "value" -> {
                        seen = once(seen, 4);
                        value = money(p, v);
                    }
                    case "amendments" -> {
                        seen = once(seen, 5);
                        if (v == JsonToken.START_ARRAY) {
                            int n = 0;
                            JsonToken e;
                            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                                n++;
                                p.skipChildren();
                            }
                            amendments = n;
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "amendment" -> {
                        seen = once(seen, 6);
                        amendment = v == JsonToken.START_OBJECT;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        int count = amendments >= 0 ? amendments : amendment ? 1 : 0;
        return new Contract(index, id, awardId, status, OcdsDates.parse(dateSigned), value, count);
    }

    private static Party party(JsonParser p, JsonToken t) throws IOException {
        String id = null;
        String name = null;
        List<String> roles = new ArrayList<>();
        String address = null;
        String telephone = null;
        String email = null;
        if (t == JsonToken.START_OBJECT) {
            long seen = 0;
            String member;
            while ((member = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (member) {
                    case "id" -> {
                        seen = once(seen, 0);
                        id = id(p, v);
                    }
                    case "name" -> {
                        seen = once(seen, 1);
                        name = text(p, v);
                    }
                    case "roles" -> {
                        seen = once(seen, 2);
                        elements(p, v, (q, e) -> {
                            if (e == JsonToken.VALUE_STRING) {
                                roles.add(q.getText());
                            } else {
                                q.skipChildren();
                            }
                        });
                    }
                    case "address" -> {
                        seen = once(seen, 3);
                        address = address(p, v);
                    }
                    case "contactPoint" -> {
                        seen = once(seen, 4);
                        if (v != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        long cs = 0;
                        String n;
                        while ((n = p.nextFieldName()) != null) {
                            JsonToken c = p.nextToken();
                            if (n.equals("telephone")) {
                                cs = once(cs, 0);
                                telephone = text(p, c);
                            } else if (n.equals("email")) {
                                cs = once(cs, 1);
                                email = text(p, c);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return new Party(id, name, List.copyOf(roles), address, phone(telephone),
                email(email));
    }

    private static final String[] ADDRESS_PARTS = {"streetAddress", "locality", "region", "postalCode", "countryName"};

    private static String address(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String[] parts = new String[ADDRESS_PARTS.length];
        long seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            int i = java.util.Arrays.asList(ADDRESS_PARTS).indexOf(name);
            if (i < 0) {
                p.skipChildren();
            } else {
                seen = once(seen, i);
                parts[i] = text(p, v);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String v : parts) {
            if (v == null || v.isBlank()) {
                return null;
            }
            sb.append(normalise(v)).append('|');
        }
        return sb.toString();
    }

    /** {@code item.classification.id} when a string. */
    private static void classification(JsonParser p, JsonToken t, List<String> out) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        long seen = 0;
        String found = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("classification")) {
                seen = once(seen, 0);
                found = null;
                if (v != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                long cs = 0;
                String n;
                while ((n = p.nextFieldName()) != null) {
                    JsonToken c = p.nextToken();
                    if (n.equals("id")) {
                        cs = once(cs, 0);
                        found = text(p, c);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (found != null) {
            out.add(found);
        }
    }

    /** {@code [].id} of an array into {@code out}; returns the array's size (0 when not an array). */
    private static int ids(JsonParser p, JsonToken t, List<String> out) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return 0;
        }
        int n = 0;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            n++;
            String id = idMember(p, e);
            if (id != null) {
                out.add(id);
            }
        }
        return n;
    }

    /** The {@code id} member of an object (string or integral number), else null. */
    private static String idMember(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        long seen = 0;
        String id = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("id")) {
                seen = once(seen, 0);
                id = id(p, v);
            } else {
                p.skipChildren();
            }
        }
        return id;
    }

    /** Array elements, or an object's member values (as the tree code iterates a node); nothing for a scalar. */
    private static void elements(JsonParser p, JsonToken t, Element element) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                element.accept(p, e);
            }
        } else if (t == JsonToken.START_OBJECT) {
            Set<String> names = new HashSet<>();
            String name;
            while ((name = p.nextFieldName()) != null) {
                if (!names.add(name)) {
                    throw FALLBACK;
                }
                element.accept(p, p.nextToken());
            }
        }
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** An identifier: a string, or an integral number as its decimal text. */
    private static String id(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return switch (p.getNumberType()) {
                case INT -> String.valueOf(p.getIntValue());
                case LONG -> String.valueOf(p.getLongValue());
                default -> p.getBigIntegerValue().toString();
            };
        }
        p.skipChildren();
        return null;
    }

    private static Long integral(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return switch (p.getNumberType()) {
                case INT -> (long) p.getIntValue();
                case LONG -> p.getLongValue();
                default -> p.getBigIntegerValue().longValue();
            };
        }
        p.skipChildren();
        return null;
    }

    private static Money money(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Money.NONE;
        }
        long seen = 0;
        Double amount = null;
        String currency = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("amount")) {
                seen = once(seen, 0);
                if (v == JsonToken.VALUE_NUMBER_FLOAT) {
                    amount = p.getDoubleValue();
                } else if (v == JsonToken.VALUE_NUMBER_INT) {
                    amount = switch (p.getNumberType()) {
                        case INT -> (double) p.getIntValue();
                        case LONG -> (double) p.getLongValue();
                        default -> p.getBigIntegerValue().doubleValue();
                    };
                } else {
                    amount = null;
                    p.skipChildren();
                }
            } else if (name.equals("currency")) {
                seen = once(seen, 1);
                currency = text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return amount == null && currency == null ? Money.NONE : new Money(amount, currency);
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

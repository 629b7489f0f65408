package org.adaldyq.risk.procurement.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.adaldyq.risk.lang.Language;

/**
 * The one OCDS compiler: a compiled release into a {@link ContractingProcess}, from the Jackson token
 * stream, the members the engine does not read skipped by the tokenizer. Wrong types are read as absent,
 * never as errors (a string where a number is expected is no number, as in Cardinal); an object where an
 * array is expected is iterated as its member values.
 *
 * <p>What it reads is one field table per kind of OCDS object ({@link Fields}): the member names and, for
 * each, how its value is read into that object's builder. A name appears once in the compiler.
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

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * What a compile reads beyond what every flag needs.
     *
     * @param parties whether to read {@code parties} (an empty list when false; they cost more than any other
     *                member, and only some flags and the organisations' names read them)
     * @param names   the language whose OCDS name variant ({@code name_ru}, {@code name_ru-KZ}) names an
     *                organisation before its {@code name}; null: the {@code name} first
     */
    public record Reading(boolean parties, Language names) {
        /** Parties read, each organisation by its {@code name} first. */
        public static final Reading PARTIES = new Reading(true, null);
        /** No parties. */
        public static final Reading NO_PARTIES = new Reading(false, null);
    }

    /** The process of one line of line-delimited JSON, or null to use the tree. */
    public static ContractingProcess compile(byte[] json, long line) {
        return compile(json, line, true);
    }

    /**
     * As {@link #compile(byte[], long)}; without {@code parties} (an empty list) when {@code parties} is
     * false, for callers that never read them (they cost more than any other member to compile).
     */
    public static ContractingProcess compile(byte[] json, long line, boolean parties) {
        return compile(json, line, parties ? Reading.PARTIES : Reading.NO_PARTIES);
    }

    /** As {@link #compile(byte[], long)}, reading what {@code reading} says. */
    public static ContractingProcess compile(byte[] json, long line, Reading reading) {
        try (JsonParser p = JSON.createParser(json)) {
            return compile(p, line, reading, false);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The process of a compiled release already parsed (never null): its tree traversed as a token stream,
     * so it gives exactly what the bytes it was parsed from give.
     */
    public static ContractingProcess compile(JsonNode release, long line, boolean parties) {
        return compile(release, line, parties ? Reading.PARTIES : Reading.NO_PARTIES);
    }

    /** As {@link #compile(JsonNode, long, boolean)}, reading what {@code reading} says. */
    public static ContractingProcess compile(JsonNode release, long line, Reading reading) {
        ContractingProcess c = null;
        if (release.isObject()) {
            try (JsonParser p = release.traverse()) {
                c = compile(p, line, reading, true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // a tree in memory does not fail to read
            }
        }
        if (c == null) {
            // not an object: a process with nothing but its line (skipped by the engine: no ocid)
            c = compile("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), line, reading);
        }
        return c;
    }

    /** The process of the line {@code p} reads (a fresh parser), or null to use the tree. */
    public static ContractingProcess compile(JsonParser p, long line, boolean parties) {
        return compile(p, line, parties ? Reading.PARTIES : Reading.NO_PARTIES, false);
    }

    /** @param tree whether {@code p} traverses a tree, whose package members are data, never packages */
    private static ContractingProcess compile(JsonParser p, long line, Reading reading, boolean tree) {
        try {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            Release r = new Release(tree, reading);
            RELEASE.read(p, t, r);
            return p.nextToken() == null ? r.process(line) : null;
        } catch (Fallback | IOException e) {
            return null;
        } catch (RuntimeException e) {
            return null; // e.g. a number Jackson refuses to convert: the tree path decides what it means
        }
    }

    /** How one member's value is read into the builder {@code B}. */
    @FunctionalInterface
    private interface Member<B> {
        void read(JsonParser p, JsonToken value, B into) throws IOException;
    }

    @FunctionalInterface
    private interface Other<B> {
        void read(JsonParser p, String name, JsonToken value, B into) throws IOException;
    }

    /**
     * A field table: the members of one kind of OCDS object that the compiler reads, each with its reader.
     * Immutable; built once, in the static tables below.
     */
    private static final class Fields<B> {
        private final String[] names;
        private final Member<B>[] readers;
        /** Reads a member not in the table, by name; null: such members are skipped. */
        private final Other<B> others;

        @SuppressWarnings("unchecked")
        Fields() {
            this(new String[0], new Member[0], null);
        }

        private Fields(String[] names, Member<B>[] readers, Other<B> others) {
            this.names = names;
            this.readers = readers;
            this.others = others;
        }

        /** This table, reading the members not in it with {@code reader} (which skips those it does not want). */
        Fields<B> others(Other<B> reader) {
            return new Fields<>(names, readers, reader);
        }

        /** This table and one more member (at most 64). */
        Fields<B> member(String name, Member<B> reader) {
            String[] n = Arrays.copyOf(names, names.length + 1);
            Member<B>[] r = Arrays.copyOf(readers, readers.length + 1);
            n[names.length] = name;
            r[readers.length] = reader;
            return new Fields<>(n, r, others);
        }

        Fields<B> text(String name, BiConsumer<B, String> set) {
            return member(name, (p, v, b) -> set.accept(b, ReleaseCompiler.text(p, v)));
        }

        Fields<B> id(String name, BiConsumer<B, String> set) {
            return member(name, (p, v, b) -> set.accept(b, ReleaseCompiler.id(p, v)));
        }

        Fields<B> money(String name, BiConsumer<B, Money> set) {
            return member(name, (p, v, b) -> set.accept(b, ReleaseCompiler.money(p, v)));
        }

        /**
         * Reads an object's members into {@code into}: a member not in the table is skipped, one given twice
         * goes to the tree (which keeps the last), and anything but an object is skipped as absent.
         */
        void read(JsonParser p, JsonToken t, B into) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            long seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                int i = indexOf(name);
                if (i < 0) {
                    if (others == null) {
                        p.skipChildren();
                    } else {
                        others.read(p, name, v, into);
                    }
                    continue;
                }
                long bit = 1L << i;
                if ((seen & bit) != 0) {
                    throw FALLBACK;
                }
                seen |= bit;
                readers[i].read(p, v, into);
            }
        }

        private int indexOf(String name) {
            // Jackson interns member names, as Java does the literals of the tables: identity finds them
            // first; equality is for parsers that do not intern.
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final class Release {
        final boolean tree;
        /** Whether to read the parties, and in which language to name organisations first. */
        final Reading reading;
        String ocid;
        String date;
        String buyerId;
        String buyerName;
        final Tender tender = new Tender();
        boolean hasBidDetails;
        final List<Bid> bids = new ArrayList<>();
        Long bidStatistics;
        boolean hasAwards;
        final List<Award> awards = new ArrayList<>();
        final List<Contract> contracts = new ArrayList<>();
        final List<Party> parties = new ArrayList<>();

        Release(boolean tree, Reading reading) {
            this.tree = tree;
            this.reading = reading;
        }

        ContractingProcess process(long line) {
            Tender t = tender;
            return new ContractingProcess(ocid, line, date, t.status, t.procurementMethod, t.procurementMethodDetails,
                    t.procurementMethodRationale, t.numberOfTenderers, t.start, t.end, OcdsDates.parse(t.start),
                    OcdsDates.parse(t.end), t.value, buyerId, t.procuringEntityId,
                    List.copyOf(new LinkedHashSet<>(t.tendererIds)), List.copyOf(t.classes), hasBidDetails,
                    List.copyOf(bids), bidStatistics, hasAwards, List.copyOf(awards), List.copyOf(contracts),
                    List.copyOf(parties), buyerName);
        }
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
        final List<String> classes = new ArrayList<>();
    }

    private static final class BidBuilder {
        String status;
        String date;
        Money value = Money.NONE;
        final List<String> tendererIds = new ArrayList<>();
        int tendererCount;
    }

    private static final class AwardBuilder {
        String id;
        String status;
        String date;
        Money value = Money.NONE;
        final List<String> supplierIds = new ArrayList<>();
        int supplierCount;
        final List<String> classes = new ArrayList<>();
    }

    private static final class ContractBuilder {
        String id;
        String awardId;
        String status;
        String dateSigned;
        Money value = Money.NONE;
        int amendments = -1;
        boolean amendment;
    }

    private static final class PartyBuilder {
        String id;
        String name;
        String legalName;
        /** {@code name_<language>} (OCDS's language variants): language → name, as given. */
        final Map<String, String> names = new LinkedHashMap<>();
        final List<String> roles = new ArrayList<>();
        String address;
        String telephone;
        String email;
    }

    private static final class MoneyBuilder {
        Double amount;
        String currency;
    }

    private static final class Statistic {
        String measure;
        Long value;
    }

    /** One value, for the tables of one member ({@code id}, {@code classification.id}). */
    private static final class Slot {
        String value;
    }

    private static final Fields<Slot> ID = new Fields<Slot>().id("id", (s, v) -> s.value = v);

    private static final Fields<Slot> CLASSIFICATION_ID = new Fields<Slot>().text("id", (s, v) -> s.value = v);

    /** An item: its {@code classification.id}. */
    private static final Fields<Slot> ITEM = new Fields<Slot>()
            .member("classification", (p, v, s) -> {
                s.value = null;
                CLASSIFICATION_ID.read(p, v, s);
            });

    private static final Fields<MoneyBuilder> MONEY = new Fields<MoneyBuilder>()
            .member("amount", (p, v, m) -> m.amount = amount(p, v))
            .text("currency", (m, v) -> m.currency = v);

    private static final Fields<Statistic> STATISTIC = new Fields<Statistic>()
            .text("measure", (s, v) -> s.measure = v)
            .member("value", (p, v, s) -> s.value = integral(p, v));

    private static final Fields<Tender> TENDER_PERIOD = new Fields<Tender>()
            .text("startDate", (t, v) -> t.start = v)
            .text("endDate", (t, v) -> t.end = v);

    private static final Fields<Tender> TENDER = new Fields<Tender>()
            .text("status", (t, v) -> t.status = v)
            .text("procurementMethod", (t, v) -> t.procurementMethod = v)
            .text("procurementMethodDetails", (t, v) -> t.procurementMethodDetails = v)
            .text("procurementMethodRationale", (t, v) -> t.procurementMethodRationale = v)
            .member("numberOfTenderers", (p, v, t) -> t.numberOfTenderers = integral(p, v))
            .member("tenderPeriod", TENDER_PERIOD::read)
            .money("value", (t, v) -> t.value = v)
            .member("procuringEntity", (p, v, t) -> t.procuringEntityId = idMember(p, v))
            .member("tenderers", (p, v, t) -> {
                List<String> ids = new ArrayList<>();
                ids(p, v, ids);
                t.tendererIds = ids;
            })
            .member("items", (p, v, t) -> elements(p, v, (q, e) -> classification(q, e, t.classes)));

    private static final Fields<BidBuilder> BID = new Fields<BidBuilder>()
            .text("status", (b, v) -> b.status = v)
            .text("date", (b, v) -> b.date = v)
            .money("value", (b, v) -> b.value = v)
            .member("tenderers", (p, v, b) -> b.tendererCount = ids(p, v, b.tendererIds));

    private static final Fields<AwardBuilder> AWARD = new Fields<AwardBuilder>()
            .id("id", (a, v) -> a.id = v)
            .text("status", (a, v) -> a.status = v)
            .text("date", (a, v) -> a.date = v)
            .money("value", (a, v) -> a.value = v)
            .member("suppliers", (p, v, a) -> a.supplierCount = ids(p, v, a.supplierIds))
            .member("items", (p, v, a) -> elements(p, v, (q, e) -> classification(q, e, a.classes)));

    private static final Fields<ContractBuilder> CONTRACT = new Fields<ContractBuilder>()
            .id("id", (c, v) -> c.id = v)
            .id("awardID", (c, v) -> c.awardId = v)
            .text("status", (c, v) -> c.status = v)
            .text("dateSigned", (c, v) -> c.dateSigned = v)
            .money("value", (c, v) -> c.value = v)
            .member("amendments", (p, v, c) -> {
                if (v == JsonToken.START_ARRAY) {
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        n++;
                        p.skipChildren();
                    }
                    c.amendments = n;
                } else {
                    p.skipChildren();
                }
            })
            .member("amendment", (p, v, c) -> {
                c.amendment = v == JsonToken.START_OBJECT;
                p.skipChildren();
            });

    private static final Fields<PartyBuilder> CONTACT_POINT = new Fields<PartyBuilder>()
            .text("telephone", (c, v) -> c.telephone = v)
            .text("email", (c, v) -> c.email = v);

    private static final String[] ADDRESS_PARTS = {"streetAddress", "locality", "region", "postalCode", "countryName"};

    private static final Fields<String[]> ADDRESS = addressFields();

    private static Fields<String[]> addressFields() {
        Fields<String[]> f = new Fields<>();
        for (int i = 0; i < ADDRESS_PARTS.length; i++) {
            int part = i;
            f = f.text(ADDRESS_PARTS[i], (parts, v) -> parts[part] = v);
        }
        return f;
    }

    private static final Fields<Slot> LEGAL_NAME = new Fields<Slot>().text("legalName", (s, v) -> s.value = v);

    private static final Fields<Reference> REFERENCE = new Fields<Reference>()
            .id("id", (b, v) -> b.id = v)
            .text("name", (b, v) -> b.name = v)
            .member("identifier", (p, v, b) -> b.legalName = legalName(p, v))
            .others((p, name, v, b) -> nameVariant(p, name, v, b.names));

    private static final Fields<PartyBuilder> PARTY = new Fields<PartyBuilder>()
            .id("id", (b, v) -> b.id = v)
            .text("name", (b, v) -> b.name = v)
            .member("identifier", (p, v, b) -> b.legalName = legalName(p, v))
            .member("roles", (p, v, b) -> elements(p, v, (q, e) -> {
                if (e == JsonToken.VALUE_STRING) {
                    b.roles.add(q.getText());
                } else {
                    q.skipChildren();
                }
            }))
            .member("address", (p, v, b) -> b.address = address(p, v))
            .member("contactPoint", CONTACT_POINT::read)
            .others((p, name, v, b) -> nameVariant(p, name, v, b.names));

    private static final Fields<Release> BIDS = new Fields<Release>()
            .member("details", (p, v, r) -> {
                if (v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    return;
                }
                r.hasBidDetails = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    r.bids.add(bid(p, e, r.bids.size()));
                }
            })
            .member("statistics", (p, v, r) -> {
                Long[] found = {null};
                elements(p, v, (q, e) -> {
                    Long s = statistic(q, e);
                    if (found[0] == null && s != null) {
                        found[0] = s;
                    }
                });
                r.bidStatistics = found[0];
            });

    /** A package or a record is for the tree to classify; inside a compiled release, data the engine does not read. */
    private static final Member<Release> PACKAGE_MEMBER = (p, v, r) -> {
        if (!r.tree) {
            throw FALLBACK;
        }
        p.skipChildren();
    };

    private static final Fields<Release> RELEASE = new Fields<Release>()
            .member("records", PACKAGE_MEMBER)
            .member("releases", PACKAGE_MEMBER)
            .member("compiledRelease", PACKAGE_MEMBER)
            .text("ocid", (r, v) -> r.ocid = v)
            .text("date", (r, v) -> r.date = v)
            .member("buyer", (p, v, r) -> {
                if (r.reading.parties()) { // the reference's own name too, for a publisher that gives no parties
                    Reference b = new Reference();
                    REFERENCE.read(p, v, b);
                    r.buyerId = b.id;
                    r.buyerName = name(b.name, b.names, b.legalName, r.reading.names());
                } else {
                    r.buyerId = idMember(p, v);
                }
            })
            .member("tender", (p, v, r) -> TENDER.read(p, v, r.tender))
            .member("bids", BIDS::read)
            .member("awards", (p, v, r) -> {
                if (v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    return;
                }
                r.hasAwards = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    r.awards.add(award(p, e, r.awards.size()));
                }
            })
            .member("contracts", (p, v, r) -> elements(p, v, (q, e) -> r.contracts.add(contract(q, e, r.contracts.size()))))
            .member("parties", (p, v, r) -> {
                if (r.reading.parties()) {
                    elements(p, v, (q, e) -> r.parties.add(party(q, e, r.reading.names())));
                } else {
                    p.skipChildren();
                }
            });

    private static Bid bid(JsonParser p, JsonToken t, int index) throws IOException {
        BidBuilder b = new BidBuilder();
        BID.read(p, t, b);
        return new Bid(index, b.status, OcdsDates.parse(b.date), b.value, List.copyOf(b.tendererIds), b.tendererCount);
    }

    private static Long statistic(JsonParser p, JsonToken t) throws IOException {
        Statistic s = new Statistic();
        STATISTIC.read(p, t, s);
        return "bids".equals(s.measure) ? s.value : null;
    }

    private static Award award(JsonParser p, JsonToken t, int index) throws IOException {
        AwardBuilder a = new AwardBuilder();
        AWARD.read(p, t, a);
        return new Award(index, a.id, a.status, OcdsDates.parse(a.date), a.value, List.copyOf(a.supplierIds),
                a.supplierCount, List.copyOf(a.classes));
    }

    private static Contract contract(JsonParser p, JsonToken t, int index) throws IOException {
        ContractBuilder c = new ContractBuilder();
        CONTRACT.read(p, t, c);
        int count = c.amendments >= 0 ? c.amendments : c.amendment ? 1 : 0;
        return new Contract(index, c.id, c.awardId, c.status, OcdsDates.parse(c.dateSigned), c.value, count);
    }

    private static Party party(JsonParser p, JsonToken t, Language names) throws IOException {
        PartyBuilder b = new PartyBuilder();
        PARTY.read(p, t, b);
        return new Party(b.id, name(b.name, b.names, b.legalName, names), List.copyOf(b.roles), b.address,
                phone(b.telephone), email(b.email));
    }

    /** The normalised address when every part is given, else null. */
    private static String address(JsonParser p, JsonToken t) throws IOException {
        String[] parts = new String[ADDRESS_PARTS.length];
        ADDRESS.read(p, t, parts);
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
        Slot found = new Slot();
        ITEM.read(p, t, found);
        if (found.value != null) {
            out.add(found.value);
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

    /** An organisation reference ({@code buyer}): its id and the names it gives. */
    private static final class Reference {
        String id;
        String name;
        String legalName;
        /** {@code name_<language>}: language → name, as given. */
        final Map<String, String> names = new LinkedHashMap<>();
    }

    /** A member {@code name_<language>} with a text into {@code names} (given twice: the last, as a tree keeps it); any other skipped. */
    private static void nameVariant(JsonParser p, String name, JsonToken v, Map<String, String> names) throws IOException {
        if (name.startsWith("name_") && v == JsonToken.VALUE_STRING) {
            names.put(name.substring(5), p.getText());
        } else {
            p.skipChildren();
        }
    }

    /** {@code identifier.legalName}. */
    private static String legalName(JsonParser p, JsonToken t) throws IOException {
        Slot s = new Slot();
        LEGAL_NAME.read(p, t, s);
        return s.value;
    }

    /**
     * An organisation's name: its variant in {@code language} ({@code name_ru}, or a regional one such as
     * {@code name_ru-KZ}) when given, else its {@code name}, else another language variant ({@link #variant}),
     * else its {@code identifier.legalName}; blanks skipped, null when none.
     */
    private static String name(String name, Map<String, String> variants, String legalName, Language language) {
        if (language != null && !variants.isEmpty()) {
            for (Map.Entry<String, String> v : variants.entrySet()) {
                if (sameLanguage(v.getKey(), language) && !v.getValue().isBlank()) {
                    return v.getValue();
                }
            }
        }
        return named(named(name, variant(variants)), legalName);
    }

    /** Whether a variant's key ({@code ru}, {@code ru-KZ}, {@code ru_KZ}, any case) is in {@code language}. */
    private static boolean sameLanguage(String key, Language language) {
        String code = language.code();
        return key.regionMatches(true, 0, code, 0, code.length())
                && (key.length() == code.length() || key.charAt(code.length()) == '-' || key.charAt(code.length()) == '_');
    }

    /** A party's name in one of OCDS's language variants: English, Russian, Kazakh first, else the first given; null: none. */
    private static String variant(Map<String, String> names) {
        for (String language : new String[] {"en", "ru", "kk"}) {
            String n = names.get(language);
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return names.values().stream().filter(n -> !n.isBlank()).findFirst().orElse(null);
    }

    /** An organisation's name: its {@code name} unless blank, else its {@code identifier.legalName} (as given). */
    private static String named(String name, String legalName) {
        return name != null && !name.isBlank() ? name : legalName;
    }

    /** The {@code id} member of an object (string or integral number), else null. */
    private static String idMember(JsonParser p, JsonToken t) throws IOException {
        Slot id = new Slot();
        ID.read(p, t, id);
        return id.value;
    }

    @FunctionalInterface
    private interface Element {
        void accept(JsonParser p, JsonToken t) throws IOException;
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

    private static Double amount(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return switch (p.getNumberType()) {
                case INT -> (double) p.getIntValue();
                case LONG -> (double) p.getLongValue();
                default -> p.getBigIntegerValue().doubleValue();
            };
        }
        p.skipChildren();
        return null;
    }

    private static Money money(JsonParser p, JsonToken t) throws IOException {
        MoneyBuilder m = new MoneyBuilder();
        MONEY.read(p, t, m);
        return m.amount == null && m.currency == null ? Money.NONE : new Money(m.amount, m.currency);
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

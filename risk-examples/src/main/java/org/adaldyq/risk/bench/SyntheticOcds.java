package org.adaldyq.risk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic synthetic OCDS compiled releases, one per line, deterministically from a seed: buyers
 * and suppliers drawn from skewed populations, open/selective/limited/direct methods, CPV classifications,
 * tender periods, 1–7 bids with statuses (valid, disqualified, pending, withdrawn, invited), identical and
 * late bids, awards (active, pending, cancelled), contracts with amendments, parties with addresses and
 * contact points (some shared), and a small share of amounts in a second currency.
 *
 * <pre>java -cp risk-cli.jar org.adaldyq.risk.bench.SyntheticOcds 1000000 /tmp/synthetic.jsonl [seed]</pre>
 */
public final class SyntheticOcds {
    private static final String[] METHODS = {"open", "open", "open", "open", "selective", "limited", "direct"};
    private static final String[] DETAILS = {"Open tender", "Request for quotations", "Auction", "Single source", "Negotiated procedure"};
    private static final String[] CPV = {"03110000", "09130000", "15800000", "22100000", "30190000", "33140000",
            "34110000", "39130000", "42990000", "44110000", "45210000", "45230000", "48000000", "50110000",
            "55520000", "60100000", "71320000", "72200000", "79710000", "90910000"};
    private static final String[] STREETS = {"Abay", "Dostyk", "Tole bi", "Khreshchatyk", "Shevchenka", "Lesi Ukrainky"};
    private static final Instant EPOCH = Instant.parse("2022-01-01T00:00:00Z");

    private final SplittableRandom random;
    private final int buyers;
    private final int suppliers;

    public SyntheticOcds(long seed, long processes) {
        this.random = new SplittableRandom(seed);
        this.buyers = (int) Math.max(20, processes / 200);
        this.suppliers = (int) Math.max(50, processes / 20);
    }

    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "synthetic.jsonl");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        new SyntheticOcds(seed, n).write(n, out);
        System.err.println("wrote " + n + " processes to " + out + " (" + Files.size(out) / (1 << 20) + " MiB)");
    }

    public void write(long processes, Path file) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        if (file.toString().endsWith(".gz")) {
            raw = new GZIPOutputStream(raw, 1 << 16);
        }
        try (OutputStream out = raw; JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            for (long i = 0; i < processes; i++) {
                process(g, i);
                g.flush();
                out.write('\n');
            }
        }
    }

    /**
     * The same processes as {@link #write}, each as two releases (the tender, then the award and contract
     * part) in release packages, one per line, the two in different files of {@code files}: a data set
     * that only gives whole processes once the releases of one ocid are brought together across files.
     */
    public void writeSplitReleases(long processes, List<Path> files) throws IOException {
        writeFiles(processes, files, 1);
    }

    /**
     * The same processes as {@link #write}, spread round-robin over {@code files}: every
     * {@code splitEvery}-th one as two releases in two different files (as {@link #writeSplitReleases}), the
     * others as compiled releases.
     */
    public void writeFiles(long processes, List<Path> files, int splitEvery) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<OutputStream> outs = new ArrayList<>();
        try {
            for (Path f : files) {
                outs.add(new BufferedOutputStream(Files.newOutputStream(f), 1 << 20));
            }
            java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
            JsonFactory factory = new JsonFactory();
            for (long i = 0; i < processes; i++) {
                one.reset();
                try (JsonGenerator g = factory.createGenerator(one)) {
                    process(g, i);
                }
                int first = (int) (i % files.size());
                if (i % splitEvery != 0) {
                    outs.get(first).write(one.toByteArray());
                    outs.get(first).write('\n');
                    continue;
                }
                com.fasterxml.jackson.databind.node.ObjectNode compiled =
                        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(one.toByteArray());
                com.fasterxml.jackson.databind.node.ObjectNode award = mapper.createObjectNode();
                award.set("ocid", compiled.get("ocid"));
                award.put("id", compiled.path("ocid").asText() + "-award");
                award.set("date", compiled.get("date"));
                award.putArray("tag").add("award");
                for (String moved : List.of("awards", "contracts")) {
                    if (compiled.has(moved)) {
                        award.set(moved, compiled.remove(moved));
                    }
                }
                compiled.putArray("tag").add("tender");
                line(mapper, outs.get(first), compiled);
                line(mapper, outs.get((first + 1) % files.size()), award);
            }
        } finally {
            for (OutputStream o : outs) {
                o.close();
            }
        }
    }

    private static void line(com.fasterxml.jackson.databind.ObjectMapper mapper, OutputStream out,
                             com.fasterxml.jackson.databind.node.ObjectNode release) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode pkg = mapper.createObjectNode();
        pkg.putArray("releases").add(release);
        out.write(mapper.writeValueAsBytes(pkg));
        out.write('\n');
    }

    /** A skewed pick in [0, n): a few are chosen often, most rarely. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    private void process(JsonGenerator g, long i) throws IOException {
        String ocid = String.format("ocds-synth-%08d", i);
        int buyer = skewed(buyers);
        String method = METHODS[random.nextInt(METHODS.length)];
        boolean competitive = method.equals("open") || method.equals("selective");
        String details = competitive ? DETAILS[random.nextInt(3)] : DETAILS[3 + random.nextInt(2)];
        String currency = random.nextInt(100) == 0 ? "USD" : "KZT";
        double estimate = Math.round(Math.exp(10 + random.nextDouble() * 8)) * 1.0;
        Instant start = EPOCH.plus(random.nextInt(3 * 365 * 24), ChronoUnit.HOURS);
        Instant end = start.plus(competitive ? 3 + random.nextInt(30) : 1 + random.nextInt(5), ChronoUnit.DAYS);
        String cpv = CPV[skewed(CPV.length)];

        int bidCount = competitive ? 1 + random.nextInt(6) : (random.nextInt(4) == 0 ? 1 : 0);
        List<Integer> bidders = new ArrayList<>();
        while (bidders.size() < bidCount) {
            int s = skewed(suppliers);
            if (!bidders.contains(s)) {
                bidders.add(s);
            }
        }
        double[] amounts = new double[bidCount];
        String[] statuses = new String[bidCount];
        for (int b = 0; b < bidCount; b++) {
            amounts[b] = Math.round(estimate * (0.7 + random.nextDouble() * 0.35));
            int r = random.nextInt(100);
            statuses[b] = r < 72 ? "valid" : r < 88 ? "disqualified" : r < 94 ? "pending" : r < 97 ? "withdrawn" : "invited";
        }
        if (bidCount > 1 && random.nextInt(50) == 0) {
            amounts[1] = amounts[0]; // identical prices
        }
        int winner = -1;
        double best = Double.MAX_VALUE;
        for (int b = 0; b < bidCount; b++) {
            if (statuses[b].equals("valid") && amounts[b] < best) {
                best = amounts[b];
                winner = b;
            }
        }
        String awardStatus = random.nextInt(20) == 0 ? "pending" : random.nextInt(30) == 0 ? "cancelled" : "active";
        boolean awarded = winner >= 0 || (!competitive && random.nextBoolean());
        int supplier = winner >= 0 ? bidders.get(winner) : skewed(suppliers);
        double awardValue = winner >= 0 ? amounts[winner] : Math.round(estimate * (0.9 + random.nextDouble() * 0.12));
        Instant awardDate = end.plus(random.nextInt(40), ChronoUnit.DAYS).plus(random.nextInt(24), ChronoUnit.HOURS);

        g.writeStartObject();
        g.writeStringField("ocid", ocid);
        g.writeStringField("id", ocid + "-1");
        g.writeStringField("date", awardDate.toString());
        g.writeArrayFieldStart("tag");
        g.writeString("compiled");
        g.writeEndArray();
        g.writeStringField("initiationType", "tender");
        g.writeObjectFieldStart("buyer");
        g.writeStringField("id", "KZ-BIN-" + (100000 + buyer));
        g.writeStringField("name", "Buyer " + buyer);
        g.writeEndObject();

        g.writeArrayFieldStart("parties");
        party(g, "KZ-BIN-" + (100000 + buyer), "Buyer " + buyer, "buyer", buyer);
        for (int s : bidders) {
            party(g, "KZ-BIN-" + (500000 + s), "Supplier " + s, "tenderer", s % 997 == 0 ? 0 : 1000 + s);
        }
        g.writeEndArray();

        g.writeObjectFieldStart("tender");
        g.writeStringField("id", ocid + "-tender");
        g.writeStringField("title", "Purchase of " + cpv);
        g.writeStringField("status", random.nextInt(40) == 0 ? "cancelled" : "complete");
        g.writeObjectFieldStart("procuringEntity");
        g.writeStringField("id", "KZ-BIN-" + (100000 + buyer));
        g.writeEndObject();
        g.writeStringField("procurementMethod", method);
        g.writeStringField("procurementMethodDetails", details);
        if (competitive || random.nextBoolean()) {
            g.writeStringField("procurementMethodRationale", competitive ? "" : "Single supplier of the service");
        }
        money(g, "value", estimate, currency);
        g.writeObjectFieldStart("tenderPeriod");
        g.writeStringField("startDate", start.toString());
        g.writeStringField("endDate", end.toString());
        g.writeEndObject();
        g.writeNumberField("numberOfTenderers", bidCount);
        g.writeArrayFieldStart("items");
        item(g, "1", cpv, estimate);
        g.writeEndArray();
        g.writeEndObject();

        if (bidCount > 0) {
            g.writeObjectFieldStart("bids");
            g.writeArrayFieldStart("details");
            for (int b = 0; b < bidCount; b++) {
                g.writeStartObject();
                g.writeStringField("id", ocid + "-bid-" + b);
                g.writeStringField("status", statuses[b]);
                Instant date = end.minus(1 + random.nextInt(72), ChronoUnit.HOURS);
                if (random.nextInt(200) == 0) {
                    date = end.plus(2, ChronoUnit.HOURS); // late
                }
                g.writeStringField("date", date.toString());
                money(g, "value", amounts[b], currency);
                g.writeArrayFieldStart("tenderers");
                g.writeStartObject();
                g.writeStringField("id", "KZ-BIN-" + (500000 + bidders.get(b)));
                g.writeStringField("name", "Supplier " + bidders.get(b));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (awarded) {
            g.writeArrayFieldStart("awards");
            g.writeStartObject();
            g.writeStringField("id", ocid + "-award-1");
            g.writeStringField("status", awardStatus);
            g.writeStringField("date", awardDate.toString());
            money(g, "value", awardValue, currency);
            g.writeArrayFieldStart("suppliers");
            g.writeStartObject();
            g.writeStringField("id", "KZ-BIN-" + (500000 + supplier));
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("items");
            item(g, "1", random.nextInt(10) == 0 ? CPV[random.nextInt(CPV.length)] : cpv, awardValue);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            if (awardStatus.equals("active")) {
                g.writeArrayFieldStart("contracts");
                g.writeStartObject();
                g.writeStringField("id", ocid + "-contract-1");
                g.writeStringField("awardID", ocid + "-award-1");
                g.writeStringField("status", "active");
                g.writeStringField("dateSigned", awardDate.plus(random.nextInt(90), ChronoUnit.DAYS).toString());
                int amendments = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 0;
                money(g, "value", amendments > 0 ? Math.round(awardValue * (1 + random.nextDouble() * 0.4)) : awardValue, currency);
                if (amendments > 0) {
                    g.writeArrayFieldStart("amendments");
                    for (int a = 0; a < amendments; a++) {
                        g.writeStartObject();
                        g.writeStringField("id", "am-" + a);
                        g.writeStringField("rationale", "Change of scope");
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    private static void money(JsonGenerator g, String field, double amount, String currency) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("amount", amount);
        g.writeStringField("currency", currency);
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, String id, String cpv, double value) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("description", "Goods or services " + cpv);
        g.writeObjectFieldStart("classification");
        g.writeStringField("scheme", "CPV");
        g.writeStringField("id", cpv);
        g.writeEndObject();
        g.writeNumberField("quantity", 1);
        g.writeEndObject();
    }

    private void party(JsonGenerator g, String id, String name, String role, int addressKey) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        g.writeArrayFieldStart("roles");
        g.writeString(role);
        g.writeEndArray();
        g.writeObjectFieldStart("address");
        g.writeStringField("streetAddress", STREETS[addressKey % STREETS.length] + " " + addressKey);
        g.writeStringField("locality", "Almaty");
        g.writeStringField("region", "Almaty");
        g.writeStringField("postalCode", "0500" + (addressKey % 10));
        g.writeStringField("countryName", "Kazakhstan");
        g.writeEndObject();
        g.writeObjectFieldStart("contactPoint");
        g.writeStringField("telephone", "+7 727 " + (1000000 + addressKey));
        g.writeStringField("email", "office" + addressKey + "@example.kz");
        g.writeEndObject();
        g.writeEndObject();
    }
}

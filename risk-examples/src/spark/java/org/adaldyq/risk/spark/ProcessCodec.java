package org.adaldyq.risk.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.Contract;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.Money;
import org.adaldyq.risk.procurement.model.Party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The compiled process and its parts for Kryo, written field by field: no class ids, no boxing, no
 * reflection. The generic record serializer ({@link KryoClasses.RecordSerializer}) spent most of the job's
 * Kryo time on this tree (encoded once per shuffle and cache, decoded three times). Rebuilt through the
 * canonical constructors, with unmodifiable lists (nulls kept), as the compiler makes them.
 */
final class ProcessCodec extends Serializer<ContractingProcess> {
    @Override
    public void write(Kryo kryo, Output out, ContractingProcess p) {
        out.writeString(p.ocid());
        out.writeLong(p.line(), false);
        out.writeString(p.date());
        out.writeString(p.tenderStatus());
        out.writeString(p.procurementMethod());
        out.writeString(p.procurementMethodDetails());
        out.writeString(p.procurementMethodRationale());
        writeLong(out, p.numberOfTenderers());
        out.writeString(p.tenderPeriodStartRaw());
        out.writeString(p.tenderPeriodEndRaw());
        writeInstant(out, p.tenderPeriodStart());
        writeInstant(out, p.tenderPeriodEnd());
        writeMoney(out, p.tenderValue());
        out.writeString(p.buyerId());
        out.writeString(p.procuringEntityId());
        writeStrings(out, p.tenderTendererIds());
        writeStrings(out, p.tenderClassificationIds());
        out.writeBoolean(p.hasBidDetails());
        writeSize(out, p.bids());
        if (p.bids() != null) {
            for (Bid b : p.bids()) {
                out.writeInt(b.index(), false);
                out.writeString(b.status());
                writeInstant(out, b.date());
                writeMoney(out, b.value());
                writeStrings(out, b.tendererIds());
                out.writeInt(b.tendererCount(), false);
            }
        }
        writeLong(out, p.bidStatisticsTenderers());
        out.writeBoolean(p.hasAwards());
        writeSize(out, p.awards());
        if (p.awards() != null) {
            for (Award a : p.awards()) {
                out.writeInt(a.index(), false);
                out.writeString(a.id());
                out.writeString(a.status());
                writeInstant(out, a.date());
                writeMoney(out, a.value());
                writeStrings(out, a.supplierIds());
                out.writeInt(a.supplierCount(), false);
                writeStrings(out, a.itemClassificationIds());
            }
        }
        writeSize(out, p.contracts());
        if (p.contracts() != null) {
            for (Contract c : p.contracts()) {
                out.writeInt(c.index(), false);
                out.writeString(c.id());
                out.writeString(c.awardId());
                out.writeString(c.status());
                writeInstant(out, c.dateSigned());
                writeMoney(out, c.value());
                out.writeInt(c.amendmentCount(), false);
            }
        }
        writeSize(out, p.parties());
        if (p.parties() != null) {
            for (Party x : p.parties()) {
                out.writeString(x.id());
                out.writeString(x.name());
                writeStrings(out, x.roles());
                out.writeString(x.address());
                out.writeString(x.telephone());
                out.writeString(x.email());
            }
        }
    }

    @Override
    public ContractingProcess read(Kryo kryo, Input in, Class<ContractingProcess> type) {
        String ocid = in.readString();
        long line = in.readLong(false);
        String date = in.readString();
        String tenderStatus = in.readString();
        String method = in.readString();
        String details = in.readString();
        String rationale = in.readString();
        Long numberOfTenderers = readLong(in);
        String startRaw = in.readString();
        String endRaw = in.readString();
        Instant start = readInstant(in);
        Instant end = readInstant(in);
        Money tenderValue = readMoney(in);
        String buyerId = in.readString();
        String procuringEntityId = in.readString();
        List<String> tenderTendererIds = readStrings(in);
        List<String> tenderClassificationIds = readStrings(in);
        boolean hasBidDetails = in.readBoolean();
        int n = in.readInt(false);
        List<Bid> bids = null;
        if (n >= 0) {
            List<Bid> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Bid(in.readInt(false), in.readString(), readInstant(in), readMoney(in), readStrings(in), in.readInt(false)));
            }
            bids = Collections.unmodifiableList(list);
        }
        Long bidStatisticsTenderers = readLong(in);
        boolean hasAwards = in.readBoolean();
        n = in.readInt(false);
        List<Award> awards = null;
        if (n >= 0) {
            List<Award> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Award(in.readInt(false), in.readString(), in.readString(), readInstant(in), readMoney(in), readStrings(in),
                        in.readInt(false), readStrings(in)));
            }
            awards = Collections.unmodifiableList(list);
        }
        n = in.readInt(false);
        List<Contract> contracts = null;
        if (n >= 0) {
            List<Contract> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Contract(in.readInt(false), in.readString(), in.readString(), in.readString(), readInstant(in), readMoney(in),
                        in.readInt(false)));
            }
            contracts = Collections.unmodifiableList(list);
        }
        n = in.readInt(false);
        List<Party> parties = null;
        if (n >= 0) {
            List<Party> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Party(in.readString(), in.readString(), readStrings(in), in.readString(), in.readString(), in.readString()));
            }
            parties = Collections.unmodifiableList(list);
        }
        return new ContractingProcess(ocid, line, date, tenderStatus, method, details, rationale, numberOfTenderers, startRaw, endRaw,
                start, end, tenderValue, buyerId, procuringEntityId, tenderTendererIds, tenderClassificationIds, hasBidDetails, bids,
                bidStatisticsTenderers, hasAwards, awards, contracts, parties);
    }

    private static void writeSize(Output out, List<?> list) {
        out.writeInt(list == null ? -1 : list.size(), false);
    }

    private static void writeStrings(Output out, List<String> list) {
        writeSize(out, list);
        if (list != null) {
            for (String s : list) {
                out.writeString(s);
            }
        }
    }

    private static List<String> readStrings(Input in) {
        int n = in.readInt(false);
        if (n < 0) {
            return null;
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readString());
        }
        return Collections.unmodifiableList(list);
    }

    private static void writeLong(Output out, Long v) {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v, false);
        }
    }

    private static Long readLong(Input in) {
        return in.readBoolean() ? in.readLong(false) : null;
    }

    private static void writeInstant(Output out, Instant t) {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond(), false);
            out.writeInt(t.getNano(), true);
        }
    }

    private static Instant readInstant(Input in) {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(false), in.readInt(true)) : null;
    }

    private static void writeMoney(Output out, Money m) {
        out.writeBoolean(m != null);
        if (m != null) {
            out.writeBoolean(m.amount() != null);
            if (m.amount() != null) {
                out.writeDouble(m.amount());
            }
            out.writeString(m.currency());
        }
    }

    private static Money readMoney(Input in) {
        if (!in.readBoolean()) {
            return null;
        }
        Double amount = in.readBoolean() ? in.readDouble() : null;
        return new Money(amount, in.readString());
    }
}

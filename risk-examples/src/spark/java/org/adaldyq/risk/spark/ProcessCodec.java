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
import java.util.function.BiConsumer;
import java.util.function.Function;

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
        writeList(out, p.tenderTendererIds(), Output::writeString);
        writeList(out, p.tenderClassificationIds(), Output::writeString);
        out.writeBoolean(p.hasBidDetails());
        writeList(out, p.bids(), (o, b) -> {
            o.writeInt(b.index(), false);
            o.writeString(b.status());
            writeInstant(o, b.date());
            writeMoney(o, b.value());
            writeList(o, b.tendererIds(), Output::writeString);
            o.writeInt(b.tendererCount(), false);
        });
        writeLong(out, p.bidStatisticsTenderers());
        out.writeBoolean(p.hasAwards());
        writeList(out, p.awards(), (o, a) -> {
            o.writeInt(a.index(), false);
            o.writeString(a.id());
            o.writeString(a.status());
            writeInstant(o, a.date());
            writeMoney(o, a.value());
            writeList(o, a.supplierIds(), Output::writeString);
            o.writeInt(a.supplierCount(), false);
            writeList(o, a.itemClassificationIds(), Output::writeString);
        });
        writeList(out, p.contracts(), (o, c) -> {
            o.writeInt(c.index(), false);
            o.writeString(c.id());
            o.writeString(c.awardId());
            o.writeString(c.status());
            writeInstant(o, c.dateSigned());
            writeMoney(o, c.value());
            o.writeInt(c.amendmentCount(), false);
        });
        writeList(out, p.parties(), (o, x) -> {
            o.writeString(x.id());
            o.writeString(x.name());
            writeList(o, x.roles(), Output::writeString);
            o.writeString(x.address());
            o.writeString(x.telephone());
            o.writeString(x.email());
        });
        out.writeString(p.buyerName());
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
        List<String> tenderTendererIds = readList(in, Input::readString);
        List<String> tenderClassificationIds = readList(in, Input::readString);
        boolean hasBidDetails = in.readBoolean();
        List<Bid> bids = readList(in, i -> new Bid(i.readInt(false), i.readString(), readInstant(i), readMoney(i),
                readList(i, Input::readString), i.readInt(false)));
        Long bidStatisticsTenderers = readLong(in);
        boolean hasAwards = in.readBoolean();
        List<Award> awards = readList(in, i -> new Award(i.readInt(false), i.readString(), i.readString(), readInstant(i),
                readMoney(i), readList(i, Input::readString), i.readInt(false), readList(i, Input::readString)));
        List<Contract> contracts = readList(in, i -> new Contract(i.readInt(false), i.readString(), i.readString(), i.readString(),
                readInstant(i), readMoney(i), i.readInt(false)));
        List<Party> parties = readList(in, i -> new Party(i.readString(), i.readString(), readList(i, Input::readString),
                i.readString(), i.readString(), i.readString()));
        return new ContractingProcess(ocid, line, date, tenderStatus, method, details, rationale, numberOfTenderers, startRaw, endRaw,
                start, end, tenderValue, buyerId, procuringEntityId, tenderTendererIds, tenderClassificationIds, hasBidDetails, bids,
                bidStatisticsTenderers, hasAwards, awards, contracts, parties, in.readString());
    }

    /** A list as its size (-1 for null) and its elements. */
    private static <T> void writeList(Output out, List<T> list, BiConsumer<Output, T> element) {
        out.writeInt(list == null ? -1 : list.size(), false);
        if (list != null) {
            for (T e : list) {
                element.accept(out, e);
            }
        }
    }

    /** The list {@link #writeList} wrote: unmodifiable, nulls kept; null for null. */
    private static <T> List<T> readList(Input in, Function<Input, T> element) {
        int n = in.readInt(false);
        if (n < 0) {
            return null;
        }
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.apply(in));
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

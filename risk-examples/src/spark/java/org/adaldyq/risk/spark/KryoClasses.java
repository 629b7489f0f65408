package org.adaldyq.risk.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.procurement.DatasetShard;
import org.adaldyq.risk.procurement.OcidItem;
import org.adaldyq.risk.procurement.OrganisationTally;
import org.adaldyq.risk.procurement.PartitionReport;
import org.adaldyq.risk.procurement.PartitionRecord;
import org.adaldyq.risk.procurement.PartitionScorer;
import org.adaldyq.risk.procurement.ProcessPosition;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.Contract;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.Money;
import org.adaldyq.risk.procurement.model.Party;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.stats.FixedQuantiles;
import org.adaldyq.risk.procurement.stats.QuantileSamples;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kryo for what the procurement job shuffles, caches and collects, instead of Java serialisation (which
 * cost the job several seconds per 50,000 processes: the compiled process is a tree of records). Spark's
 * Kryo (4.x) cannot rebuild Java records (their fields are final and {@code Unsafe} refuses record fields),
 * nor the JDK's unmodifiable collections ({@code List.of}, {@code stream().toList()}): both get a serializer
 * here. The records are written component by component and rebuilt through their canonical constructor; an
 * unmodifiable collection comes back unmodifiable, with the same elements in the same order. Every class the
 * job moves is registered (a number on the wire instead of the class name), in a fixed order, so that every
 * JVM numbers them alike.
 */
public final class KryoClasses implements KryoRegistrator {
    /** The job's data classes, in registration order. */
    private static final List<Class<?>> CLASSES = List.of(OcidItem.class, ProcessPosition.class, PartitionRecord.class,
            ContractingProcess.class, Bid.class, Award.class, Contract.class, Money.class, Party.class, Flag.class, Evidence.class,
            Group.class, InputProblem.class, InputProblem.Kind.class, RunCounts.class, QuantileSamples.class, FixedQuantiles.class,
            DatasetShard.Result.class, PartitionScorer.FirstCurrency.class, ProcurementJob.OcidKey.class,
            ProcurementJob.ShardKey.class, Quantiles.SampleValue.class, PartitionReport.Context.class, PartitionReport.Part.class,
            PartitionReport.Contribution.class, OrganisationTally.class, OrganisationTally.Process.class,
            ProcurementJob.OrganisationKey.class, ProcurementJob.Scored.class, double[].class, long[].class, int[].class, byte[].class);

    /** The settings that make a SparkSession use Kryo with these classes (set before the session starts). */
    public static SparkConf configure(SparkConf conf) {
        return conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", KryoClasses.class.getName())
                // the job moves trees of values (no cycles, nothing whose sharing matters): no reference table
                .set("spark.kryo.referenceTracking", "false");
    }

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
        ReadOnlyList lists = new ReadOnlyList();
        for (Object sample : List.of(List.of(), List.of(1), List.of(1, 2, 3), Collections.unmodifiableList(new ArrayList<>()),
                Collections.unmodifiableList(new java.util.LinkedList<>()), Arrays.asList(1), Collections.unmodifiableCollection(List.of()))) {
            kryo.register(sample.getClass(), lists);
        }
        kryo.register(java.util.stream.Stream.of(1).toList().getClass(), lists);
        ReadOnlySet sets = new ReadOnlySet();
        for (Object sample : List.of(Set.of(), Set.of(1), Set.of(1, 2, 3), Collections.unmodifiableSet(new HashSet<>()),
                Collections.unmodifiableSortedSet(new TreeSet<>()))) {
            kryo.register(sample.getClass(), sets);
        }
        ReadOnlyMap maps = new ReadOnlyMap();
        for (Object sample : List.of(Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2), Collections.unmodifiableMap(new HashMap<>()),
                Collections.unmodifiableSortedMap(new TreeMap<>()))) {
            kryo.register(sample.getClass(), maps);
        }
        for (Class<?> c : CLASSES) {
            if (c == RunCounts.class) {
                // its EnumMap is beyond Kryo 4 on Java 17 (the map's key type is read by reflection); one per partition
                kryo.register(c, new com.esotericsoftware.kryo.serializers.JavaSerializer());
            } else if (c == ContractingProcess.class) {
                // the biggest value the job moves, encoded and decoded several times: written field by field
                kryo.register(c, new ProcessCodec());
            } else {
                kryo.register(c);
            }
        }
    }

    /** A record, component by component; rebuilt by its canonical constructor (so its checks run again). */
    public static final class RecordSerializer<T extends Record> extends Serializer<T> {
        private final MethodHandle[] accessors;
        private final Class<?>[] types;
        private final MethodHandle constructor;

        /** The serializer of {@code type} (Kryo calls this for each record class it meets). */
        public RecordSerializer(Class<T> type) {
            RecordComponent[] components = type.getRecordComponents();
            accessors = new MethodHandle[components.length];
            types = new Class<?>[components.length];
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                for (int i = 0; i < components.length; i++) {
                    java.lang.reflect.Method m = components[i].getAccessor();
                    m.setAccessible(true);
                    accessors[i] = lookup.unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
                    types[i] = components[i].getType();
                }
                Constructor<T> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                constructor = lookup.unreflectConstructor(c).asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("record " + type.getName() + " cannot be serialised", e);
            }
        }

        @Override
        public void write(Kryo kryo, Output out, T record) {
            for (int i = 0; i < accessors.length; i++) {
                Object v;
                try {
                    v = (Object) accessors[i].invokeExact((Object) record);
                } catch (Throwable e) {
                    throw new IllegalStateException("reading a record component failed", e);
                }
                Class<?> t = types[i];
                if (t == int.class) {
                    out.writeInt((Integer) v, false);
                } else if (t == long.class) {
                    out.writeLong((Long) v, false);
                } else if (t == boolean.class) {
                    out.writeBoolean((Boolean) v);
                } else if (t == double.class) {
                    out.writeDouble((Double) v);
                } else if (t.isPrimitive()) {
                    kryo.writeObject(out, v);
                } else {
                    kryo.writeClassAndObject(out, v);
                }
            }
        }

        @Override
        public T read(Kryo kryo, Input in, Class<T> type) {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                Class<?> t = types[i];
                if (t == int.class) {
                    args[i] = in.readInt(false);
                } else if (t == long.class) {
                    args[i] = in.readLong(false);
                } else if (t == boolean.class) {
                    args[i] = in.readBoolean();
                } else if (t == double.class) {
                    args[i] = in.readDouble();
                } else if (t.isPrimitive()) {
                    args[i] = kryo.readObject(in, wrapper(t));
                } else {
                    args[i] = kryo.readClassAndObject(in);
                }
            }
            try {
                return type.cast((Object) constructor.invokeExact(args));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("rebuilding " + type.getName() + " failed", e);
            }
        }

        private static Class<?> wrapper(Class<?> primitive) {
            return MethodType.methodType(primitive).wrap().returnType();
        }
    }

    private static void writeAll(Kryo kryo, Output out, Collection<?> c) {
        out.writeInt(c.size(), true);
        for (Object o : c) {
            kryo.writeClassAndObject(out, o);
        }
    }

    /** An unmodifiable list: its elements, read back into an unmodifiable list (nulls kept). */
    private static final class ReadOnlyList extends Serializer<List<?>> {
        @Override
        public void write(Kryo kryo, Output out, List<?> list) {
            writeAll(kryo, out, list);
        }

        @Override
        public List<?> read(Kryo kryo, Input in, Class<List<?>> type) {
            int n = in.readInt(true);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(kryo.readClassAndObject(in));
            }
            return Collections.unmodifiableList(list);
        }
    }

    /** An unmodifiable set: its elements in iteration order, read back into an unmodifiable set of that order. */
    private static final class ReadOnlySet extends Serializer<Set<?>> {
        @Override
        public void write(Kryo kryo, Output out, Set<?> set) {
            writeAll(kryo, out, set);
        }

        @Override
        public Set<?> read(Kryo kryo, Input in, Class<Set<?>> type) {
            int n = in.readInt(true);
            Set<Object> set = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                set.add(kryo.readClassAndObject(in));
            }
            return Collections.unmodifiableSet(set);
        }
    }

    /** An unmodifiable map: its entries in iteration order, read back into an unmodifiable map of that order. */
    private static final class ReadOnlyMap extends Serializer<Map<?, ?>> {
        @Override
        public void write(Kryo kryo, Output out, Map<?, ?> map) {
            out.writeInt(map.size(), true);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                kryo.writeClassAndObject(out, e.getKey());
                kryo.writeClassAndObject(out, e.getValue());
            }
        }

        @Override
        public Map<?, ?> read(Kryo kryo, Input in, Class<Map<?, ?>> type) {
            int n = in.readInt(true);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(kryo.readClassAndObject(in), kryo.readClassAndObject(in));
            }
            return Collections.unmodifiableMap(map);
        }
    }
}

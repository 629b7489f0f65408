package org.adaldyq.risk.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.serializer.SerializerInstance;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.nio.ByteBuffer;
import java.util.Iterator;

/**
 * The job's big values (compiled processes, scored process records) as bytes, encoded with the session's
 * serializer (Kryo, see {@link KryoClasses}) before a shuffle or a cache and decoded where they are read.
 * Spark estimates the size of what a shuffle sorts and of what it caches by walking the objects' graphs (its
 * {@code SizeEstimator}): on compiled processes that walk was a quarter of the job's CPU time (measured
 * with JFR on 50,000 processes); a byte array's size is read at once. A process fed to several shards is
 * also encoded once. One serializer instance per thread (they are not thread-safe).
 */
final class Encoded {
    private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);
    private static final ThreadLocal<Object[]> INSTANCE = new ThreadLocal<>();

    private Encoded() {
    }

    /** {@code value} as bytes. */
    static byte[] encode(Object value) {
        ByteBuffer b = instance().serialize(value, ANY);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The value {@link #encode} gave {@code bytes} for. */
    @SuppressWarnings("unchecked")
    static <T> T decode(byte[] bytes) {
        return (T) instance().deserialize(ByteBuffer.wrap(bytes), ANY);
    }

    /** The values of encoded ones, decoded as they are pulled. */
    static <T> Iterator<T> decode(Iterator<byte[]> encoded) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return encoded.hasNext();
            }

            @Override
            public T next() {
                return decode(encoded.next());
            }
        };
    }

    /** This thread's serializer instance of the running Spark environment. */
    private static SerializerInstance instance() {
        SparkEnv env = SparkEnv.get();
        Object[] cached = INSTANCE.get();
        if (cached == null || cached[0] != env) {
            cached = new Object[] {env, env.serializer().newInstance()};
            INSTANCE.set(cached);
        }
        return (SerializerInstance) cached[1];
    }
}

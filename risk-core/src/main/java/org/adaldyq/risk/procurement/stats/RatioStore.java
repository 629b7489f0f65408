package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.SecondLowestBidRatio;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The second-lowest-bid ratios of a run: the values in memory (8 bytes each, for the quartiles), the
 * records (ocid, winner, second bidder, amounts) in a temporary file, read back in batches for the
 * dataset rules. Keeps the heap flat at millions of processes. Not thread-safe.
 */
final class RatioStore implements AutoCloseable {
    private double[] values = new double[1024];
    private int size;
    private Path file;
    private DataOutputStream out;

    void add(SecondLowestBidRatio r) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = r.getRatio();
        try {
            if (out == null) {
                file = Files.createTempFile("ratios", ".bin");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            SpillText.write(out, r.getOcid());
            SpillText.write(out, r.getWinnerId());
            SpillText.write(out, r.getSecondId());
            out.writeDouble(r.getWinnerAmount());
            out.writeDouble(r.getSecondAmount());
            out.writeDouble(r.getRatio());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** Reads the ratios back, {@code batchSize} at a time, in input order. */
    void forEachBatch(int batchSize, Consumer<List<SecondLowestBidRatio>> consumer) {
        if (size == 0) {
            return;
        }
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                List<SecondLowestBidRatio> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < size; i++) {
                    batch.add(new SecondLowestBidRatio(SpillText.read(in), SpillText.read(in), SpillText.read(in), in.readDouble(),
                            in.readDouble(), in.readDouble()));
                    if (batch.size() == batchSize) {
                        consumer.accept(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    consumer.accept(batch);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

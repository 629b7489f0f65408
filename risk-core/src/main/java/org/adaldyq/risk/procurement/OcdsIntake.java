package org.adaldyq.risk.procurement;

import com.fasterxml.jackson.databind.JsonNode;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.ocds.ParsedUnit;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads OCDS inputs and compiles their processes: every line of a line-delimited input straight from the
 * token stream ({@link ReleaseCompiler}), anything else parsed, classified and compiled from its tree.
 * Units come out in input order, on one thread at a time; with several threads, lines are parsed and
 * compiled on workers while the consumer runs on its own thread. An input that cannot be opened is an
 * {@code UNREADABLE} problem (or an exception when it is the only input).
 */
final class OcdsIntake {
    private OcdsIntake() {
    }

    /**
     * Reads every input and hands each unit's compiled processes to {@code consumer}, in input order, on
     * one thread at a time. With {@code threads} > 1, lines are parsed and compiled on worker threads.
     *
     * @param reading what the lines' compiler reads: parties when the processes need them (they cost more than any
     *                other member), names in which language first
     */
    static void feed(List<OcdsReader.Input> inputs, int threads, int maxLineBytes, ReleaseCompiler.Reading reading,
                     Consumer<Compiled> consumer) {
        OcdsReader reader = new OcdsReader(maxLineBytes);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocds-parse");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            if (pool == null) {
                OcdsReader.Sink sink = new OcdsReader.Sink() {
                    @Override
                    public void line(String source, long line, byte[] json) {
                        consumer.accept(compileLine(source, line, json, reading));
                    }

                    @Override
                    public void parsed(ParsedUnit unit) {
                        consumer.accept(compile(unit, reading));
                    }
                };
                readAll(reader, inputs, sink);
            } else {
                feedParallel(reader, inputs, threads, reading, consumer, pool);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void feedParallel(OcdsReader reader, List<OcdsReader.Input> inputs, int threads,
                                     ReleaseCompiler.Reading reading,
                                     Consumer<Compiled> consumer, ExecutorService pool) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BlockingQueue<Future<List<Compiled>>> queue = new ArrayBlockingQueue<>(threads * 4);
        Future<List<Compiled>> end = CompletableFuture.completedFuture(null);
        Thread ordered = new Thread(() -> {
            try {
                while (true) {
                    Future<List<Compiled>> f = queue.take();
                    if (f == end) {
                        return;
                    }
                    for (Compiled c : f.get()) {
                        consumer.accept(c);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                failure.set(e.getCause());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "ocds-rules");
        ordered.start();
        final class BatchingSink implements OcdsReader.Sink {
            List<RawLine> batch = new ArrayList<>();

            @Override
            public void line(String source, long line, byte[] json) {
                batch.add(new RawLine(source, line, json));
                if (batch.size() >= 256) {
                    flush();
                }
            }

            @Override
            public void parsed(ParsedUnit unit) {
                flush();
                put(CompletableFuture.completedFuture(List.of(compile(unit, reading))));
            }

            void flush() {
                if (batch.isEmpty()) {
                    return;
                }
                List<RawLine> lines = batch;
                batch = new ArrayList<>();
                put(pool.submit(() -> {
                    List<Compiled> out = new ArrayList<>(lines.size());
                    for (RawLine l : lines) {
                        out.add(compileLine(l.source(), l.line(), l.json(), reading));
                    }
                    return out;
                }));
            }

            void put(Future<List<Compiled>> f) {
                try {
                    while (!queue.offer(f, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        if (!ordered.isAlive()) {
                            throw new IllegalStateException("rule thread failed", failure.get());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            void close() {
                flush();
                put(end);
            }
        }
        BatchingSink sink = new BatchingSink();
        try {
            readAll(reader, inputs, sink);
        } finally {
            sink.close();
            try {
                ordered.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("rule thread failed", failure.get());
        }
    }

    private static void readAll(OcdsReader reader, List<OcdsReader.Input> inputs, OcdsReader.Sink sink) {
        for (OcdsReader.Input input : inputs) {
            try (InputStream in = input.open().get()) {
                reader.read(input.name(), in, sink);
            } catch (IOException e) {
                if (inputs.size() == 1) {
                    throw new UncheckedIOException(e);
                }
                sink.parsed(new ParsedUnit(input.name(), 0, List.of(), List.of(), new InputProblem(input.name(), 0,
                        null, InputProblem.Kind.UNREADABLE, String.valueOf(e.getMessage()))));
            }
        }
    }

    /** A line of a line-delimited input, waiting for a parser thread. */
    private record RawLine(String source, long line, byte[] json) {
    }

    /** Compiled releases of one unit; runs on worker threads. */
    record Compiled(ParsedUnit unit, List<ContractingProcess> processes) {
    }

    /**
     * One line: a compiled release straight from the token stream (no tree); anything else (packages,
     * records, invalid JSON, ...) through the tree.
     */
    static Compiled compileLine(String source, long line, byte[] json, ReleaseCompiler.Reading reading) {
        ContractingProcess p = ReleaseCompiler.compile(json, line, reading);
        if (p != null) {
            return new Compiled(new ParsedUnit(source, line, List.of(), List.of(), null), List.of(p));
        }
        return compile(OcdsReader.parseLine(source, line, json), reading);
    }

    /** A parsed unit's releases, with their parties (a tree costs nothing more to read them), names as {@code reading} says. */
    private static Compiled compile(ParsedUnit unit, ReleaseCompiler.Reading reading) {
        ReleaseCompiler.Reading withParties = new ReleaseCompiler.Reading(true, reading.names());
        List<ContractingProcess> out = new ArrayList<>(unit.releases().size());
        long line = unit.line();
        for (JsonNode r : unit.releases()) {
            out.add(ReleaseCompiler.compile(r, line, withParties));
        }
        // keep the trees only as long as needed: the compiled values are all the rest of the run reads
        return new Compiled(unit.releases().isEmpty() ? unit
                : new ParsedUnit(unit.source(), unit.line(), List.of(), unit.toCompile(), unit.problem()), out);
    }
}

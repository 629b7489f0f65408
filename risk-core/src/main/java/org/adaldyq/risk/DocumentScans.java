package org.adaldyq.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.report.ReportJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scans a partition of documents for a cluster job, each into the record the {@code scan} command writes
 * in JSON lines: its report, or an error record ({@code source}, {@code error}, {@code reason}) when it
 * cannot be read. One document can never fail the partition: a document over {@link ScanSettings#maxBytes}
 * is not read ({@code TOO_LARGE}); one whose parser runs past {@link ScanSettings#timeoutMillis} is left
 * behind on its own daemon thread ({@code TIMEOUT}; the thread cannot be stopped, only abandoned); one
 * that exhausts memory or trips a bug is a record too. Parsers that may crash the JVM itself belong out of
 * process, as for the CLI.
 */
public final class DocumentScans implements Iterator<String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentScans.class);

    /** One document of a partition: its name (path or URI) and how to open it. */
    public interface Document {
        /** The name that goes into the record's {@code source}; its extension hints the format. */
        String name();

        /** Opens the document's bytes. */
        InputStream open() throws IOException;
    }

    private final ScanSettings settings;
    private final Iterator<? extends Document> documents;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "document-scan");
        t.setDaemon(true);
        return t;
    });

    private DocumentScans(ScanSettings settings, Iterator<? extends Document> documents) {
        this.settings = settings;
        this.documents = documents;
    }

    /** The records of a partition's documents, in order, scanned as they are pulled. */
    public static DocumentScans scan(ScanSettings settings, Iterator<? extends Document> documents) {
        return new DocumentScans(settings, documents);
    }

    @Override
    public boolean hasNext() {
        boolean more = documents.hasNext();
        if (!more) {
            close();
        }
        return more;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document d = documents.next();
        try {
            return ReportJson.compact().writeValueAsString(scanOne(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scan report did not write as JSON", e);
        }
    }

    private Object scanOne(Document d) {
        byte[] bytes;
        try (InputStream in = d.open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        } catch (IOException e) {
            return error(d.name(), "UNREADABLE", e.toString());
        }
        if (bytes.length > settings.maxBytes()) {
            return error(d.name(), "TOO_LARGE", "larger than " + settings.maxBytes() + " bytes; not read");
        }
        RiskEngine engine = settings.engine();
        Future<Object> scan = threads.submit(() -> {
            try {
                return engine.scanDocument(new ByteArrayInputStream(bytes), d.name()).report();
            } catch (DocumentReadException e) {
                return error(d.name(), e.reason().name(), e.getMessage());
            } catch (org.kie.api.runtime.rule.ConsequenceException e) {
                LOG.warn("rules failed on {}: {}", d.name(), e.getMessage());
                LOG.debug("rules failed on {}", d.name(), e);
                return error(d.name(), "RULE_ERROR", e.getMessage());
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                LOG.warn("scan of {} failed: {}", d.name(), e.toString());
                LOG.debug("scan of {} failed", d.name(), e);
                return error(d.name(), "INTERNAL", e.toString());
            } catch (OutOfMemoryError e) {
                return error(d.name(), "TOO_LARGE", "the document needs more memory than the JVM has (" + e.getMessage() + ")");
            }
        });
        try {
            return scan.get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            scan.cancel(true);
            return error(d.name(), "TIMEOUT", "not scanned within " + settings.timeoutMillis() + " ms; abandoned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return error(d.name(), "INTERNAL", e.getCause().toString());
        }
    }

    /** The {@code scan} command's error record. */
    private static Map<String, Object> error(String source, String reason, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("error", message);
        m.put("reason", reason);
        return m;
    }

    /** Lets the scan threads go (a thread still parsing an abandoned document finishes on its own). */
    @Override
    public void close() {
        threads.shutdown();
    }

    /** A document in memory (for tests and small inputs). */
    public static Document of(String name, byte[] bytes) {
        return new Document() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

}

package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.adaldyq.risk.serve.RiskServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the scanner as a local web app and JSON API, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start a local web app (in Kazakh, Russian or English): upload drafts and get the annotated report, the DOCX "
                + "with comments or the JSON; check an OCDS file at /tenders; with --index, search the body of law at /search. "
                + "JSON API POST /api/scan, /api/pair, /api/diff and /api/tenders (described at /api/openapi.json).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only; 0.0.0.0 opens it to the network).")
    String bind;

    @Option(names = "--max-mb", defaultValue = "20", description = "Largest upload in MB (default: ${DEFAULT-VALUE}).")
    int maxMb;

    @Option(names = "--threads", defaultValue = "2", description = "Requests served at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--queue", defaultValue = "16", description = "Requests that may wait; more get 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--rules", paramLabel = "DIR", description = "Regulation author folder on top of the built-in pack (repeatable); "
            + "watched: a saved change is reloaded while serving, a change that does not load leaves the previous rules serving.")
    List<Path> rules = List.of();

    @Option(names = "--procurement-rules", paramLabel = "DIR", description = "Procurement author folder (repeatable), watched the same way.")
    List<Path> procurementRules = List.of();

    @Option(names = "--index", paramLabel = "DIR", description = "A provision index (made by index --dir DIR) to search at /search "
            + "and GET /api/search: the body of law, its findings and the experts' decisions; an act opened from a hit saves "
            + "its review back to the index (Save to the index).")
    Path index;

    @Option(names = "--read-only", description = "Never write to the --index folder: act pages only download their review.")
    boolean readOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (maxMb < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-mb must be at least 1: " + maxMb);
        }
        PrintWriter err = spec.commandLine().getErr();
        RiskServer server = RiskServer.start(new RiskServer.Options(bind, port, (long) maxMb << 20, threads, queue, index, readOnly),
                new RiskServer.Rules(rules, procurementRules, (pack, reload) -> {
                    if (reload.applied()) {
                        out.printf("%s rules reloaded: %s%n", pack, reload.summary());
                        out.flush();
                    } else {
                        // the problems themselves are in the engine's warning just logged, each as file:line:column
                        err.printf("%s rules not reloaded (%d error(s) above); the previous ones keep serving%n", pack,
                                reload.errors().size());
                        err.flush();
                    }
                }));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.printf("Adaldyq Risk serving on http://%s:%d/ (Ctrl-C stops)%n", bind, server.port());
        if (index != null) {
            out.printf("searching the index in %s: http://%s:%d/search%n", index, bind, server.port());
        }
        if (!rules.isEmpty() || !procurementRules.isEmpty()) {
            List<Path> watched = new java.util.ArrayList<>(rules);
            watched.addAll(procurementRules);
            out.printf("rule folders watched, a saved change is reloaded: %s%n",
                    String.join(", ", watched.stream().map(Path::toString).toList()));
        }
        out.flush();
        stopped.await();
        return 0;
    }
}

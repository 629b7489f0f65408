package org.adaldyq.risk.cli;

import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.cardinal.Prepare;
import org.adaldyq.risk.procurement.cardinal.PrepareProblemCsv;
import org.adaldyq.risk.procurement.cardinal.PrepareSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Cardinal's {@code prepare}: corrects compiled releases (one per line) for the indicators, writes them to
 * OUT and the problems that remain to ERR as CSV ({@link PrepareProblemCsv}). {@code -} is standard
 * output; when OUT and ERR are both {@code -}, the CSV rows come after the releases (spooled to a
 * temporary file meanwhile, so memory stays flat). Skipped lines and warnings go to standard error as
 * {@code warning: line N: reason}, then one summary line; the exit code is 0. A settings file, input or
 * output that cannot be used is {@code error: PATH: reason} on standard error, exit 2, and no output file
 * is created when the settings or the input are the problem.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Correct quality problems in compiled releases (one per line) so that the indicators compute correctly; "
                + "write the corrected releases to OUT and the problems that remain to ERR as CSV "
                + "(line,ocid,path,array indexes,incorrect value,error description).")
public final class PrepareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Compiled releases, one per line (.gz is decompressed), or - for standard input")
    String file;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE.ini",
            description = "Cardinal settings: [defaults] [redactions] [codelists.bid_status] [codelists.award_status] [modifications] [corrections] (default: none)")
    Path settings;

    @Option(names = "--lenient", description = "Accept unknown sections and keys and repeated keys in the settings file, as Cardinal does")
    boolean lenient;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the corrected releases, or - for standard output")
    String output;

    @Option(names = {"-e", "--errors"}, required = true, paramLabel = "ERR", description = "Where to write the problems as CSV, or - for standard output")
    String errors;

    @Override
    public Integer call() throws IOException {
        Settings read;
        try {
            read = settings == null ? Settings.parse("") : Settings.read(settings, lenient);
        } catch (UncheckedIOException e) {
            return error(settings.toString(), LineInput.reason(e.getCause()));
        } catch (IllegalArgumentException e) {
            return error(e.getMessage()); // the settings parser names the file and line itself
        }
        Prepare prepare;
        try {
            prepare = new Prepare(read);
        } catch (IllegalArgumentException e) {
            return error(settings.toString(), e.getMessage()); // prepare's own checks name the setting
        }
        for (String target : new String[] {output, errors}) {
            if (!"-".equals(target) && (sameFile(target, file) || settings != null && sameFile(target, settings.toString()))) {
                return error(target, "is an input of this run");
            }
        }
        if (!"-".equals(output) && sameFile(output, errors)) {
            return error(output, "is both the output and the errors file");
        }
        InputStream in;
        try {
            in = LineInput.open(file);
        } catch (IOException e) {
            return error(file, LineInput.reason(e));
        }
        boolean spool = "-".equals(output) && "-".equals(errors);
        Path spooled = spool ? Files.createTempFile("risk-prepare-errors", ".csv") : null;
        try (in; Target out = Target.open(output, output); Target err = Target.open(spool ? spooled.toString() : errors, errors)) {
            Writer errWriter = new BufferedWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), 1 << 16);
            PrepareProblemCsv csv = new PrepareProblemCsv(errWriter);
            PrepareSummary summary = prepare.run(in, out, csv, warning -> System.err.println("warning: " + warning));
            csv.flush();
            if (spool) {
                Files.copy(spooled, out);
            }
            out.flush();
            System.err.println("prepare: " + LineInput.counted(summary.releases(), "release") + " written, "
                    + LineInput.counted(summary.problems(), "problem") + ", " + LineInput.counted(summary.skipped(), "line") + " skipped");
            return 0;
        } catch (TargetFailure e) {
            return error(e.target, LineInput.reason(e.cause()));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TargetFailure f) {
                return error(f.target, LineInput.reason(f.cause()));
            }
            throw e;
        } catch (IOException e) {
            return error(file, LineInput.reason(e));
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    private static int error(String message) {
        System.err.println("error: " + message);
        return 2;
    }

    private static int error(String path, String reason) {
        System.err.println("error: " + path + ": " + reason);
        return 2;
    }

    private static boolean sameFile(String a, String b) {
        try {
            Path pa = Path.of(a);
            Path pb = Path.of(b);
            return Files.exists(pa) && Files.exists(pb) ? Files.isSameFile(pa, pb)
                    : pa.toAbsolutePath().normalize().equals(pb.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * OUT or ERR: standard output (flushed, never closed) or a file (created or truncated), buffered. Its
     * failures, when opening or writing, are {@link TargetFailure}s that name it.
     */
    private static final class Target extends FilterOutputStream {
        private final String name;
        private final boolean standardOutput;

        private Target(OutputStream out, String name, boolean standardOutput) {
            super(new BufferedOutputStream(out, 1 << 16));
            this.name = name;
            this.standardOutput = standardOutput;
        }

        /** Opens {@code path} ({@code -}: standard output), reported as {@code name}. */
        static Target open(String path, String name) throws TargetFailure {
            if ("-".equals(path)) {
                return new Target(System.out, name, true);
            }
            try {
                return new Target(Files.newOutputStream(Path.of(path)), name, false);
            } catch (IOException | InvalidPathException e) {
                throw new TargetFailure(name, e instanceof IOException io ? io : new IOException(e.getMessage()));
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws TargetFailure {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new TargetFailure(name, e);
            }
        }

        @Override
        public void write(int b) throws TargetFailure {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new TargetFailure(name, e);
            }
        }

        @Override
        public void flush() throws TargetFailure {
            try {
                out.flush();
            } catch (IOException e) {
                throw new TargetFailure(name, e);
            }
        }

        @Override
        public void close() throws TargetFailure {
            flush();
            if (!standardOutput) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new TargetFailure(name, e);
                }
            }
        }
    }

    /** Writing OUT or ERR failed. */
    private static final class TargetFailure extends IOException {
        final String target;

        TargetFailure(String target, IOException cause) {
            super(cause);
            this.target = target;
        }

        IOException cause() {
            return (IOException) getCause();
        }
    }
}

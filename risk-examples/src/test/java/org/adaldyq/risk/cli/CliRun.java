package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, as the tests see it: the exit code and what it wrote. */
public record CliRun(int exit, String out, String err) {

    /** Runs the command line with {@code args}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}

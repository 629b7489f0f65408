package org.adaldyq.risk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code risk-cli.jar} entry point. Each command is its own class; this one only lists them.
 * Command names and options are a public contract: scripts depend on them.
 */
@Command(
        name = "risk-cli",
        mixinStandardHelpOptions = true,
        versionProvider = RiskCli.Version.class,
        description = "Adaldyq Risk: corruption-risk findings in draft laws and red flags in OCDS procurement data.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ScanCommand.class,
                EvaluateCommand.class,
                IndicatorsCommand.class,
                CoverageCommand.class,
                PrepareCommand.class,
                InitCommand.class,
                TendersCommand.class,
                BenchCommand.class,
                RulesCommand.class,
                CorpusCommand.class,
                TrainCommand.class,
        })
public final class RiskCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the CLI with its output and error streams redirected (for embedding and tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /**
     * Problems in rule or lexicon files are the user's to fix: print them as {@code file:line:column:
     * message}, one per line, without a stack trace, and exit with 3. Bad arguments, settings or files
     * (an {@link IllegalArgumentException} or I/O error) are one {@code error:} line, exit 2.
     */
    static CommandLine commandLine() {
        return new CommandLine(new RiskCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            java.util.List<?> problems;
            if (e instanceof org.adaldyq.risk.lexicon.LexiconException le) {
                problems = le.problems();
            } else if (e instanceof org.adaldyq.risk.rules.RuleCompilationException re) {
                problems = re.problems();
            } else if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof java.io.UncheckedIOException) {
                // bad settings, a bad baseline, an unreadable file: the user's to fix, one line, no stack trace
                String message = e instanceof java.io.UncheckedIOException u && u.getCause() != null && u.getCause().getMessage() != null
                        ? u.getCause().getMessage() : String.valueOf(e.getMessage());
                cmd.getErr().println("error: " + message);
                cmd.getErr().flush();
                return 2;
            } else {
                throw e;
            }
            problems.forEach(p -> cmd.getErr().println(p));
            cmd.getErr().flush();
            return 3;
        });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RiskCli.class.getPackage().getImplementationVersion();
            return new String[] {"risk-cli " + (v == null ? "(development build)" : v)};
        }
    }
}

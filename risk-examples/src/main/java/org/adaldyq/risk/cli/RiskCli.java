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
                ServeCommand.class,
                IndexCommand.class,
                SearchCommand.class,
                SimilarCommand.class,
                DiffCommand.class,
        })
public final class RiskCli {

    /** Brings back third-party warnings and the stack traces of failed inputs (every command takes it). */
    static final String VERBOSE = "--verbose";

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains(VERBOSE)) {
            // before the first logger exists: slf4j-simple reads its levels once, system properties first
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.adaldyq", "debug");
        }
        if (posixLocaleWithoutUtf8()) {
            System.exit(relaunchInUtf8(args));
        }
        System.exit(run(args));
    }

    /**
     * When the JVM decodes file names as ASCII, every non-ASCII name becomes {@code ?} in reports: no locale
     * set (LANG, LC_ALL, LC_CTYPE unset, or C/POSIX: containers, cron, CI), {@code LC_ALL=C} over a UTF-8
     * {@code LANG}, or a locale the system does not have ({@code kk_KZ.UTF-8} in a slim container falls back
     * to C). Such a run is started again, once, in the C.UTF-8 locale, so that Kazakh and Russian file names
     * come out as they are. A locale that works (UTF-8, or a legacy 8-bit one the system has) is kept.
     */
    static boolean posixLocaleWithoutUtf8() {
        String jnu = System.getProperty("sun.jnu.encoding", "");
        boolean ascii = jnu.equalsIgnoreCase("ANSI_X3.4-1968") || jnu.equalsIgnoreCase("US-ASCII") || jnu.equalsIgnoreCase("ASCII");
        return ascii && !System.getProperty("os.name", "").startsWith("Windows") && System.getenv("ADALDYQ_RELAUNCHED") == null;
    }

    private static int relaunchInUtf8(String[] args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RiskCli.class.getName());
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("ADALDYQ_RELAUNCHED", "1");
        try {
            return pb.start().waitFor();
        } catch (java.io.IOException e) {
            return run(args); // no second JVM: run here, with the names as the JVM decodes them
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
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
        CommandLine cli = new CommandLine(new RiskCli());
        addVerbose(cli);
        return cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
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

    /** {@code --verbose} on every command that has not got one of its own (evaluate lists disagreements with it). */
    private static void addVerbose(CommandLine cmd) {
        if (!cmd.getCommandSpec().optionsMap().containsKey(VERBOSE)) {
            cmd.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(VERBOSE).arity("0")
                    .description("Also print third-party libraries' warnings (PDFBox, POI, Tika, Drools) and the stack traces "
                            + "of failed inputs on standard error.").build());
        }
        cmd.getSubcommands().values().forEach(RiskCli::addVerbose);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RiskCli.class.getPackage().getImplementationVersion();
            return new String[] {"risk-cli " + (v == null ? "(development build)" : v)};
        }
    }
}

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
        // The commands are added by commandLine(): see COMMANDS.
        subcommands = CommandLine.HelpCommand.class)
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

    /** The first argument that is not an option: the command's name, if it names one. */
    private static String commandName(String... args) {
        return java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
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

    /**
     * The commands by name, in the order the usage lists them. Each class is loaded only when its command
     * is built: picocli reads every option of every command it is given, and doing that for all of them
     * took about 0.4 s of a one-page scan's cold start, so a run builds only the command it runs.
     */
    static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> c = new java.util.LinkedHashMap<>();
        c.put("scan", () -> new ScanCommand());
        c.put("evaluate", () -> new EvaluateCommand());
        c.put("indicators", () -> new IndicatorsCommand());
        c.put("coverage", () -> new CoverageCommand());
        c.put("prepare", () -> new PrepareCommand());
        c.put("init", () -> new InitCommand());
        c.put("tenders", () -> new TendersCommand());
        c.put("bench", () -> new BenchCommand());
        c.put("rules", () -> new RulesCommand());
        c.put("corpus", () -> new CorpusCommand());
        c.put("train", () -> new TrainCommand());
        c.put("serve", () -> new ServeCommand());
        c.put("index", () -> new IndexCommand());
        c.put("search", () -> new SearchCommand());
        c.put("similar", () -> new SimilarCommand());
        c.put("diff", () -> new DiffCommand());
        c.put("review", () -> new ReviewCommand());
        return java.util.Collections.unmodifiableMap(c);
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Runs the CLI with its output and error streams redirected (for embedding and tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine(args).setOut(out).setErr(err).execute(args);
    }

    /**
     * The command line for these arguments: only the command they name when the first word that is not an
     * option names one; every command otherwise (the usage, {@code help}, a misspelt command and its
     * suggestions).
     */
    static CommandLine commandLine(String... args) {
        String first = commandName(args);
        java.util.function.Supplier<Object> only = first == null ? null : COMMANDS.get(first);
        return only == null ? commandLine() : commandLine(java.util.Map.of(first, only));
    }

    /** The command line with every command. */
    static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line with these commands. Problems in rule or lexicon files are the user's to fix: print
     * them as {@code file:line:column: message}, one per line, without a stack trace, and exit with 3. Bad arguments, settings or files
     * (an {@link IllegalArgumentException} or I/O error) are one {@code error:} line, exit 2.
     */
    private static CommandLine commandLine(java.util.Map<String, java.util.function.Supplier<Object>> commands) {
        CommandLine cli = new CommandLine(new RiskCli());
        commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        addVerbose(cli);
        return cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int exit = userError(e, cmd.getErr());
            if (exit < 0) {
                throw e;
            }
            return exit;
        });
    }

    /**
     * Says on {@code err} a mistake that is the user's to fix, without a stack trace: problems in rule or
     * lexicon files as {@code file:line:column: message}, one per line (exit code 3); a bad argument, setting or
     * file as one {@code error:} line (exit code 2).
     *
     * @return the exit code, or -1 when {@code e} is not such a mistake (nothing is said)
     */
    static int userError(Exception e, java.io.PrintWriter err) {
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
            err.println("error: " + message);
            err.flush();
            return 2;
        } else {
            return -1;
        }
        problems.forEach(err::println);
        err.flush();
        return 3;
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

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
                IndicatorsCommand.class,
                CoverageCommand.class,
                InitCommand.class,
                TendersCommand.class,
        })
public final class RiskCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        return new CommandLine(new RiskCli()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RiskCli.class.getPackage().getImplementationVersion();
            return new String[] {"risk-cli " + (v == null ? "(development build)" : v)};
        }
    }
}

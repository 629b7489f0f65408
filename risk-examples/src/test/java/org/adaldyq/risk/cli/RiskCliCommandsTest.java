package org.adaldyq.risk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run builds only the command it names; it must be the same command as in the full tree. */
class RiskCliCommandsTest {

    @Test
    void eachCommandIsBuiltUnderTheNameItsClassDeclares() {
        RiskCli.COMMANDS.forEach((name, command) -> {
            CommandLine.Command declared = command.get().getClass().getAnnotation(CommandLine.Command.class);
            assertEquals(name, declared.name(), command.get().getClass().getName());
        });
    }

    @Test
    void aRunOfOneCommandHasThatCommandAsTheFullTreeHasIt() {
        Map<String, CommandLine> all = RiskCli.commandLine().getSubcommands();
        assertEquals(List.of("help", "scan", "evaluate", "indicators", "coverage", "prepare", "init", "tenders", "bench",
                "rules", "corpus", "train", "serve", "index", "search", "similar", "diff", "review"), List.copyOf(all.keySet()));
        for (String name : RiskCli.COMMANDS.keySet()) {
            CommandLine one = RiskCli.commandLine("--verbose", name, "x").getSubcommands().get(name);
            assertEquals(RiskCli.commandLine(name).getSubcommands().keySet(), java.util.Set.of("help", name));
            assertEquals(names(all.get(name)), names(one), name);
            assertEquals(all.get(name).getSubcommands().keySet(), one.getSubcommands().keySet(), name);
        }
    }

    @Test
    void theUsageAndAMisspeltCommandStillSeeEveryCommand() {
        CliRun usage = CliRun.of();
        assertTrue(usage.err().contains("similar") && usage.err().contains("diff"), usage.err());
        CliRun misspelt = CliRun.of("scna", "file.txt");
        assertEquals(2, misspelt.exit());
        assertTrue(misspelt.err().contains("Did you mean: risk-cli scan?"), misspelt.err());
        CliRun help = CliRun.of("help", "tenders");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: risk-cli tenders"), help.out());
    }

    private static List<String> names(CommandLine command) {
        return command.getCommandSpec().options().stream().map(CommandLine.Model.OptionSpec::longestName).sorted().toList();
    }
}

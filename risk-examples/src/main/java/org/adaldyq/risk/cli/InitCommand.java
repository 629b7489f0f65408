package org.adaldyq.risk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** Cardinal's {@code init}: writes a commented settings file with every indicator enabled. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a default settings file (Cardinal's INI format) with every indicator enabled and its settings commented out.")
public final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The settings file to write")
    Path file;

    @Option(names = {"-f", "--force"}, description = "Overwrite the file if it exists")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(file) && !force) {
            System.err.println(file + " exists; use --force to overwrite");
            return 1;
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("/org/adaldyq/risk/procurement/settings-template.ini")) {
            if (in == null) {
                throw new IllegalStateException("settings template missing from the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        System.err.println("Settings written to " + file);
        return 0;
    }
}

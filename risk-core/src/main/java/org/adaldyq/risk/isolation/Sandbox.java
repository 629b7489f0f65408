package org.adaldyq.risk.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How {@link IsolatedEngine} starts its child JVMs, for a host that starts its own (the CLI runs
 * {@code indicators --isolate} and {@code tenders --isolate} this way). A sandboxed child runs behind a
 * Security Manager policy from its first instruction: it has no network, cannot start a process, exit
 * through {@code System.exit} or remove the sandbox, reads only the JDK, the class path, its own folder and
 * the {@code readable} paths, and writes only its own temporary folder and the {@code writable} files.
 * Needs the Security Manager of Java 17 to 23: a later JVM does not start with it.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /** A new private folder for one child: its working directory, policy and temporary folder. */
    public static Path newHome() throws IOException {
        return Files.createTempDirectory("adaldyq-isolate");
    }

    /**
     * The command that starts {@code mainClass} in a child JVM with heap {@code heap} (as {@code -Xmx} takes
     * it), exiting on its first {@code OutOfMemoryError} (exit code 3), with {@code home/tmp} as its
     * temporary folder; behind the sandbox when {@code sandboxed}, whose policy is written into {@code home}.
     * Arguments for {@code mainClass} go after it; the child's working directory should be {@code home}
     * or the caller's.
     *
     * @param classPath the child's class path (the jars its manifests name are granted too)
     * @param readable  files or folders a sandboxed child may read: its inputs, settings, rule folders
     * @param writable  files a sandboxed child may write: the outputs named on its command line
     */
    public static List<String> javaCommand(Path home, String heap, boolean sandboxed, String classPath, List<Path> readable,
            List<Path> writable, String mainClass) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
        if (sandboxed) {
            cmd.addAll(SandboxPolicy.jvmOptions(home, classPath, readable, writable));
        } else {
            cmd.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
        }
        cmd.addAll(List.of("-cp", classPath, mainClass));
        return cmd;
    }

    /** Whether a line of a child's standard error is the JDK's notice that the Security Manager is on. */
    public static boolean isJdkNotice(String line) {
        return line.startsWith("WARNING: ") && line.contains("Security Manager");
    }

    /** Deletes a child's folder, {@link #newHome} and all it holds. */
    public static void deleteHome(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

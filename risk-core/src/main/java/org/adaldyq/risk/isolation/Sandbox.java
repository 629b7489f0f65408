package org.adaldyq.risk.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The sandbox of {@link IsolatedEngine}'s children, for a host that starts its own child JVM (the CLI
 * runs {@code indicators --isolate} and {@code tenders --isolate} this way): JVM options that start a
 * child behind a Security Manager policy from its first instruction. The child has no network, cannot
 * start a process, exit through {@code System.exit} or remove the sandbox, reads only the JDK, the class
 * path, its own folder and the {@code readable} paths, and writes only its own temporary folder and the
 * {@code writable} files. Needs the Security Manager of Java 17 to 23.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * Writes the policy into {@code home} (a private folder the caller creates, the child's working
     * directory, deleted by the caller afterwards) and returns the JVM options of a child behind it, with
     * {@code home/tmp} as its temporary folder.
     *
     * @param classPath the child's class path (the jars its manifests name are granted too)
     * @param readable  files or folders the child may read: its inputs, settings, rule folders
     * @param writable  files the child may write: the outputs named on its command line
     */
    public static List<String> jvmOptions(Path home, String classPath, List<Path> readable, List<Path> writable) throws IOException {
        return SandboxPolicy.jvmOptions(home, classPath, readable, writable);
    }
}

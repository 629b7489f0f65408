package org.adaldyq.risk.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java policy a sandboxed child runs under from its first instruction, while its rules compile and
 * while it scans. Everything not granted is refused to all code, the engine's own included: no socket, no
 * process ({@code execute}), no {@code exitVM}, no {@code setSecurityManager}, and no file written outside
 * the child's private temporary folder and the outputs named by the parent. Files are read only from the
 * JDK, the class path, that folder and the inputs named by the parent (the rule folders; a scan child is
 * sent each document's bytes), so a rule cannot read {@code /etc/passwd} into a finding. The rest are the
 * reflection and class-loader permissions Drools (its compiler included), Tika and Jackson use.
 */
final class SandboxPolicy {
    private static final List<String> RUNTIME = List.of(
            "getClassLoader", "createClassLoader", "setContextClassLoader", "closeClassLoader", "defineClass",
            "accessDeclaredMembers", "accessClassInPackage.*", "getProtectionDomain", "reflectionFactoryAccess",
            "modifyThread", "modifyThreadGroup", "getenv.*", "readFileDescriptor", "writeFileDescriptor",
            "getStackWalkerWithClassReference", "localeServiceProvider", "charsetProvider", "accessSystemModules", "setIO");

    private SandboxPolicy() {
    }

    /**
     * Writes the policy into {@code home} and returns the JVM options that start a child under it, with
     * {@code home/tmp} as its temporary folder.
     *
     * @param readable files or folders the child may read besides the JDK and the class path
     * @param writable files the child may write (outputs named on its command line)
     */
    static List<String> jvmOptions(Path home, String classPath, List<Path> readable, List<Path> writable) throws IOException {
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Path policy = home.resolve("child.policy");
        Files.writeString(policy, text(tmp, classPath, readable, writable));
        return List.of("-Djava.io.tmpdir=" + tmp, "-Djava.security.manager", "-Djava.security.policy==" + policy);
    }

    /** The policy file's text for a child whose only writable folder is {@code tmp}. */
    static String text(Path tmp, String classPath, List<Path> readable, List<Path> writable) {
        List<String> lines = new ArrayList<>();
        lines.add("grant {");
        for (Path p : readable) {
            Path a = p.toAbsolutePath().normalize();
            read(lines, a, Files.isDirectory(a));
        }
        for (Path p : writable) {
            lines.add("  permission java.io.FilePermission \"" + escape(p.toAbsolutePath().normalize().toString()) + "\", \"read,write\";");
        }
        read(lines, Path.of(System.getProperty("java.home")), true);
        for (Path p : classPathEntries(classPath)) {
            read(lines, p, p.toFile().isDirectory());
        }
        lines.add("  permission java.io.FilePermission \"" + escape(tmp.toString()) + "\", \"read,write\";");
        lines.add("  permission java.io.FilePermission \"" + escape(tmp + File.separator + "-") + "\", \"read,write,delete\";");
        lines.add("  permission java.util.PropertyPermission \"*\", \"read,write\";");
        // Drools' rule builder looks for WorkDefinitions.conf in the working directory and the user's home
        // (this one file in each); the child's own folder is readable
        read(lines, tmp.getParent(), true);
        for (Path dir : List.of(Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath())) {
            lines.add("  permission java.io.FilePermission \"" + escape(dir.resolve("WorkDefinitions.conf").toString()) + "\", \"read\";");
        }
        for (String name : RUNTIME) {
            lines.add("  permission java.lang.RuntimePermission \"" + name + "\";");
        }
        lines.add("  permission java.lang.reflect.ReflectPermission \"suppressAccessChecks\";");
        lines.add("  permission java.lang.reflect.ReflectPermission \"newProxyInPackage.*\";");
        lines.add("  permission java.util.logging.LoggingPermission \"control\";");
        lines.add("  permission java.lang.management.ManagementPermission \"monitor\";");
        // the rule compiler and XStream (Drools' kmodule.xml) at build time
        lines.add("  permission java.io.SerializablePermission \"enableSubclassImplementation\";");
        lines.add("};");
        return String.join("\n", lines) + "\n";
    }

    /** The class path's entries, with the jars named by each jar's manifest {@code Class-Path} (as the launcher reads them). */
    static Set<Path> classPathEntries(String classPath) {
        Set<Path> out = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                todo.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!todo.isEmpty()) {
            Path p = todo.poll();
            if (!out.add(p) || !Files.isRegularFile(p)) {
                continue;
            }
            try (JarFile jar = new JarFile(p.toFile())) {
                Manifest m = jar.getManifest();
                String more = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (more != null) {
                    for (String url : more.trim().split("\\s+")) {
                        try {
                            todo.add(Path.of(p.getParent().toUri().resolve(url)).normalize());
                        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                            // a Class-Path entry that is not a local file: nothing to grant
                        }
                    }
                }
            } catch (IOException e) {
                // not a jar the launcher could use either
            }
        }
        return out;
    }

    private static void read(List<String> lines, Path path, boolean folder) {
        String target = folder ? path + File.separator + "-" : path.toString();
        lines.add("  permission java.io.FilePermission \"" + escape(target) + "\", \"read\";");
        if (folder) {
            lines.add("  permission java.io.FilePermission \"" + escape(path.toString()) + "\", \"read\";");
        }
    }

    /** Policy files read strings with backslash escapes and expand {@code ${...}}, which no path may hold. */
    private static String escape(String path) {
        if (path.contains("${")) {
            throw new IllegalArgumentException("the sandbox cannot grant a path that contains \"${\": " + path);
        }
        return path.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package org.adaldyq.risk.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox of an isolated child, tested below the rule checks: even code the compiled-code check would
 * have refused, defined the way Drools defines a rule's classes, cannot write outside the child's private
 * temporary folder, read a file outside the JDK and the class path, connect, start a process, exit the JVM
 * or take the sandbox down (issue 11: "no network, a read-only working directory").
 */
class SandboxPolicyTest {

    @Test
    void codeInTheSandboxCannotWriteReadConnectExecOrExit(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("child"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "host secret");
        Path input = Files.writeString(dir.resolve("input.txt"), "named input");
        Path output = dir.resolve("named-output.txt");
        List<String> sandbox = SandboxPolicy.jvmOptions(home, System.getProperty("java.class.path"), List.of(input), List.of(output));
        Path tmp = home.resolve("tmp");

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var s = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(sandbox);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SandboxProbe.class.getName(),
                    "read-input", "read:" + input,
                    "write-output", "write:" + output,
                    "write-tmp", "write:" + tmp.resolve("scratch.txt"),
                    "read-tmp", "read:" + tmp.resolve("scratch.txt"),
                    "delete-tmp", "delete:" + tmp.resolve("scratch.txt"),
                    "write-workdir", "write:" + home.resolve("written.txt"),
                    "write-outside", "write:" + dir.resolve("written.txt"),
                    "read-secret", "read:" + secret,
                    "read-passwd", "read:/etc/passwd",
                    "connect", "connect:" + server.getLocalPort(),
                    "exec", "exec:/bin/true",
                    "exit", "exit:7",
                    "unsandbox", "unsandbox:",
                    "property", "property:user.home"));
            Process child = new ProcessBuilder(probeArgs(cmd)).directory(home.toFile()).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            Map<String, String> outcome = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split(" ", 2);
                if (parts.length == 2 && !line.startsWith("WARNING")) {
                    outcome.put(parts[0], parts[1]);
                }
            }
            assertThat(outcome).as(out).isEqualTo(Map.ofEntries(
                    Map.entry("write-tmp", "ALLOWED"), Map.entry("read-tmp", "ALLOWED"), Map.entry("delete-tmp", "ALLOWED"),
                    Map.entry("write-workdir", "DENIED"), Map.entry("write-outside", "DENIED"),
                    Map.entry("read-secret", "DENIED"), Map.entry("read-passwd", "DENIED"), Map.entry("connect", "DENIED"),
                    Map.entry("exec", "DENIED"), Map.entry("exit", "DENIED"), Map.entry("unsandbox", "DENIED"),
                    Map.entry("property", "ALLOWED"), Map.entry("read-input", "ALLOWED"), Map.entry("write-output", "ALLOWED")));
            assertThat(output).hasContent("written");
            assertThat(child.exitValue()).isZero();
            assertThat(home.resolve("written.txt")).doesNotExist();
            assertThat(dir.resolve("written.txt")).doesNotExist();
            assertThat(accepted.get()).isZero();
        }
    }

    /** The probe takes threes: a label, the action and its argument (written here as {@code action:argument}). */
    private static List<String> probeArgs(List<String> cmd) {
        List<String> out = new ArrayList<>();
        int probe = cmd.indexOf(SandboxProbe.class.getName());
        out.addAll(cmd.subList(0, probe + 1));
        for (int i = probe + 1; i + 1 < cmd.size(); i += 2) {
            String[] action = cmd.get(i + 1).split(":", 2);
            out.addAll(List.of(cmd.get(i), action[0], action[1]));
        }
        return out;
    }

    @Test
    void theJarsAManifestClassPathNamesAreGrantedToo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/dep.jar"), "not read here");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dep.jar lib/missing.jar");
        Path app = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(app); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        assertThat(SandboxPolicy.classPathEntries(app.toString()))
                .containsExactly(app, dir.resolve("lib/dep.jar"), dir.resolve("lib/missing.jar"));
        assertThat(SandboxPolicy.text(dir.resolve("tmp"), app.toString(), List.of(), List.of()))
                .contains("\"" + dir.resolve("lib/dep.jar") + "\", \"read\"")
                .doesNotContain("SocketPermission", "\"execute\"", "exitVM", "setSecurityManager", "AllPermission");
    }
}

package org.adaldyq.risk.isolation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a rule's compiled code might try, by name; {@link SandboxProbe} runs it under the sandbox. */
public final class SandboxProbeActions {
    private SandboxProbeActions() {
    }

    public static void run(String action, String arg) throws IOException, InterruptedException {
        switch (action) {
            case "write" -> Files.writeString(Path.of(arg), "written");
            case "read" -> Files.readAllBytes(Path.of(arg));
            case "delete" -> Files.delete(Path.of(arg));
            case "connect" -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(arg)), 2000);
                }
            }
            case "exec" -> new ProcessBuilder(arg).start().waitFor();
            case "exit" -> System.exit(Integer.parseInt(arg));
            case "unsandbox" -> System.setSecurityManager(null);
            case "property" -> System.getProperty(arg);
            default -> throw new IllegalArgumentException(action);
        }
    }
}

package org.adaldyq.risk.isolation;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM of an {@link IsolatedEngine} and the pipes to it, started again after it is killed or
 * exits. Each child has a private folder: its working directory (not writable under the sandbox), with the
 * policy file and the only folder it may write ({@code tmp}); the folder is deleted with the child.
 * The child's stderr goes to this class's log, never to the console; its last lines explain a child that
 * did not start.
 */
final class ChildJvm {
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final String EOF = "\u0000eof";
    private static final int TAIL = 40;

    private final IsolatedEngine.Settings settings;
    private Process process;
    private Path home;
    private DataOutputStream toChild;
    private BlockingQueue<String> fromChild;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    ChildJvm(IsolatedEngine.Settings settings) {
        this.settings = settings;
    }

    /** Starts the child unless it runs; {@code null} when it is ready, else why it did not start. */
    String ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return null;
        }
        stop();
        home = Sandbox.newHome();
        List<String> cmd = new ArrayList<>(Sandbox.javaCommand(home, settings.heap(), settings.sandbox(), settings.classPath(),
                settings.rules(), List.of(), IsolatedChild.class.getName()));
        cmd.addAll(settings.engineArgs());
        synchronized (stderrTail) {
            stderrTail.clear();
        }
        process = new ProcessBuilder(cmd).directory(home.toFile()).start();
        toChild = new DataOutputStream(process.getOutputStream());
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        fromChild = queue;
        Process p = process;
        daemon("isolated-scan-out", () -> {
            try (BufferedReader in = reader(p.getInputStream())) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(IsolatedChild.PREFIX)) {
                        queue.add(line.substring(IsolatedChild.PREFIX.length()));
                    }
                }
            } catch (IOException e) {
                LOG.debug("child JVM output closed", e);
            }
            queue.add(EOF);
        });
        daemon("isolated-scan-err", () -> {
            try (BufferedReader in = reader(p.getErrorStream())) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (Sandbox.isJdkNotice(line)) {
                        continue;
                    }
                    LOG.debug("child: {}", line);
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > TAIL) {
                            stderrTail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("child JVM error output closed", e);
            }
        });
        String ready = poll(IsolatedEngine.START_LIMIT);
        if ("ready".equals(ready)) {
            return null;
        }
        int code = ready == null ? -1 : exitCode();
        kill();
        return (ready == null ? "the isolated scan's child JVM did not start within " + IsolatedEngine.START_LIMIT.toSeconds() + " s"
                : code == IsolatedChild.EXIT_RULES ? "the rules did not load in the isolated scan's child JVM"
                : "the isolated scan's child JVM ended with exit code " + code) + stderr();
    }

    /** Sends one input and waits for its answer, killing the child past the time limit. */
    IsolatedScan scan(String source, byte[] content) {
        try {
            String problem = ensureStarted();
            if (problem != null) {
                return IsolatedEngine.error(source, "INTERNAL", problem);
            }
            byte[] name = source.getBytes(StandardCharsets.UTF_8);
            toChild.writeInt(name.length);
            toChild.write(name);
            toChild.writeInt(content.length);
            toChild.write(content);
            toChild.flush();
            String line = poll(settings.timeoutPerInput());
            if (line == null) {
                kill();
                return IsolatedEngine.error(source, "RULE_LIMIT", "the isolated scan took longer than "
                        + settings.timeoutPerInput().toSeconds() + " s: its child JVM was killed");
            }
            if (line.equals(EOF)) {
                int code = exitCode();
                kill();
                return code == 3
                        ? IsolatedEngine.error(source, "TOO_LARGE", "the isolated scan ran out of memory (child JVM heap "
                                + settings.heap() + "): its child JVM ended")
                        : IsolatedEngine.error(source, "INTERNAL", "the isolated scan's child JVM ended with exit code " + code);
            }
            return IsolatedEngine.answer(source, line);
        } catch (IOException e) {
            kill();
            return IsolatedEngine.error(source, "INTERNAL", "cannot talk to the isolated scan's child JVM: " + e.getMessage());
        }
    }

    private String poll(Duration limit) {
        try {
            return fromChild.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int exitCode() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String stderr() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : ":\n" + String.join("\n", stderrTail);
        }
    }

    /** Closes the child's input so it ends, killing it if it does not within 5 s, and deletes its folder. */
    void stop() {
        if (process != null) {
            try {
                toChild.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        cleanUp();
    }

    private void kill() {
        if (process != null) {
            process.destroyForcibly();
            exitCode();
        }
        cleanUp();
    }

    private void cleanUp() {
        process = null;
        if (home != null) {
            try {
                Sandbox.deleteHome(home);
            } catch (IOException e) {
                LOG.warn("cannot delete the isolated scan's folder {}: {}", home, e.toString());
            }
            home = null;
        }
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}

package org.adaldyq.risk.isolation;

import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Run in a child JVM by {@link SandboxPolicyTest}, started behind the sandbox as an isolated child is;
 * defines {@link SandboxProbeActions} afresh in a class loader of its own with no code source, as Drools
 * defines the classes compiled from author rules, and tries each action named on the command line with
 * it. Arguments come in threes (label, action, argument); it prints {@code LABEL ALLOWED} or {@code LABEL
 * DENIED} per line.
 */
public final class SandboxProbe {
    private SandboxProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> actions = new GeneratedCodeLoader().load(SandboxProbeActions.class.getName());
        Method run = actions.getMethod("run", String.class, String.class);
        for (int i = 0; i + 2 < args.length; i += 3) {
            String outcome;
            try {
                run.invoke(null, args[i + 1], args[i + 2]);
                outcome = "ALLOWED";
            } catch (java.lang.reflect.InvocationTargetException e) {
                outcome = e.getCause() instanceof SecurityException ? "DENIED" : "FAILED " + e.getCause();
            }
            System.out.println(args[i] + " " + outcome);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Defines a class from the bytes of its class file, with no protection domain of its own. */
    private static final class GeneratedCodeLoader extends ClassLoader {
        GeneratedCodeLoader() {
            super(SandboxProbe.class.getClassLoader());
        }

        Class<?> load(String name) throws Exception {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}

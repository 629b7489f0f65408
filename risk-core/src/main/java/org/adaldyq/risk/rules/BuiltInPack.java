package org.adaldyq.risk.rules;

/**
 * The built-in rule packs ship in a jar of their own, {@code org.adaldyq:risk-rules}. A host that depends
 * on risk-core alone would otherwise fail deep inside Drools or a lexicon loader, with a message that does
 * not say what is missing.
 */
public final class BuiltInPack {

    private BuiltInPack() {
    }

    /**
     * Checks that the pack under {@code root} (e.g. {@code org/adaldyq/risk/rules/regulation}) is on the
     * class path of {@code loader}.
     *
     * @param name what the pack is, for the message ({@code "regulation"}, {@code "procurement"})
     * @throws IllegalStateException saying to add the {@code org.adaldyq:risk-rules} dependency
     */
    public static void requireOnClassPath(ClassLoader loader, String root, String name) {
        if (loader.getResource(root + "/index.txt") == null) {
            String version = BuiltInPack.class.getPackage().getImplementationVersion();
            throw new IllegalStateException("The built-in " + name + " rules (" + root + ") are not on the class path:"
                    + " add the dependency org.adaldyq:risk-rules" + (version == null ? "" : ":" + version)
                    + " (the same version as risk-core) to the application.");
        }
    }
}

package org.adaldyq.risk.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to load of a rule pack (regulation or procurement): the built-in pack or not, the author folders on
 * top of it, the limits, and whether to compile the DRL at run time even when the precompiled rules would
 * do ({@code compileAlways}, to check the built-in sources themselves).
 */
public record PackOptions(ClassLoader loader, boolean builtIn, List<Path> directories, RuleLimits limits, boolean compileAlways) {
    /** Requires a loader and limits; copies the folders. */
    public PackOptions {
        Objects.requireNonNull(loader);
        directories = List.copyOf(directories);
        Objects.requireNonNull(limits);
    }

    /** The built-in pack with these author folders on top, default limits. */
    public static PackOptions of(ClassLoader loader, List<Path> directories) {
        return new PackOptions(loader, true, directories, RuleLimits.DEFAULT, false);
    }
}

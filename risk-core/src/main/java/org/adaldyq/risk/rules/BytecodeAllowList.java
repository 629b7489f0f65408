package org.adaldyq.risk.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The classes, methods and fields that code compiled from author DRL may reference, read from
 * {@code author-bytecode.allow} beside this class (its header says the format). Deny by default.
 */
final class BytecodeAllowList {
    private static final String RESOURCE = "author-bytecode.allow";
    private static final String ALL = "*";

    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final Map<String, Set<String>> denied = new HashMap<>();

    private BytecodeAllowList() {
    }

    /** The list shipped with the library. */
    static BytecodeAllowList standard() {
        try (InputStream in = BytecodeAllowList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BytecodeAllowList parse(String text) {
        BytecodeAllowList list = new BytecodeAllowList();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            boolean deny = words[0].startsWith("!");
            String owner = deny ? words[0].substring(1) : words[0];
            Set<String> members = (deny ? list.denied : list.allowed).computeIfAbsent(owner, k -> new HashSet<>());
            for (int i = 1; i < words.length; i++) {
                members.add(words[i]);
            }
        }
        return list;
    }

    /** Whether {@code owner} (an internal name) is named by the list at all: it may be referenced as a type. */
    boolean allowsClass(String owner) {
        return allowed.containsKey(owner) || allowed.containsKey(packageOf(owner));
    }

    /** Whether member {@code name} of class {@code owner} may be used. */
    boolean allowsMember(String owner, String name) {
        if (has(denied, "*", name) || has(denied, owner, name) || has(denied, packageOf(owner), name)) {
            return false;
        }
        return has(allowed, owner, name) || has(allowed, packageOf(owner), name);
    }

    /** Whether {@code name} is refused on every class ({@code getClass}, {@code wait}...), generated ones too. */
    boolean deniedEverywhere(String name) {
        return has(denied, "*", name);
    }

    private static boolean has(Map<String, Set<String>> map, String owner, String name) {
        Set<String> members = map.get(owner);
        return members != null && (members.contains(ALL) || members.contains(name));
    }

    private static String packageOf(String owner) {
        return owner.substring(0, owner.lastIndexOf('/') + 1);
    }
}

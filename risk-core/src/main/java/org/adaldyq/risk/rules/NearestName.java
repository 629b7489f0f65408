package org.adaldyq.risk.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The known name an author most likely meant by one {@code rules check} does not know: a fact field
 * ({@code Trigger(provison == 3)}: Drools says only that it cannot resolve a method), a lexicon concept, a
 * threshold key, a code, a rule id. Nearness is edit distance, by Lucene's Levenshtein automata.
 */
final class NearestName {
    /** Drools' words for a field a pattern names that its type lacks. */
    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

    private NearestName() {
    }

    /**
     * What to add to a Drools message about an unknown field: the type's fields and the closest one (at most
     * two edits away), or empty when the message is about something else or the type cannot be loaded.
     */
    static Optional<String> forUnknownField(String message, ClassLoader loader) {
        Matcher m = UNRESOLVED.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(m.group(1), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        String typo = m.group(2);
        TreeSet<String> fields = fields(type);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String closest = closest(typo, fields);
        return Optional.of(type.getSimpleName() + " has no field '" + typo + "'"
                + (closest == null ? "" : "; did you mean '" + closest + "'?") + " Its fields: " + String.join(", ", fields));
    }

    /** The executable-model compiler's words for a constraint it cannot read, a field it does not know among them. */
    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (\\w+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;");

    /**
     * As {@link #forUnknownField(String, ClassLoader)} for the executable-model compiler, which names neither the type nor the
     * getter: the type is the pattern the expression stands in ({@code TenderFact(numberOfTenderes == 1)}),
     * found in the DRL text before {@code offset} and resolved through the file's imports.
     */
    static Optional<String> forFieldInPattern(String message, String drl, int offset, ClassLoader loader) {
        Matcher m = LEFT_PART.matcher(message);
        if (!m.find() || offset < 0 || offset > drl.length()) {
            return Optional.empty();
        }
        int open = drl.lastIndexOf('(', offset);
        Matcher type = Pattern.compile("(\\w+)\\s*$").matcher(drl.substring(Math.max(0, open - 80), Math.max(0, open)));
        if (open < 0 || !type.find()) {
            return Optional.empty();
        }
        String simple = type.group(1);
        Matcher im = IMPORT.matcher(drl);
        while (im.find()) {
            String name = im.group(2) != null ? im.group(1) + "." + simple : im.group(1).endsWith("." + simple) ? im.group(1) : null;
            if (name != null) {
                Optional<String> hint = forUnknownField("unable to resolve method using strict-mode: " + name + "." + m.group(1) + "()", loader);
                if (hint.isPresent()) {
                    return hint;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The simple names of the top-level classes of {@code pkg} on the class path of {@code loader}, from its
     * folders and jars; empty when it cannot be listed (another kind of class path entry).
     */
    static TreeSet<String> typesIn(String pkg, ClassLoader loader) {
        TreeSet<String> types = new TreeSet<>();
        String folder = pkg.replace('.', '/');
        try {
            java.util.Enumeration<java.net.URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                java.net.URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(name -> addType(types, name));
                    }
                } else if ("jar".equals(url.getProtocol()) && url.openConnection() instanceof java.net.JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (java.util.jar.JarFile file = jar.getJarFile()) {
                        file.stream().map(java.util.zip.ZipEntry::getName)
                                .filter(n -> n.startsWith(folder + "/") && n.indexOf('/', folder.length() + 1) < 0)
                                .forEach(n -> addType(types, n.substring(folder.length() + 1)));
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return new TreeSet<>();
        }
        return types;
    }

    private static void addType(TreeSet<String> types, String fileName) {
        if (fileName.endsWith(".class") && fileName.indexOf('$') < 0 && !fileName.equals("package-info.class")
                && !fileName.equals("module-info.class")) {
            types.add(fileName.substring(0, fileName.length() - ".class".length()));
        }
    }

    /** The fields a pattern can test: bean getters ({@code getX}, {@code isX}) and record components. */
    static TreeSet<String> fields(Class<?> type) {
        TreeSet<String> fields = new TreeSet<>();
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
        }
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class
                    || method.getReturnType() == void.class) {
                continue;
            }
            String name = method.getName();
            if (name.startsWith("get") && name.length() > 3) {
                fields.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            } else if (name.startsWith("is") && name.length() > 2 && (method.getReturnType() == boolean.class)) {
                fields.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
            }
        }
        return fields;
    }

    /** The field fewest edits from {@code typo} (one, then two; ties: the first by name), or null. */
    static String closest(String typo, Iterable<String> fields) {
        for (int edits = 1; edits <= 2; edits++) {
            List<String> near = within(typo, fields, edits);
            if (!near.isEmpty()) {
                return near.get(0);
            }
        }
        return null;
    }

    /**
     * The one name fewest edits from {@code typo} (one, then two), or null when none is, or several are, that
     * close: for codes such as R003, where a near miss has many neighbours and a guess would mislead.
     */
    static String onlyClosest(String typo, Iterable<String> names) {
        for (int edits = 1; edits <= 2; edits++) {
            List<String> near = within(typo, names, edits);
            if (!near.isEmpty()) {
                return near.size() == 1 ? near.get(0) : null;
            }
        }
        return null;
    }

    private static List<String> within(String typo, Iterable<String> names, int edits) {
        CharacterRunAutomaton near = new CharacterRunAutomaton(new LevenshteinAutomata(typo.toLowerCase(java.util.Locale.ROOT), true)
                .toAutomaton(edits));
        List<String> out = new java.util.ArrayList<>();
        for (String name : names) {
            if (!name.equals(typo) && near.run(name.toLowerCase(java.util.Locale.ROOT))) {
                out.add(name);
            }
        }
        return out;
    }
}

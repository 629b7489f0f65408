package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * What author DRL may import and call: the fact model, a few value types of the JDK, and nothing that
 * reaches files, the network, processes, threads, class loading or reflection. Checked by
 * {@code rules check} and at every load, before the DRL is compiled.
 *
 * <p>The check reads the imports Drools' parser found, then every name used in the rule text (outside
 * comments and string literals): a type name must be imported from the allow-list, declared in the
 * DRL, or one of the safe {@code java.lang} types; a qualified name must name an allowed class;
 * members that open reflection or the engine ({@code getClass}, {@code forName}, {@code .class},
 * {@code getKieRuntime}...) are refused; {@code drools.} gives only {@code getRule()} and
 * {@code getMatch()}. Loops ({@code while}, {@code do}, {@code for(;;)}) and DRL functions that call
 * DRL functions are refused, so every consequence terminates; the firing and time limits
 * ({@link RuleLimits}) catch rules that re-fire forever.
 *
 * <p>This is a guard rail against mistakes and casual misuse, not a sandbox: see the trust model in
 * {@code docs/author-guide.md}.
 */
public final class DrlAllowList {

    /** Packages whose every class author DRL may use: the fact models. */
    public static final Set<String> FACT_PACKAGES = Set.of(
            "org.adaldyq.risk.regulation.fact",
            "org.adaldyq.risk.procurement.fact",
            "org.adaldyq.risk.rules.fact");

    /** JDK classes author DRL may use (import, or name in full). */
    public static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.String", "java.lang.Math", "java.lang.StrictMath", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Number", "java.lang.Object", "java.lang.StringBuilder", "java.lang.CharSequence",
            "java.lang.Comparable", "java.lang.Iterable", "java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException", "java.lang.ArithmeticException",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Collections",
            "java.util.Arrays", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.HashSet",
            "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet",
            "java.util.Optional", "java.util.Objects", "java.util.Comparator", "java.util.Iterator",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.Instant", "java.time.Duration",
            "java.time.Period", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.DayOfWeek",
            "java.time.Month", "java.time.Year", "java.time.YearMonth", "java.time.temporal.ChronoUnit",
            "java.util.regex.Pattern", "java.util.regex.Matcher");

    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "groovy", "scala", "oracle", "mvel", "mvel2", "lombok");

    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "forName", "getClassLoader",
            "getContextClassLoader", "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods",
            "getDeclaredField", "getDeclaredFields", "getField", "getFields", "getDeclaredConstructor",
            "getDeclaredConstructors", "getConstructor", "getConstructors", "newInstance", "invoke", "setAccessible",
            "getRuntime", "exec", "exit", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase",
            "getKieSession", "getEntryPoint", "getEntryPoints", "getChannels", "getGlobals", "setGlobal",
            "getEnvironment", "getSessionClock", "registerChannel", "getKieContainer", "wait", "notify", "notifyAll");

    private static final Set<String> DROOLS_MEMBERS = Set.of("getRule", "getMatch");

    private final ClassLoader loader;

    /** An allow-list that resolves the names of author DRL with {@code loader}. */
    public DrlAllowList(ClassLoader loader) {
        this.loader = loader;
    }

    /** Every use in {@code file} that is not on the allow-list. */
    public List<RuleProblem> check(DrlFile file) {
        List<RuleProblem> problems = new ArrayList<>();
        PackageDescr descr = file.descr();
        if (descr == null) {
            return problems;
        }
        String origin = file.source().origin();
        Set<String> simpleNames = new HashSet<>();
        Set<String> wildcardPackages = new HashSet<>();
        for (String c : JDK_CLASSES) {
            if (c.startsWith("java.lang.")) {
                simpleNames.add(c.substring("java.lang.".length()));
            }
        }
        for (ImportDescr i : descr.getImports()) {
            String target = i.getTarget().strip();
            int line = Math.max(i.getLine(), 0);
            int col = i.getColumn() + 1;
            if (target.endsWith(".*")) {
                String pkg = target.substring(0, target.length() - 2);
                if (FACT_PACKAGES.contains(pkg)) {
                    wildcardPackages.add(pkg);
                } else {
                    problems.add(RuleProblem.error(origin, line, col, "import " + target + " is not allowed in author DRL;"
                            + " allowed: the fact packages " + new java.util.TreeSet<>(FACT_PACKAGES) + " and listed JDK classes"));
                }
            } else if (allowedClass(target)) {
                simpleNames.add(target.substring(target.lastIndexOf('.') + 1));
            } else {
                problems.add(RuleProblem.error(origin, line, col, "import " + target + " is not allowed in author DRL"
                        + " (only the fact model and value types such as java.util.List may be imported)"));
            }
        }
        for (ImportDescr i : descr.getFunctionImports()) {
            String target = i.getTarget().strip();
            String owner = target.substring(0, Math.max(0, target.lastIndexOf('.')));
            if (!allowedClass(owner)) {
                problems.add(RuleProblem.error(origin, Math.max(i.getLine(), 0), i.getColumn() + 1,
                        "import function/static " + target + " is not allowed in author DRL"));
            }
        }
        for (ImportDescr i : descr.getAccumulateImports()) {
            problems.add(RuleProblem.error(origin, Math.max(i.getLine(), 0), i.getColumn() + 1,
                    "import accumulate " + i.getTarget() + " is not allowed in author DRL (use the built-in accumulate functions)"));
        }
        for (TypeDeclarationDescr t : descr.getTypeDeclarations()) {
            simpleNames.add(t.getTypeName());
        }
        descr.getEnumDeclarations().forEach(e -> simpleNames.add(e.getTypeName()));
        Set<String> functions = new HashSet<>();
        for (FunctionDescr f : descr.getFunctions()) {
            functions.add(f.getName());
        }
        structure(descr, origin, problems);
        new Scan(file, origin, simpleNames, wildcardPackages, problems).run();
        for (FunctionDescr f : descr.getFunctions()) {
            for (String other : functions) {
                if (f.getBody() != null && f.getBody().matches("(?s).*\\b" + java.util.regex.Pattern.quote(other) + "\\s*\\(.*")) {
                    problems.add(RuleProblem.error(origin, Math.max(f.getLine(), 0), f.getColumn() + 1, "function " + f.getName()
                            + " calls DRL function " + other + ": DRL functions may not call DRL functions (no recursion)"));
                }
            }
        }
        return problems;
    }

    /** Package names author DRL may not take: the JDK's, the engine's and ours, but for the built-in rule packages. */
    private static final java.util.regex.Pattern RESERVED_PACKAGE = java.util.regex.Pattern.compile(
            "(java|javax|jdk|sun|com\\.sun|org\\.drools|org\\.kie|org\\.mvel2?|org\\.adaldyq\\.risk)(\\..*)?");
    private static final Set<String> BUILT_IN_PACKAGES = Set.of("org.adaldyq.risk.rules.regulation",
            "org.adaldyq.risk.rules.procurement");
    /**
     * An annotation value both compilers may evaluate (they run it through MVEL at compile time): a string
     * without Unicode escapes, a number, a word, a duration such as {@code 10s}.
     */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "\"(?:[^\"\\\\\\r\\n]|\\\\[btnfr\"'\\\\])*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*|(?:\\d+[A-Za-z]+)+");
    /** Rule attributes author DRL may set, with the values each takes. */
    private static final Map<String, java.util.regex.Pattern> ATTRIBUTES = Map.of(
            "salience", java.util.regex.Pattern.compile("-?\\d+"),
            "no-loop", java.util.regex.Pattern.compile("|true|false"),
            "lock-on-active", java.util.regex.Pattern.compile("|true|false"),
            "auto-focus", java.util.regex.Pattern.compile("|true|false"),
            "enabled", java.util.regex.Pattern.compile("true|false"),
            "agenda-group", LITERAL,
            "activation-group", LITERAL,
            "ruleflow-group", LITERAL,
            "dialect", java.util.regex.Pattern.compile("\"?java\"?"));

    /**
     * What must hold before the DRL is compiled at all, because the compilers evaluate some of it then
     * (annotation values, date and timer attributes) and because MVEL-dialect code is interpreted, not
     * compiled to classes the bytecode check can see: literal annotation values, a short list of rule
     * attributes with literal values, the java dialect, a package of the author's own.
     */
    private static void structure(PackageDescr descr, String origin, List<RuleProblem> problems) {
        String pkg = descr.getNamespace() == null ? "" : descr.getNamespace().strip();
        if (RESERVED_PACKAGE.matcher(pkg).matches() && !BUILT_IN_PACKAGES.contains(pkg)) {
            problems.add(RuleProblem.error(origin, 1, 1, "package " + pkg + " is reserved (the JDK's, the engine's or this"
                    + " library's); use a package of your own, e.g. org.example.rules"));
        }
        for (AttributeDescr a : descr.getAttributes()) {
            attribute(a, origin, "package", problems);
        }
        for (org.drools.drl.ast.descr.RuleDescr r : descr.getRules()) {
            for (AttributeDescr a : r.getAttributes().values()) {
                attribute(a, origin, "rule \"" + r.getName() + "\"", problems);
            }
            annotations(r, origin, problems);
        }
        for (TypeDeclarationDescr t : descr.getTypeDeclarations()) {
            annotations(t, origin, problems);
            for (org.drools.drl.ast.descr.TypeFieldDescr f : t.getFields().values()) {
                annotations(f, origin, problems);
                literal(f.getInitExpr(), f, origin, "the initial value of " + t.getTypeName() + "." + f.getFieldName(), problems);
            }
        }
        for (org.drools.drl.ast.descr.EnumDeclarationDescr e : descr.getEnumDeclarations()) {
            annotations(e, origin, problems);
            for (org.drools.drl.ast.descr.EnumLiteralDescr l : e.getLiterals()) {
                for (String arg : l.getConstructorArgs()) {
                    literal(arg, l, origin, "an argument of " + e.getTypeName() + "." + l.getName(), problems);
                }
            }
        }
    }

    private static void attribute(AttributeDescr a, String origin, String where, List<RuleProblem> problems) {
        java.util.regex.Pattern values = ATTRIBUTES.get(a.getName());
        String value = a.getValue() == null ? "" : a.getValue().strip();
        int line = Math.max(a.getLine(), 0);
        int col = a.getColumn() + 1;
        if (values == null) {
            problems.add(RuleProblem.error(origin, line, col, where + ": attribute " + a.getName() + " is not allowed in author"
                    + " DRL (allowed: " + new java.util.TreeSet<>(ATTRIBUTES.keySet()) + ")"));
        } else if (a.getName().equals("dialect") && !values.matcher(value).matches()) {
            problems.add(RuleProblem.error(origin, line, col, where + ": dialect " + value + " is not allowed in author DRL;"
                    + " only \"java\" (MVEL code is interpreted, so the compiled-code check could not see it)"));
        } else if (!values.matcher(value).matches()
                && !(a.getType() == AttributeDescr.Type.STRING && values == LITERAL && !value.contains("\\u"))) {
            problems.add(RuleProblem.error(origin, line, col, where + ": attribute " + a.getName() + " takes a plain value in"
                    + " author DRL (" + values.pattern() + "), not " + value));
        }
    }

    private static void annotations(org.drools.drl.ast.descr.AnnotatedBaseDescr d, String origin, List<RuleProblem> problems) {
        for (org.drools.drl.ast.descr.AnnotationDescr a : d.getAnnotations()) {
            for (Object v : a.getValueMap().values()) {
                literal(v == null ? null : v.toString(), a, origin, "the value of @" + a.getName(), problems);
            }
        }
    }

    private static void literal(String value, org.drools.drl.ast.descr.BaseDescr at, String origin, String what,
            List<RuleProblem> problems) {
        if (value != null && !value.isBlank() && !LITERAL.matcher(value.strip()).matches()) {
            problems.add(RuleProblem.error(origin, Math.max(at.getLine(), 0), at.getColumn() + 1, what + " must be a plain"
                    + " string, number or word in author DRL (the compiler evaluates it before any check could run)"));
        }
    }

    private boolean allowedClass(String fqn) {
        if (JDK_CLASSES.contains(fqn)) {
            return true;
        }
        int dot = fqn.lastIndexOf('.');
        return dot > 0 && FACT_PACKAGES.contains(fqn.substring(0, dot));
    }

    /** "did you mean 'Trigger'? " for a misspelt type of the fact model or one the file may name, else "". */
    private String nearestType(String simpleName, Set<String> named) {
        java.util.TreeSet<String> known = new java.util.TreeSet<>(named);
        for (String pkg : FACT_PACKAGES) {
            known.addAll(NearestName.typesIn(pkg, loader));
        }
        String meant = NearestName.onlyClosest(simpleName, known);
        return meant == null ? "" : "did you mean '" + meant + "'? ";
    }

    private boolean existsIn(String pkg, String simpleName) {
        try {
            Class.forName(pkg + "." + simpleName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** One pass over the text, outside comments and strings. */
    private final class Scan {
        private final String s;
        private final DrlFile file;
        private final String origin;
        private final Set<String> simpleNames;
        private final Set<String> wildcardPackages;
        private final List<RuleProblem> problems;

        Scan(DrlFile file, String origin, Set<String> simpleNames, Set<String> wildcardPackages, List<RuleProblem> problems) {
            this.s = file.source().content();
            this.file = file;
            this.origin = origin;
            this.simpleNames = simpleNames;
            this.wildcardPackages = wildcardPackages;
            this.problems = problems;
        }

        void run() {
            int i = 0;
            char prev = ' ';
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    int end = skipTo(i, "\n");
                    unicodeEscape(i, end);
                    i = end;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int end = skipTo(i + 2, "*/") + 1;
                    unicodeEscape(i, end);
                    i = end;
                } else if (c == '\\') {
                    unicodeEscape(i, i + 2);
                    i++;
                } else if (c == '"' || c == '\'') {
                    i = skipString(i, c);
                    prev = c;
                } else if (Character.isDigit(c)) {
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                        i++;
                    }
                    prev = '0';
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    List<String> segments = new ArrayList<>();
                    while (true) {
                        int segStart = i;
                        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                            i++;
                        }
                        segments.add(s.substring(segStart, i));
                        int j = i;
                        while (j < s.length() && s.charAt(j) == ' ') {
                            j++;
                        }
                        if (j + 1 < s.length() && s.charAt(j) == '.' && Character.isJavaIdentifierStart(s.charAt(j + 1))) {
                            i = j + 1;
                        } else {
                            break;
                        }
                    }
                    if ((segments.get(0).equals("import") || segments.get(0).equals("package")) && prev != '.') {
                        i = skipTo(i, "\n");
                    } else {
                        chain(start, segments, prev, i);
                    }
                    prev = 'a';
                } else {
                    if (!Character.isWhitespace(c)) {
                        prev = c;
                    }
                    i++;
                }
            }
        }

        private void chain(int start, List<String> seg, char prev, int end) {
            if (prev == '@') {
                return;
            }
            int from = 0;
            String first = seg.get(0);
            if (prev != '.') {
                if (first.equals("drools") || first.equals("kcontext")) {
                    if (seg.size() < 2 || !DROOLS_MEMBERS.contains(seg.get(1))) {
                        report(start, first + (seg.size() > 1 ? "." + seg.get(1) : "")
                                + " is not allowed in author DRL; only drools.getRule() and drools.getMatch() are");
                    }
                    return;
                }
                if (first.equals("while") || (first.equals("do") && next(end) == '{')) {
                    report(start, "loops ('" + first + "') are not allowed in author DRL: a consequence must finish");
                    return;
                }
                if (first.equals("for") && forHeaderHasSemicolon(end)) {
                    report(start, "counting loops ('for (;;)') are not allowed in author DRL; a for-each over a collection is");
                    return;
                }
                if (PACKAGE_ROOTS.contains(first) && seg.size() > 1) {
                    int k = 1;
                    while (k < seg.size() && !Character.isUpperCase(seg.get(k).charAt(0))) {
                        k++;
                    }
                    String fqn = String.join(".", seg.subList(0, Math.min(k + 1, seg.size())));
                    if (k == seg.size() || !allowedClass(fqn)) {
                        report(start, "'" + fqn + "' is not allowed in author DRL (only the fact model and value types"
                                + " such as java.util.List; no files, network, processes, threads or reflection)");
                        return;
                    }
                    from = k + 1;
                } else if (Character.isUpperCase(first.charAt(0))) {
                    if (!simpleNames.contains(first) && wildcardPackages.stream().noneMatch(p -> existsIn(p, first))) {
                        report(start, "type " + first + " is not on the allow-list of author DRL (" + nearestType(first, simpleNames)
                                + "import it from the fact model, or use a value type such as String, Math, java.util.List)");
                        return;
                    }
                    from = 1;
                } else {
                    from = 1;
                }
            }
            for (int k = from; k < seg.size(); k++) {
                if (FORBIDDEN_MEMBERS.contains(seg.get(k))) {
                    report(start, "'" + seg.get(k) + "' is not allowed in author DRL (reflection or engine internals)");
                    return;
                }
            }
        }

        /**
         * A Unicode escape outside a string literal: the Java compiler decodes it before it sees comments, so
         * {@code // \u000a code} runs while a reader sees a comment, and {@code \u006aava} hides a name.
         */
        private void unicodeEscape(int from, int to) {
            int at = s.substring(from, Math.min(to, s.length())).indexOf("\\u");
            if (at >= 0) {
                report(from + at, "a Unicode escape (\\u...) outside a string literal is not allowed in author DRL: the Java"
                        + " compiler decodes it before comments, so it can hide code or names from a reader");
            }
        }

        private char next(int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i < s.length() ? s.charAt(i) : ' ';
        }

        private boolean forHeaderHasSemicolon(int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '(') {
                return false;
            }
            int depth = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return false;
                } else if (c == ';' && depth == 1) {
                    return true;
                }
            }
            return false;
        }

        private int skipTo(int i, String end) {
            int j = s.indexOf(end, i);
            return j < 0 ? s.length() : j + 1;
        }

        private int skipString(int i, char quote) {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != quote && s.charAt(j) != '\n') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }

        private void report(int offset, String message) {
            int[] pos = file.position(offset);
            problems.add(RuleProblem.error(origin, pos[0], pos[1], message));
        }
    }
}

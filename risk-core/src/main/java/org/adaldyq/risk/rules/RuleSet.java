package org.adaldyq.risk.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import org.adaldyq.risk.rules.fact.Threshold;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable set of rules (a Drools {@link KieBase}) with each rule's metadata. Thread-safe:
 * every scan opens its own session.
 */
public final class RuleSet {
    private final KieBase kieBase;
    private final String description;
    private final Map<String, Map<String, Object>> metadata;
    private final Set<String> disabled;
    private final List<Threshold> thresholds;
    /** The object types the rules match in working memory, read from the compiled network; null when unknown. */
    private final List<ObjectType> workingMemoryTypes;
    private final ClassValue<Boolean> matched = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return workingMemoryTypes == null || workingMemoryTypes.stream().anyMatch(t -> t.isAssignableFrom(type));
        }
    };

    private RuleSet(KieBase kieBase, String description) {
        this.kieBase = kieBase;
        this.description = description;
        Map<String, Map<String, Object>> meta = new HashMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                meta.put(rule.getName(), Map.copyOf(rule.getMetaData()));
            }
        }
        this.metadata = Map.copyOf(meta);
        this.disabled = Set.of();
        this.thresholds = List.of();
        this.workingMemoryTypes = objectTypes(kieBase);
    }

    /**
     * The object types of the network's type nodes, taken before any session runs (a session inserting an
     * object of another class adds a node for it). Null when the knowledge base is not Drools' own.
     */
    private static List<ObjectType> objectTypes(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return null;
        }
        List<ObjectType> types = new ArrayList<>();
        for (var entryPoint : base.getRete().getEntryPointNodes().values()) {
            types.addAll(entryPoint.getObjectTypeNodes().keySet());
        }
        return List.copyOf(types);
    }

    /**
     * Whether some rule matches objects of this class in working memory. An object no rule matches there
     * (a fact the rules reach only with {@code from}, through another one) need not be inserted: it cannot
     * change which rules fire, and inserting it costs the engine a type node and its propagation.
     */
    public boolean matchesInWorkingMemory(Class<?> type) {
        return matched.get(type);
    }

    private RuleSet(RuleSet base, Set<String> disabled, List<Threshold> thresholds) {
        this.kieBase = base.kieBase;
        this.description = base.description;
        this.metadata = base.metadata;
        this.disabled = Set.copyOf(disabled);
        this.thresholds = List.copyOf(thresholds);
        this.workingMemoryTypes = base.workingMemoryTypes;
    }

    /**
     * The same compiled rules with these rule ids switched off (they never fire; the compiled knowledge
     * base is shared, not copied, so this costs nothing).
     */
    public RuleSet withDisabled(Set<String> ruleIds) {
        return new RuleSet(this, ruleIds, thresholds);
    }

    /** The same rules with these thresholds inserted into every session. */
    public RuleSet withThresholds(List<Threshold> values) {
        return new RuleSet(this, disabled, values);
    }

    /** The rule ids switched off: they never fire. */
    public Set<String> disabled() {
        return disabled;
    }

    /** The thresholds inserted into every session. */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    private static final java.util.concurrent.atomic.AtomicInteger WORKER_NUMBER = new java.util.concurrent.atomic.AtomicInteger();
    /** Runs sessions, so that a watchdog (the caller) can give up on one that does not finish. */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rules-" + WORKER_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final java.util.concurrent.atomic.AtomicInteger ABANDONED = new java.util.concurrent.atomic.AtomicInteger();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleSet.class);

    /**
     * Runs the rules once: a fresh session gets the thresholds and {@code facts}, fires every enabled
     * rule within {@code maxFirings} and {@code maxTime}, and returns the objects in working memory that
     * {@code result} accepts.
     *
     * <p>The session runs on a worker thread watched by the calling one. Firing limits and time are checked
     * before every firing ({@link FiringGuard}); when the time is up the watchdog also halts the session and
     * interrupts the worker. A consequence that never returns (a loop inside one firing, a huge
     * {@code BigInteger.pow}) cannot be stopped safely in the JVM: after a short grace its worker is
     * abandoned (it keeps running, and a core, until it ends or the JVM exits; the count is logged) and
     * the run fails with a {@link RuleLimitException} like any other time-out, so the caller records the
     * input as failed and goes on. Rules from outside the team belong in a child JVM that can be killed
     * ({@code scan --isolate}).
     *
     * @throws RuleLimitException when a limit is reached; it names the rule that fired most, or the one
     *                            whose consequence did not return
     */
    public List<Object> fire(Collection<?> facts, Predicate<Object> result, long maxFirings, Duration maxTime) {
        KieSession session = kieBase.newKieSession();
        FiringGuard guard = new FiringGuard(maxFirings, maxTime);
        boolean abandoned = false;
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) guard);
            for (Threshold t : thresholds) {
                session.insert(t);
            }
            for (Object f : facts) {
                session.insert(f);
            }
            AgendaFilter filter = disabled.isEmpty() ? m -> true : m -> !disabled.contains(m.getRule().getName());
            Thread[] worker = new Thread[1];
            java.util.concurrent.Future<List<Object>> run = WORKERS.submit(() -> {
                worker[0] = Thread.currentThread();
                // The guard halts first; the argument is a backstop one past it.
                session.fireAllRules(filter, (int) Math.min(Integer.MAX_VALUE - 1, maxFirings) + 1);
                guard.check();
                return new ArrayList<>(session.getObjects(result::test));
            });
            long limit = Math.min(maxTime.toNanos(), Long.MAX_VALUE / 4);
            try {
                return await(run, limit);
            } catch (java.util.concurrent.TimeoutException timeUp) {
                // Halted at the next firing, the run ends with the guard's TIME; a consequence that runs on
                // gets a short grace, then its worker is given up.
                guard.timeUp();
                session.halt();
                long grace = Math.min(Math.max(limit / 10, 100_000_000L), 2_000_000_000L);
                try {
                    return await(run, grace);
                } catch (java.util.concurrent.TimeoutException stuck) {
                    abandoned = true;
                    if (worker[0] != null) {
                        worker[0].interrupt();
                    }
                    int n = ABANDONED.incrementAndGet();
                    LOG.warn("rule \"{}\" did not return within the time limit: its thread is abandoned ({} so far in this JVM)",
                            guard.current(), n);
                    throw guard.stuck();
                }
            }
        } finally {
            if (!abandoned) {
                session.dispose();
            }
        }
    }

    /** The worker's result within {@code nanos}, its exceptions and errors thrown as they are. */
    private static List<Object> await(java.util.concurrent.Future<List<Object>> run, long nanos)
            throws java.util.concurrent.TimeoutException {
        try {
            return run.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel(true);
            throw new IllegalStateException("interrupted while the rules ran", e);
        }
    }

    /** How many rule workers this JVM has given up on (a consequence that never returned). */
    public static int abandonedWorkers() {
        return ABANDONED.get();
    }

    /**
     * The rules compiled at build time and packaged on the class path under the kbase {@code name}
     * (see {@code risk-rules/src/main/resources/META-INF/kmodule.xml}).
     */
    public static RuleSet fromClasspath(ClassLoader loader, String name) {
        KieContainer container = KieServices.get().getKieClasspathContainer(loader);
        KieBase base = container.getKieBase(name);
        return new RuleSet(base, "class path kbase '" + name + "'");
    }

    /** The risk-rules kjar's index of its executable-model classes (written by the kie-maven-plugin). */
    public static final String RISK_RULES_MODEL_INDEX = "META-INF/kie/org.adaldyq/risk-rules/drools-model";

    /**
     * The rules of one package precompiled by the kie-maven-plugin into an executable model, built straight
     * from the model classes that the kjar lists in {@code modelIndex} ({@code
     * META-INF/kie/<groupId>/<artifactId>/drools-model}). This skips the {@code KieContainer}: no class-path
     * scan for {@code kmodule.xml}, no XStream parsing of it, and none of the other kbases of the same kjar
     * built along — over a second of a command-line start. The kbase gets default options, so a kmodule
     * that configures its kbase must go through {@link #fromClasspath}.
     *
     * @return empty when the index is not on the class path (a kjar built without the executable model)
     */
    public static Optional<RuleSet> fromExecutableModel(ClassLoader loader, String modelIndex, String packageName) {
        return models(loader, modelIndex, packageName).map(models -> new RuleSet(KieBaseBuilder.createKieBaseFromModel(models),
                "executable model of package " + packageName));
    }

    /** A rule by its package and name (its id). */
    public record RuleId(String packageName, String name) {
    }

    /**
     * The rules precompiled into an executable model (as {@link #fromExecutableModel}), {@code left} left out, and
     * the rules of {@code added} (compiled on their own) joined to them: what compiling both sets of DRL together
     * would give, without compiling the first again. Author rules are compiled this way onto the precompiled
     * pack, seconds faster than the whole pack from source.
     *
     * @return empty when the index is not on the class path or lists no model of the package
     */
    public static Optional<RuleSet> joinedToExecutableModel(ClassLoader loader, String modelIndex, String packageName,
            RuleSet added, Set<RuleId> left) {
        return models(loader, modelIndex, packageName).map(models -> {
            org.drools.kiesession.rulebase.InternalKnowledgeBase base = KieBaseBuilder.createKieBaseFromModel(models);
            for (RuleId id : left) {
                if (base.getRule(id.packageName(), id.name()) != null) {
                    base.removeRule(id.packageName(), id.name());
                }
            }
            base.addPackages(added.kieBase.getKiePackages());
            return new RuleSet(base, "executable model of package " + packageName + " joined by " + added.description);
        });
    }

    /** The executable models of one package that the kjar lists in {@code modelIndex}; empty when there are none. */
    private static Optional<List<Model>> models(ClassLoader loader, String modelIndex, String packageName) {
        List<Model> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(modelIndex)) {
            if (in == null) {
                return Optional.empty();
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String className = line.strip();
                if (className.startsWith(packageName + ".") && className.indexOf('.', packageName.length() + 1) < 0) {
                    models.add((Model) Class.forName(className, true, loader).getConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelIndex, e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("executable model listed in " + modelIndex + " cannot be loaded", e);
        }
        return models.isEmpty() ? Optional.empty() : Optional.of(models);
    }

    /** Compiles DRL sources at run time (classic DRL); problems are reported with file, line and column. */
    public static RuleSet compile(List<DrlSource> sources) {
        return compile(sources, false);
    }

    /**
     * Compiles DRL sources at run time; problems are reported with file, line and column.
     *
     * @param executableModel compile into an executable model, as the kie-maven-plugin does at build time
     *                        (slower to compile, but resolves expressions exactly as the precompiled rules do)
     */
    public static RuleSet compile(List<DrlSource> sources, boolean executableModel) {
        return compile(sources, executableModel, null);
    }

    /**
     * What must hold of the classes compiled from the rules before any of them is loaded: the problems it
     * returns stop the compilation ({@link RuleBytecodeVerifier} for author rules).
     */
    @FunctionalInterface
    public interface ClassCheck {
        /** Problems found in {@code classes} (internal name with {@code .class} → bytes). */
        List<RuleProblem> check(Map<String, byte[]> classes);
    }

    /**
     * Compiles DRL sources at run time, as {@link #compile(List, boolean)}, and hands the compiled classes to
     * {@code check} before a knowledge base is made of them (so before any generated class is loaded).
     *
     * @param check null for none; with the classic compiler only consequences, functions and {@code eval}s
     *              are classes (constraints are MVEL), so verified rules use the executable model
     */
    public static RuleSet compile(List<DrlSource> sources, boolean executableModel, ClassCheck check) {
        KieServices ks = KieServices.get();
        KieBuilder builder = build(ks, sources, executableModel);
        if (check != null) {
            org.drools.compiler.kie.builder.impl.InternalKieModule module =
                    (org.drools.compiler.kie.builder.impl.InternalKieModule) builder.getKieModule();
            Map<String, byte[]> classes = new java.util.TreeMap<>();
            for (String name : module.getFileNames()) {
                if (name.endsWith(".class")) {
                    classes.put(name, module.getBytes(name));
                }
            }
            List<RuleProblem> refused = check.check(classes);
            if (!refused.isEmpty()) {
                throw new RuleCompilationException(refused);
            }
        }
        KieContainer container = ks.newKieContainer(builder.getKieModule().getReleaseId());
        return new RuleSet(container.getKieBase(), sources.size() + " DRL file(s) compiled at run time");
    }

    /**
     * Compiles DRL sources with the classic DRL compiler only to report their errors; nothing is made of
     * the result.
     *
     * @throws RuleCompilationException with every error, each with file, line and column
     */
    public static void checkWithClassicCompiler(List<DrlSource> sources) {
        build(KieServices.get(), sources, false);
    }

    private static KieBuilder build(KieServices ks, List<DrlSource> sources, boolean executableModel) {
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, String> originByPath = new HashMap<>();
        Map<String, String> contentByPath = new HashMap<>();
        for (DrlSource s : sources) {
            // Drools wants a DRL file in the folder of its package; authors need not care.
            // Unique per source: an author copy of a built-in file has the same name and package.
            String path = packageFolder(s.content()) + (originByPath.size() + 1) + "_" + s.resourcePath().substring(s.resourcePath().lastIndexOf('/') + 1);
            originByPath.put(path, s.origin());
            contentByPath.put(path, s.content());
            kfs.write("src/main/resources/" + path, ks.getResources().newByteArrayResource(
                    s.content().getBytes(StandardCharsets.UTF_8)).setSourcePath(path));
        }
        KieBuilder builder = executableModel
                ? ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class)
                : ks.newKieBuilder(kfs).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        // The executable model reports errors in the Java it generates (a checked exception in a rule, say)
        // against that Java file, quoting its whole source once: name the rule and its DRL file instead.
        Map<String, String> ruleOfGenerated = new HashMap<>();
        for (Message m : builder.getResults().getMessages()) {
            java.util.regex.Matcher rule = GENERATED_RULE.matcher(m.getText());
            if (m.getPath() != null && m.getPath().startsWith("src/main/java/") && rule.find()) {
                ruleOfGenerated.putIfAbsent(m.getPath(), rule.group(1).strip());
            }
        }
        for (Message m : builder.getResults().getMessages()) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            if (m.getPath() != null && m.getPath().startsWith("src/main/java/")) {
                if (!m.getText().startsWith("Java source of")) {
                    problems.add(generatedJavaProblem(m, ruleOfGenerated.get(m.getPath()), originByPath, contentByPath));
                }
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "");
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            if (column == 0 && contentByPath.containsKey(path)) {
                // no position, or a line without a column: where the expression the message quotes stands
                int[] at = locate(contentByPath.get(path), m.getText());
                if (line == 0 || at[0] == line) {
                    line = at[0];
                    column = at[1];
                }
            }
            String text = m.getText().strip();
            // Drools names the getter it could not find; say which fields the type has instead
            String content = contentByPath.get(path);
            Optional<String> hint = NearestName.forUnknownField(text, RuleSet.class.getClassLoader());
            if (hint.isEmpty() && content != null && line > 0) {
                hint = NearestName.forFieldInPattern(text, content, offset(content, line, column), RuleSet.class.getClassLoader());
            }
            text = hint.map(h -> h + "\n" + m.getText().strip()).orElse(text);
            problems.add(new RuleProblem(originByPath.getOrDefault(path, path), line, column, text,
                    m.getLevel() == Message.Level.ERROR));
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            throw new RuleCompilationException(problems);
        }
        return builder;
    }

    /** The offset of a 1-based line and column in {@code content} (column 0: the line's start). */
    private static int offset(String content, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = content.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        return Math.min(content.length(), at + Math.max(column - 1, 0));
    }

    /** The comment the executable model writes above each rule's method in the Java it generates. */
    private static final java.util.regex.Pattern GENERATED_RULE = java.util.regex.Pattern.compile("\\* Rule name: (.+)");

    /** An error in generated Java, put on the DRL rule it was generated from (or on no line when unknown). */
    private static RuleProblem generatedJavaProblem(Message m, String rule, Map<String, String> originByPath,
            Map<String, String> contentByPath) {
        String text = m.getText().strip().lines().findFirst().orElse("");
        if (rule != null) {
            String declaration = "rule \"" + rule + "\"";
            for (var e : contentByPath.entrySet()) {
                int at = e.getValue().indexOf(declaration);
                if (at >= 0) {
                    int line = (int) e.getValue().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                    return RuleProblem.error(originByPath.get(e.getKey()), line, 1, "rule \"" + rule + "\": " + text);
                }
            }
        }
        String files = String.join(", ", new java.util.TreeSet<>(originByPath.values()));
        return RuleProblem.error(files, 0, 0, (rule == null ? "" : "rule \"" + rule + "\": ") + text);
    }

    /** Messages quote the expression they refuse. */
    private static final java.util.regex.Pattern QUOTED_EXPRESSION =
            java.util.regex.Pattern.compile("(?i)expression:?\\s+(.+?)\\s*(?::|$)", java.util.regex.Pattern.MULTILINE);

    /**
     * Where in a file the expression quoted by a message stands, as {line, column} (1-based), or {0, 0}.
     * The executable-model compiler reports some errors without a position.
     */
    static int[] locate(String content, String message) {
        java.util.regex.Matcher m = QUOTED_EXPRESSION.matcher(message);
        while (m.find()) {
            String expr = m.group(1).strip();
            int at = expr.length() < 3 ? -1 : content.indexOf(expr);
            if (at >= 0) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < at; i++) {
                    if (content.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                return new int[] {line, at - lineStart + 1};
            }
        }
        return new int[] {0, 0};
    }

    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private static String packageFolder(String drl) {
        java.util.regex.Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /** Metadata ({@code @code("...")}, {@code @severity("...")}, ...) of a rule, by rule name. */
    public Map<String, Object> metadata(String ruleName) {
        return metadata.getOrDefault(ruleName, Map.of());
    }

    /** Names (ids) of all compiled rules, disabled ones included. */
    public Set<String> ruleNames() {
        return metadata.keySet();
    }

    @Override
    public String toString() {
        return "RuleSet[" + description + ", " + metadata.size() + " rules"
                + (disabled.isEmpty() ? "" : ", " + disabled.size() + " disabled") + "]";
    }

    /**
     * One DRL file: where it came from (for messages), its path inside the rule package tree (for
     * Drools) and its text.
     */
    public record DrlSource(String origin, String resourcePath, String content) {
    }
}

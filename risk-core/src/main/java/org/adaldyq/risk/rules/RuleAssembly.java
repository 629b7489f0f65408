package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.rules.fact.Threshold;

/**
 * Merges rule layers (built-in pack first, then author folders in the order given) into one rule set:
 * <ul>
 *   <li>a rule whose id (name) is new is <b>added</b>;</li>
 *   <li>a rule whose id an earlier layer defines <b>overrides</b> it (the earlier one is left out);</li>
 *   <li>an id listed in a layer's {@code disabled.txt} is <b>disabled</b> (compiled, never fires);</li>
 *   <li>{@code thresholds.csv} values override earlier ones key by key.</li>
 * </ul>
 * Every file is parsed and checked on the way (syntax, allow-list, metadata convention, duplicate ids,
 * references to unknown lexicon concepts and thresholds); compiling is left to {@link RuleSet#compile}.
 */
public final class RuleAssembly {
    private static final Pattern CONCEPT_EQ = Pattern.compile("\\bconcept\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern CONCEPT_IN = Pattern.compile("\\bconcept\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern THRESHOLD_REF = Pattern.compile("\\bThreshold\\s*\\(\\s*key\\s*==\\s*\"([^\"]*)\"");
    /** A rule reading a signal's own threshold key ({@code Threshold(key == $s.acceptKey, ...)}): reads the key of every factor. */
    private static final Pattern SIGNAL_KEY_REF = Pattern.compile("\\bThreshold\\s*\\(\\s*key\\s*==\\s*\\$\\w+\\s*\\.\\s*(accept|veto)Key\\b");
    /** Threshold keys of the trained signal: {@code <FACTOR>.signal.accept}, {@code <FACTOR>.signal.veto}. */
    private static final Pattern SIGNAL_KEY = Pattern.compile("([A-Z][A-Z0-9_]*)\\.signal\\.(accept|veto)");

    private final List<RuleSet.DrlSource> sources;
    private final boolean authorDrl;
    private final Set<String> disabled;
    private final List<Threshold> thresholds;
    private final List<RuleProblem> problems;
    private final Map<String, String> ruleOrigins;
    private final Map<String, RuleBytecodeVerifier.Span> ruleSpans;
    private final Map<String, RuleBytecodeVerifier.Span> functionSpans;
    private final int builtInRules;
    private final int added;
    private final int overridden;
    private final Set<RuleSet.RuleId> builtInOverridden;
    private final boolean builtInDefinitions;

    private RuleAssembly(List<RuleSet.DrlSource> sources, boolean authorDrl, Set<String> disabled, List<Threshold> thresholds,
            List<RuleProblem> problems, Map<String, String> ruleOrigins, Map<String, RuleBytecodeVerifier.Span> ruleSpans,
            Map<String, RuleBytecodeVerifier.Span> functionSpans, int builtInRules, int added, int overridden,
            Set<RuleSet.RuleId> builtInOverridden, boolean builtInDefinitions) {
        this.builtInOverridden = Set.copyOf(builtInOverridden);
        this.builtInDefinitions = builtInDefinitions;
        this.sources = List.copyOf(sources);
        this.authorDrl = authorDrl;
        this.disabled = Set.copyOf(disabled);
        this.thresholds = List.copyOf(thresholds);
        this.problems = List.copyOf(problems);
        this.ruleOrigins = Map.copyOf(ruleOrigins);
        this.ruleSpans = Map.copyOf(ruleSpans);
        this.functionSpans = Map.copyOf(functionSpans);
        this.builtInRules = builtInRules;
        this.added = added;
        this.overridden = overridden;
    }

    /**
     * Merges and checks {@code layers}.
     *
     * @param codes    the factor or flag codes rules may declare
     * @param concepts lexicon concepts rules may test ({@code concept == "X"}), or null not to check
     */
    public static RuleAssembly assemble(List<RuleLayer> layers, RuleConvention convention, DrlAllowList allowList,
            Set<String> codes, Set<String> concepts) {
        List<RuleProblem> problems = new ArrayList<>();
        record Defined(int layer, DrlFile file, DrlFile.RuleEntry rule) {
        }
        Map<String, Defined> byId = new LinkedHashMap<>();
        Map<DrlFile, Set<String>> blanked = new HashMap<>();
        List<List<DrlFile>> parsed = new ArrayList<>();
        int builtIn = 0;
        int added = 0;
        int overridden = 0;
        Set<RuleSet.RuleId> builtInOverridden = new HashSet<>();
        boolean builtInDefinitions = false;
        boolean authorDrl = false;
        for (int li = 0; li < layers.size(); li++) {
            RuleLayer layer = layers.get(li);
            List<DrlFile> files = new ArrayList<>();
            Map<String, Defined> inLayer = new HashMap<>();
            for (RuleSet.DrlSource src : layer.drl()) {
                DrlFile f = DrlFile.parse(src);
                files.add(f);
                authorDrl |= !layer.builtIn();
                problems.addAll(f.problems());
                builtInDefinitions |= layer.builtIn() && definesShared(f);
                problems.addAll(allowList.check(f));
                problems.addAll(convention.check(f, codes));
                for (DrlFile.RuleEntry r : f.rules()) {
                    Defined d = new Defined(li, f, r);
                    Defined twin = inLayer.put(r.id(), d);
                    if (twin != null) {
                        problems.add(RuleProblem.error(src.origin(), r.line(), r.column(), "duplicate rule id \"" + r.id()
                                + "\" (also at " + twin.file().source().origin() + ":" + twin.rule().line() + ")"));
                        continue;
                    }
                    Defined earlier = byId.put(r.id(), d);
                    if (earlier != null) {
                        blanked.computeIfAbsent(earlier.file(), k -> new HashSet<>()).add(r.id());
                        overridden++;
                        if (layers.get(earlier.layer()).builtIn()) {
                            builtInOverridden.add(new RuleSet.RuleId(earlier.file().packageName(), r.id()));
                        }
                    } else if (layer.builtIn()) {
                        builtIn++;
                    } else {
                        added++;
                    }
                }
            }
            parsed.add(files);
        }

        // Thresholds: later layers win, key by key.
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        for (RuleLayer layer : layers) {
            layer.thresholds().ifPresent(t -> {
                for (Threshold th : ThresholdTable.parse(t.origin(), t.lines(), problems)) {
                    thresholds.put(th.getKey(), th);
                }
            });
        }

        // Disabled ids must name a rule, or a typo silently keeps the rule on.
        Set<String> disabled = new LinkedHashSet<>();
        for (RuleLayer layer : layers) {
            layer.disabled().ifPresent(d -> {
                List<String> lines = d.lines();
                for (int i = 0; i < lines.size(); i++) {
                    String raw = lines.get(i);
                    int hash = raw.indexOf('#');
                    String id = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
                    if (id.isEmpty()) {
                        continue;
                    }
                    if (!byId.containsKey(id)) {
                        String meant = NearestName.onlyClosest(id, new java.util.TreeSet<>(byId.keySet()));
                        problems.add(RuleProblem.error(d.origin(), i + 1, raw.indexOf(id) + 1, "disabled rule \"" + id
                                + "\" does not exist (" + (meant == null ? "" : "did you mean \"" + meant + "\"? ")
                                + "rule ids are DRL rule names, e.g. \"" + convention.example() + "\")"));
                    } else {
                        disabled.add(id);
                    }
                }
            });
        }

        // The merged sources, and what they refer to.
        List<RuleSet.DrlSource> sources = new ArrayList<>();
        Set<String> thresholdUse = new HashSet<>();
        for (List<DrlFile> files : parsed) {
            for (DrlFile f : files) {
                Set<String> gone = blanked.getOrDefault(f, Set.of());
                String text = gone.isEmpty() ? f.source().content() : f.without(gone);
                sources.add(new RuleSet.DrlSource(f.source().origin(), f.source().resourcePath(), text));
                references(f, text, concepts, thresholds.keySet(), thresholdUse, problems);
            }
        }
        for (Threshold t : thresholds.values()) {
            Matcher sk = SIGNAL_KEY.matcher(t.getKey());
            if (sk.matches()) {
                String[] at = t.getOrigin().split(":(?=\\d+$)");
                int line = at.length > 1 ? Integer.parseInt(at[1]) : 0;
                if (!codes.contains(sk.group(1))) {
                    problems.add(RuleProblem.error(at[0], line, 1, "threshold " + t.getKey() + ": unknown factor code "
                            + sk.group(1)));
                }
                if (t.getValue() < 0 || t.getValue() > 1.01) {
                    problems.add(RuleProblem.error(at[0], line, 1, "threshold " + t.getKey() + " = " + t.getValue()
                            + ": a signal threshold is a score from 0 to 1 (above 1: never accept)"));
                }
                if (thresholdUse.contains("*.signal." + sk.group(2))) {
                    continue;
                }
            }
            if (!thresholdUse.contains(t.getKey())) {
                String[] at = t.getOrigin().split(":(?=\\d+$)");
                problems.add(RuleProblem.warning(at[0], at.length > 1 ? Integer.parseInt(at[1]) : 0, 1,
                        "threshold " + t.getKey() + " is read by no rule"));
            }
        }
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, RuleBytecodeVerifier.Span> ruleSpans = new HashMap<>();
        byId.forEach((id, d) -> {
            origins.put(id, d.file().source().origin() + ":" + d.rule().line());
            ruleSpans.put(id, new RuleBytecodeVerifier.Span(d.file().source().origin(), d.file().source().content(),
                    d.rule().startChar(), d.rule().endChar(), d.rule().line()));
        });
        Map<String, RuleBytecodeVerifier.Span> functionSpans = new HashMap<>();
        for (List<DrlFile> files : parsed) {
            for (DrlFile f : files) {
                if (f.descr() != null) {
                    for (org.drools.drl.ast.descr.FunctionDescr fn : f.descr().getFunctions()) {
                        functionSpans.put(f.packageName() + "." + fn.getName(), new RuleBytecodeVerifier.Span(
                                f.source().origin(), f.source().content(), fn.getStartCharacter(), fn.getEndCharacter(),
                                Math.max(fn.getLine(), 0)));
                    }
                }
            }
        }
        return new RuleAssembly(sources, authorDrl, disabled, new ArrayList<>(thresholds.values()), problems, origins,
                ruleSpans, functionSpans, builtIn, added, overridden, builtInOverridden, builtInDefinitions);
    }

    /** Whether a file defines what other files' rules can use: functions, types, globals, queries. */
    private static boolean definesShared(DrlFile f) {
        var d = f.descr();
        return d != null && (!d.getFunctions().isEmpty() || !d.getTypeDeclarations().isEmpty()
                || !d.getEnumDeclarations().isEmpty() || !d.getGlobals().isEmpty()
                || d.getRules().stream().anyMatch(r -> r instanceof org.drools.drl.ast.descr.QueryDescr));
    }

    private static void references(DrlFile f, String text, Set<String> concepts, Set<String> thresholdKeys,
            Set<String> thresholdUse, List<RuleProblem> problems) {
        String code = stripComments(text);
        if (concepts != null) {
            Matcher eq = CONCEPT_EQ.matcher(code);
            while (eq.find()) {
                unknownConcept(f, eq.group(1), eq.start(1), concepts, problems);
            }
            Matcher in = CONCEPT_IN.matcher(code);
            while (in.find()) {
                Matcher q = QUOTED.matcher(in.group(1));
                while (q.find()) {
                    unknownConcept(f, q.group(1), in.start(1) + q.start(1), concepts, problems);
                }
            }
        }
        Matcher sr = SIGNAL_KEY_REF.matcher(code);
        while (sr.find()) {
            thresholdUse.add("*.signal." + sr.group(1));
        }
        Matcher th = THRESHOLD_REF.matcher(code);
        while (th.find()) {
            thresholdUse.add(th.group(1));
            if (!thresholdKeys.contains(th.group(1))) {
                int[] pos = f.position(th.start(1));
                String meant = NearestName.closest(th.group(1), new java.util.TreeSet<>(thresholdKeys));
                problems.add(RuleProblem.error(f.source().origin(), pos[0], pos[1], "threshold \"" + th.group(1)
                        + "\" is not set in any thresholds.csv: the rule could never fire"
                        + (meant == null ? "" : "; did you mean \"" + meant + "\"?")));
            }
        }
    }

    private static void unknownConcept(DrlFile f, String concept, int offset, Set<String> concepts, List<RuleProblem> problems) {
        if (!concepts.contains(concept)) {
            int[] pos = f.position(offset);
            String meant = NearestName.closest(concept, new java.util.TreeSet<>(concepts));
            problems.add(RuleProblem.error(f.source().origin(), pos[0], pos[1], "unknown lexicon concept \"" + concept
                    + "\" (no lexicon/<lang>/" + concept + ".txt): the condition can never match"
                    + (meant == null ? "" : "; did you mean \"" + meant + "\"?")));
        }
    }

    /** The text with comments replaced by spaces (offsets kept), strings untouched. */
    static String stripComments(String s) {
        StringBuilder sb = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '/' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) {
                String end = s.charAt(i + 1) == '/' ? "\n" : "*/";
                int j = s.indexOf(end, i + 2);
                j = j < 0 ? s.length() : j + (end.equals("*/") ? 2 : 0);
                for (int k = i; k < j; k++) {
                    if (sb.charAt(k) != '\n') {
                        sb.setCharAt(k, ' ');
                    }
                }
                i = j;
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    /** The DRL to compile: every layer's files, overridden rules blanked out. */
    public List<RuleSet.DrlSource> sources() {
        return sources;
    }

    /** The built-in rules an author layer replaces (left out of the built-in sources). */
    public Set<RuleSet.RuleId> builtInOverridden() {
        return builtInOverridden;
    }

    /**
     * Whether the built-in DRL defines functions, types, globals or queries that author rules could use: then
     * the author files cannot be compiled without it.
     */
    public boolean builtInDefinesShared() {
        return builtInDefinitions;
    }

    /** The DRL of the author layers alone, their overridden rules blanked out: what must be compiled at run time. */
    public List<RuleSet.DrlSource> authorSources() {
        return sources.stream().filter(d -> !d.origin().startsWith(RuleLayer.CLASSPATH_ORIGIN)).toList();
    }

    /** Whether any author layer holds DRL (then the rules must be compiled at run time). */
    public boolean hasAuthorDrl() {
        return authorDrl;
    }

    /** The rule ids switched off by the layers' {@code disabled.txt}. */
    public Set<String> disabled() {
        return disabled;
    }

    /** The thresholds in force, later layers' values replacing earlier ones. */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    /** The problems found while merging the layers. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** True when a problem is an error; then the merged rules must not be used. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(RuleProblem::error);
    }

    /** {@code file:line} of the definition in force of each rule id. */
    public Map<String, String> ruleOrigins() {
        return ruleOrigins;
    }

    /** Where each rule in force is written, by rule id: for the compiled-code check's messages. */
    public Map<String, RuleBytecodeVerifier.Span> ruleSpans() {
        return ruleSpans;
    }

    /** Where each DRL function is written, by {@code package.name}. */
    public Map<String, RuleBytecodeVerifier.Span> functionSpans() {
        return functionSpans;
    }

    /** One line for logs and {@code rules check}: how many rules came from where. */
    public String summary() {
        return ruleOrigins.size() + " rules (" + builtInRules + " built-in, " + added + " added, " + overridden
                + " overridden, " + disabled.size() + " disabled), " + thresholds.size() + " thresholds";
    }
}

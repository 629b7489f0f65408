package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks what rules compiled from DRL can reach, in the compiled classes themselves, where no spelling
 * trick (a space or comment between name segments, a Unicode escape, code hidden in a comment by
 * {@code \u000a}) can hide a call: every class, method and field that a generated class references must be
 * on the allow-list ({@code author-bytecode.allow}: the fact model, {@code java.lang} value types and
 * {@code Math}, collections, {@code java.time}, {@code java.util.regex}, and the parts of Drools the
 * executable model needs for the built-in packs), or be a class generated from the same rules. No
 * reflection, class loading, {@code System}, {@code Runtime}, threads, processes, files, network or method
 * handles. Lambdas are followed to the method they call; {@code invokedynamic} other than lambdas and
 * string concatenation is refused.
 *
 * <p>Each refusal names the rule (or DRL function) whose code holds the reference, and the DRL line: the
 * first line of the rule that names the member, else the line the rule starts on (the generated code's own
 * line numbers are those of generated Java, not of the DRL).
 */
public final class RuleBytecodeVerifier {
    /** Where a rule or a function is written: its file, that file's text, and its span in it. */
    public record Span(String origin, String text, int start, int end, int line) {
    }

    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";
    /** Classes Drools generates from the kmodule, not from DRL. */
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    private final BytecodeAllowList allow;

    private RuleBytecodeVerifier(BytecodeAllowList allow) {
        this.allow = allow;
    }

    /** The verifier with the allow-list shipped with the library. */
    public static RuleBytecodeVerifier standard() {
        return new RuleBytecodeVerifier(BytecodeAllowList.standard());
    }

    /** One reference found in a generated class. */
    private record Ref(String what, String owner, String name, String inClass, String inMethod) {
    }

    /** What is read from one class. */
    private static final class Scanned {
        final String name;
        String superName;
        final List<String> interfaces = new ArrayList<>();
        final Set<String> members = new HashSet<>();
        final List<Ref> refs = new ArrayList<>();
        /** For rule-building methods: the rule names a method declares and the generated classes it uses. */
        final Map<String, Set<String>> rulesOfMethod = new HashMap<>();
        final Map<String, Set<String>> classesOfMethod = new HashMap<>();

        Scanned(String name) {
            this.name = name;
        }
    }

    /**
     * The references in {@code classes} (internal name with {@code .class} → bytes, as compiled) that the
     * allow-list refuses, one problem per rule and member.
     *
     * @param rules     where each rule id is written
     * @param functions where each DRL function is written, by {@code package.name}
     */
    public List<RuleProblem> verify(Map<String, byte[]> classes, Map<String, Span> rules, Map<String, Span> functions) {
        Map<String, Scanned> scanned = new TreeMap<>();
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        for (var e : classes.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().startsWith(PROJECT_MODEL)) {
                continue;
            }
            Scanned s;
            try {
                s = scan(e.getValue());
            } catch (RuntimeException unreadable) {
                // what cannot be read cannot be checked: refused
                String origin = rules.values().stream().map(Span::origin).filter(o -> !o.startsWith(RuleLayer.CLASSPATH_ORIGIN)).findFirst()
                        .orElse(e.getKey());
                problems.put(e.getKey(), RuleProblem.error(origin, 0, 0, "the compiled class " + e.getKey()
                        + " cannot be read by the compiled-code check (" + unreadable + "): refused"));
                continue;
            }
            scanned.put(s.name, s);
        }
        // Which rule each generated class serves: the rule-building methods name the rule and the lambdas.
        Map<String, Set<String>> rulesOfClass = new HashMap<>();
        for (Scanned s : scanned.values()) {
            s.rulesOfMethod.forEach((method, names) -> {
                for (String used : s.classesOfMethod.getOrDefault(method, Set.of())) {
                    rulesOfClass.computeIfAbsent(used, k -> new LinkedHashSet<>()).addAll(names);
                }
                rulesOfClass.computeIfAbsent(s.name + "#" + method, k -> new LinkedHashSet<>()).addAll(names);
            });
        }
        for (Scanned s : scanned.values()) {
            if (s.superName != null && !scanned.containsKey(s.superName) && !allow.allowsClass(s.superName)) {
                report(problems, new Ref("extends", s.superName, null, s.name, null), scanned, rulesOfClass, rules, functions);
            }
            for (String i : s.interfaces) {
                if (!scanned.containsKey(i) && !allow.allowsClass(i)) {
                    report(problems, new Ref("implements", i, null, s.name, null), scanned, rulesOfClass, rules, functions);
                }
            }
            for (Ref r : s.refs) {
                if (!allowed(r, scanned)) {
                    report(problems, r, scanned, rulesOfClass, rules, functions);
                }
            }
        }
        return new ArrayList<>(problems.values());
    }

    private boolean allowed(Ref r, Map<String, Scanned> scanned) {
        String owner = r.owner();
        if (owner.startsWith("[")) {
            // an array: clone() and length only; its element type is checked where the array is made
            return r.name() == null || r.name().equals("clone");
        }
        if (r.name() == null) {
            return scanned.containsKey(owner) || allow.allowsClass(owner);
        }
        // A member of a generated class: declared there, or inherited from an allowed superclass.
        Set<String> seen = new HashSet<>();
        while (scanned.containsKey(owner) && seen.add(owner)) {
            Scanned c = scanned.get(owner);
            if (c.members.contains(r.name())) {
                return !allow.deniedEverywhere(r.name());
            }
            owner = c.superName == null ? "java/lang/Object" : c.superName;
        }
        return allow.allowsMember(owner, r.name());
    }

    private void report(Map<String, RuleProblem> problems, Ref r, Map<String, Scanned> scanned,
            Map<String, Set<String>> rulesOfClass, Map<String, Span> rules, Map<String, Span> functions) {
        String target = r.owner().replace('/', '.') + (r.name() == null ? "" : "." + r.name());
        String who;
        Span span = null;
        Set<String> ruleNames = new LinkedHashSet<>(rulesOfClass.getOrDefault(r.inClass(), Set.of()));
        ruleNames.addAll(rulesOfClass.getOrDefault(r.inClass() + "#" + r.inMethod(), Set.of()));
        String function = functionOf(r, scanned, functions);
        if (function != null) {
            who = "function " + function.substring(function.lastIndexOf('.') + 1);
            span = functions.get(function);
        } else if (!ruleNames.isEmpty()) {
            // a lambda shared by several rules: name the one defined by an author, else the first
            String name = ruleNames.stream().filter(n -> rules.containsKey(n) && !rules.get(n).origin().startsWith(RuleLayer.CLASSPATH_ORIGIN))
                    .findFirst().orElse(ruleNames.iterator().next());
            who = "rule \"" + name + "\"";
            span = rules.get(name);
        } else {
            who = "code generated for package " + packageName(r.inClass());
        }
        String key = who + "|" + target;
        if (problems.containsKey(key)) {
            return;
        }
        String origin = span == null ? originOfPackage(r.inClass(), rules) : span.origin();
        int[] at = span == null ? new int[] {0, 0} : locate(span, r.name() != null ? r.name() : simpleName(r.owner()));
        String verb = switch (r.what()) {
            case "call" -> "calls " + target;
            case "field" -> "uses field " + target;
            case "extends" -> "extends " + target;
            case "implements" -> "implements " + target;
            case "indy" -> "uses a dynamic call site bootstrapped by " + target;
            default -> "uses class " + target;
        };
        problems.put(key, RuleProblem.error(origin, at[0], at[1], who + " " + verb + ", which author rules may not use"
                + " (compiled-code check; allowed: the fact model, java.lang value types and Math, String, collections,"
                + " java.time, java.util.regex; no reflection, System, Runtime, threads, processes, files or network)"));
    }

    /** The DRL function whose static method holds the reference, as {@code package.name}, or null. */
    private static String functionOf(Ref r, Map<String, Scanned> scanned, Map<String, Span> functions) {
        if (r.inMethod() == null) {
            return null;
        }
        String key = packageName(r.inClass()) + "." + r.inMethod();
        return functions.containsKey(key) ? key : null;
    }

    private static String originOfPackage(String internalName, Map<String, Span> rules) {
        String pkg = packageName(internalName);
        return rules.values().stream().filter(s -> !s.origin().startsWith(RuleLayer.CLASSPATH_ORIGIN))
                .filter(s -> declaresPackage(s.text(), pkg)).map(Span::origin).findFirst()
                .orElse("(rules of package " + pkg + ")");
    }

    private static boolean declaresPackage(String text, String pkg) {
        return Pattern.compile("(?m)^\\s*package\\s+" + Pattern.quote(pkg) + "\\s*;?\\s*$").matcher(text).find();
    }

    /** Line and column of the first whole-word {@code word} in the span, else the span's first line. */
    static int[] locate(Span span, String word) {
        String text = span.text();
        int end = Math.min(Math.max(span.end() + 1, span.start()), text.length());
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text).region(Math.max(0, span.start()), end);
        if (!m.find()) {
            return new int[] {span.line(), 1};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, m.start() - lineStart + 1};
    }

    private static String packageName(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
        // lambdas live in a sub-package per hash prefix (org/example/P3A/LambdaPredicate3A...)
        return pkg.replaceFirst("\\.P[0-9A-F]{2}$", "");
    }

    private static String simpleName(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    private static Scanned scan(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        if (reader.getClassName() == null) {
            throw new IllegalArgumentException("no class name");
        }
        Scanned s = new Scanned(reader.getClassName());
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                s.superName = superName;
                if (interfaces != null) {
                    s.interfaces.addAll(List.of(interfaces)); // List.of refuses a null name: unreadable
                }
            }

            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                s.members.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
                s.members.add(method);
                return new MethodVisitor(Opcodes.ASM9) {
                    private String lastString;

                    private void ref(String what, String owner, String name) {
                        if (owner == null) {
                            throw new IllegalArgumentException("a reference without an owner in " + s.name + "." + method);
                        }
                        s.refs.add(new Ref(what, owner, name, s.name, method));
                    }

                    private void type(Type t) {
                        while (t.getSort() == Type.ARRAY) {
                            t = t.getElementType();
                        }
                        if (t.getSort() == Type.OBJECT) {
                            ref("class", t.getInternalName(), null);
                        }
                    }

                    private void constant(Object value) {
                        if (value instanceof Type t && t.getSort() == Type.METHOD) {
                            ref("class", "java/lang/invoke/MethodType", null);
                        } else if (value instanceof Type t) {
                            type(t);
                        } else if (value instanceof Handle h) {
                            ref("call", h.getOwner(), h.getName());
                        } else if (value instanceof ConstantDynamic c) {
                            ref("indy", c.getBootstrapMethod().getOwner(), c.getBootstrapMethod().getName());
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        ref("call", owner, name);
                        if (owner.equals(DSL) && name.equals("rule") && lastString != null) {
                            s.rulesOfMethod.computeIfAbsent(method, k -> new LinkedHashSet<>()).add(lastString);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        ref("field", owner, name);
                        s.classesOfMethod.computeIfAbsent(method, k -> new LinkedHashSet<>()).add(owner);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        type(Type.getObjectType(type));
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                        type(Type.getType(descriptor));
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String str) {
                            lastString = str;
                        }
                        constant(value);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
                        ref("indy", bsm.getOwner(), bsm.getName());
                        for (Object a : args) {
                            if (!(a instanceof Type t && t.getSort() == Type.METHOD)) {
                                constant(a); // the method types of a lambda are only its signature
                            }
                        }
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type != null) {
                            ref("class", type, null);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return s;
    }
}

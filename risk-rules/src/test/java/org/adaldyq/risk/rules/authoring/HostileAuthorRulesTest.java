package org.adaldyq.risk.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleBytecodeVerifier;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, part 1: author DRL that tries to reach the file system, a process, the network, a thread, the
 * JVM's exit or reflection, spelled so that a text scan misses it. Each is refused when the folder loads,
 * with file and line (the engine's builder loads the same way and throws), and nothing it asks for happens:
 * the canary file it would write stays absent.
 * The same rules are refused by the compiled-code check alone (the text check bypassed), so the
 * friendlier text check is no longer what keeps them out.
 */
class HostileAuthorRulesTest {

    @TempDir
    Path dir;
    @TempDir
    Path sandbox;

    /** A name, the trick (CANARY is replaced by a file it would create), where it goes, and a word of its line. */
    static Stream<Arguments> tricks() {
        return Stream.of(
                rhs("space after a dot", "java. nio. file. Files.writeString(java. nio. file. Path.of(\"CANARY\"), \"x\");", "writeString"),
                rhs("newline between segments", "java.\n        nio.file.Files.writeString(java.nio.file.Path.of(\"CANARY\"), \"x\");", "writeString"),
                rhs("comment between segments", "java./**/nio./**/file.Files.writeString(java./**/nio.file.Path.of(\"CANARY\"), \"x\");", "writeString"),
                rhs("unicode escape in a name", "\\u006aava.nio.file.Files.writeString(\\u006aava.nio.file.Path.of(\"CANARY\"), \"x\");", "writeString"),
                rhs("code hidden in a comment by \\u000a", "// \\u000a java.lang.System.exit(42);", "exit"),
                rhs("process", "try { new java. lang. ProcessBuilder(\"touch\", \"CANARY\").start(); } catch (Exception e) { }", "ProcessBuilder"),
                rhs("runtime", "try { java. lang. Runtime.getRuntime().exec(new String[] {\"touch\", \"CANARY\"}); } catch (Exception e) { }", "getRuntime"),
                rhs("exit", "java. lang. System.exit(42);", "exit"),
                rhs("thread", "new java. lang. Thread(() -> { }).start();", "Thread"),
                rhs("threads of the common pool", "int[] a = new int[100000]; java.util.Arrays.parallelSort(a);", "parallelSort"),
                rhs("socket", "try { new java. net. Socket(\"127.0.0.1\", 9).close(); } catch (Exception e) { }", "Socket"),
                rhs("reflection", "try { Object m = $t.\\u0067etClass().getMethods(); } catch (Exception e) { }", "getMethods"),
                rhs("method reference", "java.util.function.Supplier<Object> s = java. lang. Runtime::getRuntime; s.get();", "getRuntime"),
                rhs("class loading", "try { java. lang. Class.forName(\"java.io.File\"); } catch (Exception e) { }", "forName"),
                lhs("code in an LHS eval", "eval(java. nio. file. Files.exists(java. nio. file. Path.of(\"/etc/passwd\")))", "exists"),
                lhs("code in an indexed constant", "Trigger(concept == java. nio. file. Files.writeString(java. nio. file. Path.of(\"CANARY\"), \"x\").toString())", "writeString"),
                lhs("code in a constraint", "Trigger(this == $t, java. lang. System.getenv(\"HOME\") != null)", "getenv"),
                function("code in a DRL function", "function String leak() {\n    try { return java. nio. file. Files.readString(java. nio. file. Path.of(\"/etc/passwd\")); }\n"
                        + "    catch (Exception e) { return \"\"; }\n}\n", "readString"));
    }

    static Arguments rhs(String name, String code, String word) {
        return Arguments.of(name, drl("", "", code), word);
    }

    static Arguments lhs(String name, String code, String word) {
        return Arguments.of(name, drl("", code, ""), word);
    }

    static Arguments function(String name, String fn, String word) {
        return Arguments.of(name, drl(fn, "", "String s = leak();"), word);
    }

    static String drl(String functions, String lhs, String rhs) {
        return "package org.example.evil;\n"
                + "import org.adaldyq.risk.regulation.fact.*;\n"
                + functions
                + "rule \"VAGUE_TERMS.evil\"\n"
                + "    @code(\"VAGUE_TERMS\") @severity(\"low\") @title(\"t\") @source(\"s\")\n"
                + "when\n"
                + "    $t : Trigger(concept == \"VAGUE\")\n"
                + "    " + lhs + "\n"
                + "then\n"
                + "    " + rhs + "\n"
                + "end\n";
    }

    /** The 1-based line of the first line holding {@code word}. */
    static int lineOf(String text, String word) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(word)) {
                return i + 1;
            }
        }
        throw new AssertionError(word + " not in the DRL");
    }

    String withCanary(String drl) {
        return drl.replace("CANARY", sandbox.resolve("canary").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricks")
    void refusedAtLoadWithFileAndLine(String name, String drl, String word) throws IOException {
        String text = withCanary(drl);
        Path file = Files.writeString(dir.resolve("evil.drl"), text);
        RegulationRules.Loaded loaded = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        List<String> errors = loaded.problems().stream().filter(RuleProblem::error).map(RuleProblem::toString).toList();
        assertThat(loaded.ok()).isFalse();
        int line = lineOf(text, word);
        assertThat(errors).as(name).anyMatch(e -> e.startsWith(file + ":" + line + ":"));
        assertThat(sandbox.resolve("canary")).doesNotExist();
    }

    /**
     * Inline lists nested forty deep: Drools' parser backtracks over them in time that doubles every level or
     * two (a fuzzer found a file that kept it busy for minutes). The file is refused before it is parsed, with
     * file and line; the time bound only turns a regression into a failure instead of a stuck build.
     */
    @Test
    void listsNestedTooDeeplyAreRefusedBeforeTheParserBacktracksOverThem() throws IOException {
        String text = "package org.example.evil;\n\nrule \"VAGUE_TERMS.deep\"\nwhen\n    $t : Object(this in ("
                + "[".repeat(40) + "1)\nthen\nend\n";
        Path file = Files.writeString(dir.resolve("deep.drl"), text);
        RegulationRules.Loaded loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir), RuleLimits.DEFAULT, false)));
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.problems().stream().filter(RuleProblem::error).map(RuleProblem::toString))
                .anyMatch(e -> e.startsWith(file + ":5:") && e.contains("lists nested too deeply"));
    }

    /** The compiled-code check alone (no text check): it refuses the same rules, naming rule, file and line. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tricks")
    void refusedByTheCompiledCodeCheckAlone(String name, String drl, String word) {
        String text = withCanary(drl);
        String origin = dir.resolve("evil.drl").toString();
        RuleSet.DrlSource source = new RuleSet.DrlSource(origin, "org/example/evil/evil.drl", text);
        Map<String, RuleBytecodeVerifier.Span> rules = Map.of("VAGUE_TERMS.evil",
                new RuleBytecodeVerifier.Span(origin, text, text.indexOf("rule \""), text.length() - 1, lineOf(text, "rule \"")));
        Map<String, RuleBytecodeVerifier.Span> functions = text.contains("function String leak")
                ? Map.of("org.example.evil.leak", new RuleBytecodeVerifier.Span(origin, text, text.indexOf("function"),
                        text.indexOf("rule \""), lineOf(text, "function")))
                : Map.of();
        RuleBytecodeVerifier verifier = RuleBytecodeVerifier.standard();
        assertThatThrownBy(() -> RuleSet.compile(List.of(source), true, classes -> verifier.verify(classes, rules, functions)))
                .as(name).isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).allMatch(p -> p.file().equals(origin));
                    if (!name.contains("\\u000a")) {
                        // (javac's escape is not JavaParser's: that "comment" stays a comment, and nothing runs)
                        assertThat(e.problems()).anyMatch(p -> p.line() > 0 && p.message().contains("VAGUE_TERMS.evil")
                                || p.message().contains("function leak"));
                    }
                });
        assertThat(sandbox.resolve("canary")).doesNotExist();
    }
}

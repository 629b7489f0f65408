package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.drools.drl.parser.DRLFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.drools.drl.parser.lang.DRLLexer;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One DRL file parsed into its structure (Drools' own parser): package, imports, functions, globals and
 * rules with their metadata and positions. Used to check rules before they are compiled and to merge
 * author rules with the built-in ones by id. Positions are 1-based lines and columns.
 */
final class DrlFile {

    /** A rule as written: id (its name), metadata ({@code @code("X")} → code=X), where it is. */
    public record RuleEntry(String id, Map<String, String> metadata, int line, int column, int startChar, int endChar,
            String consequence, int consequenceLine, boolean query) {
    }

    private final RuleSet.DrlSource source;
    private final PackageDescr descr;
    private final List<RuleEntry> rules;
    private final List<RuleProblem> problems;

    private DrlFile(RuleSet.DrlSource source, PackageDescr descr, List<RuleEntry> rules, List<RuleProblem> problems) {
        this.source = source;
        this.descr = descr;
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    /**
     * Inline lists ({@code [}) nested deeper than this are refused before Drools parses them: its parser
     * backtracks over them in time that doubles every one or two levels (18 levels took 0.7 s, 40 would take
     * hours). Rules nest lists two or three deep at most.
     */
    static final int MAX_LIST_NESTING = 10;

    public static DrlFile parse(RuleSet.DrlSource source) {
        DrlParser parser = new DrlParser();
        List<RuleProblem> problems = new ArrayList<>();
        PackageDescr descr = null;
        try {
            // Drools' lexer can itself fail on broken text while reporting it (a NullPointerException in its
            // error message): caught below like any failure of its parser.
            int tooDeep = tooDeepList(source.content());
            if (tooDeep >= 0) {
                int[] at = position(source.content(), tooDeep);
                problems.add(RuleProblem.error(source.origin(), at[0], at[1], "cannot parse: lists nested too deeply"
                        + " (more than " + MAX_LIST_NESTING + " levels of '[')"));
                return new DrlFile(source, null, List.of(), problems);
            }
            descr = parser.parse(false, source.content());
        } catch (DroolsParserException | RuntimeException e) {
            problems.add(RuleProblem.error(source.origin(), 0, 0, "cannot parse: " + e.getMessage()));
        } catch (StackOverflowError e) {
            // the DRL parser recurses once per nesting level: thousands of parentheses exhaust the stack
            problems.add(RuleProblem.error(source.origin(), 0, 0, "cannot parse: expressions nested too deeply"));
            return new DrlFile(source, null, List.of(), problems);
        }
        for (DroolsError e : parser.getErrors()) {
            int line = e instanceof ParserError pe ? pe.getRow() : Math.max(0, first(e.getLines()));
            int col = e instanceof ParserError pe ? pe.getCol() + 1 : 0;
            problems.add(RuleProblem.error(source.origin(), line, col, e.getMessage().strip()));
        }
        List<RuleEntry> rules = new ArrayList<>();
        if (descr != null) {
            for (RuleDescr r : descr.getRules()) {
                Map<String, String> meta = new LinkedHashMap<>();
                for (String name : r.getAnnotationNames()) {
                    AnnotationDescr a = r.getAnnotation(name);
                    Object v = a.getSingleValue();
                    meta.put(name, v == null ? "" : unquote(v.toString()));
                }
                String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
                rules.add(new RuleEntry(r.getName(), meta, r.getLine(), r.getColumn() + 1, r.getStartCharacter(),
                        r.getEndCharacter(), consequence, r.getConsequenceLine(), r.isQuery()));
            }
        }
        return new DrlFile(source, descr, rules, problems);
    }

    /**
     * The offset where an inline list opens beyond {@link #MAX_LIST_NESTING} levels, or -1. The brackets are
     * counted on the tokens of Drools' own DRL lexer (linear, and the parser reads exactly these tokens), so
     * brackets in comments and strings do not count, and whatever the lexer makes of a broken file (a quote
     * never closed, bytes that are no text) is what is counted. A closing bracket never takes the depth below 0.
     */
    static int tooDeepList(String text) {
        DRLLexer lexer = DRLFactory.buildLexer(text, LanguageLevelOption.DRL6);
        int depth = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() == DRL6Lexer.LEFT_SQUARE && ++depth > MAX_LIST_NESTING) {
                return t instanceof CommonToken c ? c.getStartIndex() : 0;
            } else if (t.getType() == DRL6Lexer.RIGHT_SQUARE && depth > 0) {
                depth--;
            }
        }
        return -1;
    }

    private static int first(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\\\"", "\"");
        }
        return t;
    }

    public RuleSet.DrlSource source() {
        return source;
    }

    /** The parsed package, or null when the file could not be parsed at all. */
    public PackageDescr descr() {
        return descr;
    }

    public boolean parsed() {
        return descr != null && problems.isEmpty();
    }

    public String packageName() {
        return descr == null ? "" : descr.getNamespace();
    }

    public List<String> imports() {
        return descr == null ? List.of() : descr.getImports().stream().map(ImportDescr::getTarget).toList();
    }

    public List<RuleEntry> rules() {
        return rules;
    }

    /** Syntax errors found by the parser. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** 1-based line and column of a char offset in the source. */
    int[] position(int offset) {
        return position(source.content(), offset);
    }

    /** {line, column}, 1-based, of an offset of {@code s}. */
    static int[] position(String s, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /**
     * The source with these rules blanked out (replaced by spaces, line breaks kept, so the lines of
     * the other rules do not move): how a built-in rule overridden by an author rule leaves the set.
     */
    String without(java.util.Set<String> ruleIds) {
        StringBuilder sb = new StringBuilder(source.content());
        for (RuleEntry r : rules) {
            if (ruleIds.contains(r.id()) && r.startChar() >= 0 && r.endChar() >= r.startChar()) {
                for (int i = r.startChar(); i <= Math.min(r.endChar(), sb.length() - 1); i++) {
                    if (sb.charAt(i) != '\n' && sb.charAt(i) != '\r') {
                        sb.setCharAt(i, ' ');
                    }
                }
            }
        }
        return sb.toString();
    }
}

package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.finding.Severity;

/**
 * The metadata convention every rule of a pack follows, and its check. A rule:
 * <ul>
 *   <li>is named by its id, unique in the whole rule set ({@code idPattern}; for regulation
 *       {@code <CODE>.<what-it-catches>}, e.g. {@code OPTIONAL_POWER.body-may-act});</li>
 *   <li>carries {@code @code} (a factor or flag code of the catalogue, or a helper code such as
 *       {@code CONTEXT} for rules that only derive facts), {@code @severity} ({@code low}, {@code medium},
 *       {@code high}), {@code @title} (one line, what it catches) and {@code @source} (the methodology
 *       reference);</li>
 *   <li>reports the code it declares ({@code reportPattern} finds the code in the consequence).</li>
 * </ul>
 *
 * @param idPattern        what a rule id must look like
 * @param codePrefix       what must follow the code at the start of an id ({@code "."} for
 *                         {@code OPTIONAL_POWER.body-may-act}, {@code " "} for {@code R003 Short submission period}),
 *                         or null when the id need not start with its code
 * @param helperCodes      codes of rules that derive context facts and report nothing
 * @param reportPattern    finds the reported code in a consequence (group 1), e.g. {@code new FactorHit("X"}
 * @param example          an id that follows the convention, for messages
 * @param codesHint        where valid codes come from, for the unknown-code message
 */
public record RuleConvention(Pattern idPattern, String codePrefix, Set<String> helperCodes, Pattern reportPattern,
        String example, String codesHint) {

    /** Metadata every rule must carry. */
    public static final List<String> REQUIRED = List.of("code", "severity", "title", "source");

    /** The regulation pack: {@code OPTIONAL_POWER.body-may-act}, reports {@code new FactorHit("OPTIONAL_POWER", ...)}. */
    public static final RuleConvention REGULATION = new RuleConvention(
            Pattern.compile("[A-Z][A-Z0-9_]*\\.[a-z0-9][a-z0-9-]*"), ".", Set.of("CONTEXT", "SIGNAL"),
            Pattern.compile("new\\s+FactorHit\\s*\\(\\s*\"([^\"]*)\""), "OPTIONAL_POWER.body-may-act",
            "not in the catalogue; add it to factors.json of the folder to define a new one");

    /**
     * The procurement pack: {@code R003 Short submission period} (the flag code, a space, the title or a
     * variant of it), reports {@code Flag.ocid("R003", ...)} or {@code Flag.tenderer("R003", ...)}.
     */
    public static final RuleConvention PROCUREMENT = new RuleConvention(
            Pattern.compile("R\\d{3}[A-Z]? \\S.*"), " ", Set.of(),
            Pattern.compile("\\bFlag\\s*\\.\\s*\\w+\\s*\\(\\s*\"([^\"]*)\"|new\\s+Flag\\s*\\(\\s*\"([^\"]*)\""),
            "R003 Short submission period",
            "flag codes are R001-R073 of OCP's catalogue \"Red flags in public procurement\" and the built-in R018B");

    /** Problems of one parsed file against the convention; {@code codes} are the known factor or flag codes. */
    public List<RuleProblem> check(DrlFile file, Set<String> codes) {
        List<RuleProblem> problems = new ArrayList<>();
        String origin = file.source().origin();
        for (DrlFile.RuleEntry r : file.rules()) {
            if (r.query()) {
                continue;
            }
            if (!idPattern.matcher(r.id()).matches()) {
                problems.add(RuleProblem.error(origin, r.line(), r.column(), "rule id \"" + r.id()
                        + "\" does not follow the convention (e.g. \"" + example + "\")"));
            }
            for (String key : REQUIRED) {
                String v = r.metadata().get(key);
                if (v == null || v.isBlank()) {
                    problems.add(RuleProblem.error(origin, r.line(), r.column(), "rule \"" + r.id() + "\" has no @" + key
                            + "(\"...\") metadata (every rule needs @code, @severity, @title, @source)"));
                }
            }
            String code = r.metadata().get("code");
            if (code != null && !code.isBlank()) {
                boolean helper = helperCodes.contains(code);
                if (!helper && !codes.contains(code)) {
                    String meant = NearestName.onlyClosest(code, new java.util.TreeSet<>(codes));
                    problems.add(RuleProblem.error(origin, r.line(), r.column(), "rule \"" + r.id() + "\": unknown code @code(\""
                            + code + "\") (" + (meant == null ? "" : "did you mean \"" + meant + "\"? ") + codesHint + ")"));
                }
                if (codePrefix != null && !r.id().startsWith(code + codePrefix)) {
                    problems.add(RuleProblem.error(origin, r.line(), r.column(), "rule id \"" + r.id() + "\" must start with its code \""
                            + code + codePrefix + "\""));
                }
                Matcher m = reportPattern.matcher(r.consequence());
                while (m.find()) {
                    String reported = m.group(1) != null ? m.group(1) : m.group(m.groupCount());
                    if (!reported.equals(code)) {
                        Matcher inFile = reportPattern.matcher(file.source().content());
                        int[] pos = inFile.find(Math.max(0, r.startChar())) ? file.position(inFile.start())
                                : new int[] {r.consequenceLine(), 1};
                        problems.add(RuleProblem.error(origin, pos[0], pos[1], "rule \"" + r.id()
                                + "\" declares @code(\"" + code + "\") but reports \"" + reported + "\""));
                    } else if (helper) {
                        problems.add(RuleProblem.error(origin, r.line(), r.column(), "helper rule \"" + r.id()
                                + "\" (@code(\"" + code + "\")) must not report findings"));
                    }
                }
            }
            String severity = r.metadata().get("severity");
            if (severity != null && !severity.isBlank()) {
                try {
                    Severity.parse(severity);
                } catch (IllegalArgumentException e) {
                    problems.add(RuleProblem.error(origin, r.line(), r.column(), "rule \"" + r.id() + "\": @severity(\""
                            + severity + "\") must be low, medium or high"));
                }
            }
        }
        return problems;
    }
}

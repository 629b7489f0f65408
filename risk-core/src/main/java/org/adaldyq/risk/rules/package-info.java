/**
 * Rule sets and the machinery rule authors use, independent of the pack (regulation, procurement):
 * {@link org.adaldyq.risk.rules.RuleLayer} (the files of the built-in pack or an author folder),
 * {@link org.adaldyq.risk.rules.RuleAssembly} (merge: add, override by id, disable, thresholds; checks),
 * {@link org.adaldyq.risk.rules.DrlFile}, {@link org.adaldyq.risk.rules.DrlAllowList},
 * {@link org.adaldyq.risk.rules.RuleConvention} (parse and check), {@link org.adaldyq.risk.rules.RuleSet}
 * (a compiled Drools knowledge base fired under {@link org.adaldyq.risk.rules.RuleLimits}),
 * {@link org.adaldyq.risk.rules.RuleExamples} (example cases) and
 * {@link org.adaldyq.risk.rules.FolderWatch} (hot reload). See {@code docs/author-guide.md}.
 */
package org.adaldyq.risk.rules;

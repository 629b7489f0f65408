package org.adaldyq.risk.regulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.GrammaticalCase;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.lexicon.TermMatch;
import org.adaldyq.risk.lexicon.DocumentWords;
import org.adaldyq.risk.lexicon.TokenizedText;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.regulation.fact.DocumentFact;
import org.adaldyq.risk.regulation.fact.FactorHit;
import org.adaldyq.risk.regulation.fact.FactorSignal;
import org.adaldyq.risk.signal.FactorModel;
import org.adaldyq.risk.signal.FactorModels;
import org.adaldyq.risk.signal.SignalFeature;
import org.adaldyq.risk.signal.SignalFeatures;
import org.adaldyq.risk.regulation.fact.ProvisionFact;
import org.adaldyq.risk.regulation.fact.Trigger;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleSet;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;
import org.adaldyq.risk.structure.ProvisionSegmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the regulation pipeline on a parsed document: lexicon matching per provision (and lead-in),
 * facts into a rule session, factor hits out, merged into one finding per provision and factor, scored.
 * Immutable and thread-safe.
 */
public final class RegulationScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RegulationScanner.class);

    private final Lexicon lexicon;
    private final RuleSet rules;
    private final FactorCatalogue catalogue;
    private final RuleLimits limits;
    private final FactorModels models;
    private final ConfidenceTable confidence;
    private final double minConfidence;
    /** Computed once from the thresholds in force (immutable scanner; a benign race computes it twice). */
    private volatile Map<String, double[]> signalPolicy;
    private volatile SignalFeatures.Vocabulary vocabulary;

    /**
     * @param limits firings allowed per provision, and time per document; a scan that passes them
     *               throws {@link org.adaldyq.risk.rules.RuleLimitException} naming the looping rule
     */
    public RegulationScanner(Lexicon lexicon, RuleSet rules, FactorCatalogue catalogue, RuleLimits limits) {
        this(lexicon, rules, catalogue, limits, FactorModels.none());
    }

    /** @param models the trained factor models whose scores enter the session as {@link FactorSignal} facts */
    public RegulationScanner(Lexicon lexicon, RuleSet rules, FactorCatalogue catalogue, RuleLimits limits, FactorModels models) {
        this(lexicon, rules, catalogue, limits, models, ConfidenceTable.empty());
    }

    /** @param confidence how often each factor's findings were right, per language: each finding's confidence */
    public RegulationScanner(Lexicon lexicon, RuleSet rules, FactorCatalogue catalogue, RuleLimits limits, FactorModels models,
                             ConfidenceTable confidence) {
        this(lexicon, rules, catalogue, limits, models, confidence, 0);
    }

    private RegulationScanner(Lexicon lexicon, RuleSet rules, FactorCatalogue catalogue, RuleLimits limits, FactorModels models,
                              ConfidenceTable confidence, double minConfidence) {
        this.lexicon = lexicon;
        this.rules = rules;
        this.catalogue = catalogue;
        this.limits = limits;
        this.models = models;
        this.confidence = confidence;
        this.minConfidence = minConfidence;
    }

    /** This scanner with other factor models ({@link FactorModels#none()}: rules only). */
    public RegulationScanner withModels(FactorModels other) {
        return other == models ? this : new RegulationScanner(lexicon, rules, catalogue, limits, other, confidence, minConfidence);
    }

    /**
     * This scanner keeping only the findings whose confidence is at least {@code min} (0: all, the default);
     * findings with no confidence (a factor the table has no row for) are kept. Provision and document scores
     * are those of the findings kept.
     *
     * @throws IllegalArgumentException when {@code min} is not in [0, 1]
     */
    public RegulationScanner withMinConfidence(double min) {
        if (ConfidenceTable.requireMinimum(min) == minConfidence) {
            return this;
        }
        RegulationScanner s = new RegulationScanner(lexicon, rules, catalogue, limits, models, confidence, min);
        // same rules and models: what was computed once from them holds (an engine derives one per scan)
        s.signalPolicy = signalPolicy;
        s.vocabulary = vocabulary;
        return s;
    }

    /** How often each factor's findings were right, per language: where the findings' confidence comes from. */
    public ConfidenceTable confidence() {
        return confidence;
    }

    /** The trained factor models whose signals the rules weigh; {@link FactorModels#none()} for rules only. */
    public FactorModels models() {
        return models;
    }

    /** The compiled regulation rules. */
    public RuleSet rules() {
        return rules;
    }

    /** The trigger lexicons the text is matched against. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** Provisions the rules weigh in one document at most (the longest code of law holds about 10,000). */
    public static final int MAX_PROVISIONS = 100_000;
    /** Trigger words the rules weigh in one provision at most (a real provision holds a few dozen). */
    public static final int MAX_TRIGGERS_PER_PROVISION = 2_000;

    /** The factor catalogue the findings' texts come from. */
    public FactorCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Two passes: the trigger rules fire on the provisions' facts; then, when there are factor models,
     * their scores (which read the trigger rules' hits too) enter a second session with those hits, where
     * the {@code SIGNAL} rules accept or drop factors.
     */
    public ScanReport scan(ParsedDocument doc) {
        return scan(doc, analyse(checkedSize(doc)));
    }

    /**
     * Scans as {@link #scan(ParsedDocument)} does and keeps the words the analysis read from each provision
     * and lead-in, so that an index need not analyse the text again.
     */
    public ScannedDocument scanKeepingWords(ParsedDocument doc) {
        List<Analysed> analysed = analyse(checkedSize(doc));
        ScanReport report = scan(doc, analysed);
        Map<Integer, TokenizedText> spans = new HashMap<>();
        for (Analysed a : analysed) {
            spans.put(a.provision().start(), a.body());
            if (a.leadIn() != null) {
                spans.put(a.provision().leadInStart(), a.leadIn());
            }
        }
        return new ScannedDocument(doc, report, DocumentWords.of(spans));
    }

    private static ParsedDocument checkedSize(ParsedDocument doc) {
        if (doc.provisions().size() > MAX_PROVISIONS) {
            throw new TooDenseException(doc.provisions().size() + " provisions, more than the "
                    + MAX_PROVISIONS + " the rules weigh in one document");
        }
        return doc;
    }

    private ScanReport scan(ParsedDocument doc, List<Analysed> analysed) {
        for (Analysed a : analysed) {
            int triggers = a.bodyMatches().size() + a.leadInMatches().size();
            if (triggers > MAX_TRIGGERS_PER_PROVISION) {
                throw new TooDenseException(a.provision().citation() + " holds " + triggers
                        + " trigger words, more than the " + MAX_TRIGGERS_PER_PROVISION + " the rules weigh in one provision");
            }
        }
        List<FactorHit> hits = fire(triggerFacts(doc, analysed), doc.provisions().size());
        if (!models.isEmpty()) {
            List<FactorSignal> signals = signals(doc, analysed, hits);
            if (!signals.isEmpty()) {
                // Only the hits of factors whose signal is on can be weighed; the others pass through.
                Map<String, double[]> policy = signalPolicy();
                List<Object> weighed = new ArrayList<>();
                List<FactorHit> kept = new ArrayList<>();
                for (FactorHit h : hits) {
                    if (policy.containsKey(h.getFactor())) {
                        weighed.add(h);
                    } else {
                        kept.add(h);
                    }
                }
                weighed.addAll(signals);
                kept.addAll(fire(weighed, doc.provisions().size()));
                hits = kept;
            }
        }
        return report(doc, hits);
    }

    private List<Object> triggerFacts(ParsedDocument doc, List<Analysed> analysed) {
        List<Object> facts = new ArrayList<>();
        for (Analysed a : analysed) {
            Provision p = a.provision();
            facts.add(new ProvisionFact(p.index(), p.citation(), p.articleCitation(), doc.language().code(), p.hasLeadIn(), a.body().size()));
            for (TermMatch m : a.bodyMatches()) {
                facts.add(trigger(m, p, doc.text(), false, a.body()));
            }
            for (TermMatch m : a.leadInMatches()) {
                facts.add(trigger(m, p, doc.text(), true, a.leadIn()));
            }
        }
        facts.add(new DocumentFact(doc.language().code(), doc.provisions().size()));
        return facts;
    }

    /** A provision run through the analysis: its words and lexicon matches, and those of its lead-in. */
    record Analysed(Provision provision, TokenizedText body, List<TermMatch> bodyMatches,
                    TokenizedText leadIn, List<TermMatch> leadInMatches) {
    }

    private List<Analysed> analyse(ParsedDocument doc) {
        String text = doc.text();
        Language language = doc.language();
        List<Analysed> out = new ArrayList<>();
        Map<Integer, TokenizedText> leadIns = new HashMap<>();
        Map<Integer, List<TermMatch>> leadInMatches = new HashMap<>();
        for (Provision given : doc.provisions()) {
            Provision p = withImplicitLeadIn(given, text);
            TokenizedText body = TokenizedText.analyze(text, p.start(), p.end(), language);
            TokenizedText lead = null;
            List<TermMatch> leadMatches = List.of();
            if (p.hasLeadIn()) {
                lead = leadIns.computeIfAbsent(p.leadInStart(), s -> TokenizedText.analyze(text, p.leadInStart(), p.leadInEnd(), language));
                TokenizedText l = lead;
                leadMatches = leadInMatches.computeIfAbsent(p.leadInStart(), s -> lexicon.match(l));
            }
            out.add(new Analysed(p, body, lexicon.match(body), lead, leadMatches));
        }
        return language == Language.KK ? withClosingModal(out) : out;
    }

    /** The modal words a Kazakh list closes with: «… -уға құқығы бар», «… -уға құқылы». */
    private static final Set<String> CLOSING_MODALS = Set.of("OPTIONAL_VERB");

    /**
     * A Kazakh list states its modal once, after the last item («Агенттіктің: 1) … сұратуға; … 4) … шығаруға
     * құқығы бар.»), where Russian puts it in the lead-in («Агентство имеет право: 1) запрашивать …»). The
     * modal that ends the first clause of a list's last item is read as the close of the lead-in of every
     * item of that list, so each item is judged with it, as its Russian twin is.
     */
    static List<Analysed> withClosingModal(List<Analysed> items) {
        Map<Integer, Analysed> lastOfList = new HashMap<>();
        for (Analysed a : items) {
            if (a.provision().hasLeadIn()) {
                lastOfList.merge(a.provision().leadInStart(), a,
                        (x, y) -> x.provision().index() > y.provision().index() ? x : y);
            }
        }
        Map<Integer, List<TermMatch>> closing = new HashMap<>();
        for (Map.Entry<Integer, Analysed> e : lastOfList.entrySet()) {
            Analysed last = e.getValue();
            List<TermMatch> modal = closingModal(last.body(), last.bodyMatches());
            if (!modal.isEmpty()) {
                closing.put(e.getKey(), modal);
            }
        }
        if (closing.isEmpty()) {
            return items;
        }
        List<Analysed> out = new ArrayList<>(items.size());
        for (Analysed a : items) {
            List<TermMatch> modal = a.provision().hasLeadIn() ? closing.get(a.provision().leadInStart()) : null;
            if (modal == null || a == lastOfList.get(a.provision().leadInStart()) || a.leadIn() == null) {
                out.add(a);
                continue;
            }
            // placed after the lead-in's own words, in its last clause, as if the lead-in ended with them
            int shift = a.leadIn().size() - modal.get(0).firstToken();
            int sentence = a.leadIn().size() == 0 ? 0 : a.leadIn().get(a.leadIn().size() - 1).sentence();
            List<TermMatch> lead = new ArrayList<>(a.leadInMatches());
            for (TermMatch m : modal) {
                lead.add(new TermMatch(m.concept(), m.firstToken() + shift, m.lastToken() + shift, m.start(), m.end(), sentence, m.origin(),
                        m.lastWordStem()));
            }
            out.add(new Analysed(a.provision(), a.body(), a.bodyMatches(), a.leadIn(), List.copyOf(lead)));
        }
        return out;
    }

    /** The modal matches that end the first clause of a list item, with nothing but punctuation after them. */
    private static List<TermMatch> closingModal(TokenizedText body, List<TermMatch> matches) {
        for (TermMatch m : matches) {
            if (!CLOSING_MODALS.contains(m.concept()) || m.sentence() != body.get(0).sentence()) {
                continue;
            }
            int next = m.lastToken() + 1;
            if (next >= body.size() || body.get(next).sentence() != m.sentence()) {
                return List.of(m);
            }
        }
        return List.of();
    }

    /**
     * Each model's score of each provision, as facts — where the score can change an outcome: for a factor
     * whose signal is on in thresholds.csv (accept up to 1, or veto above 0), in a provision where the score
     * reaches accept or a trigger rule found the factor. Scoring every provision for every factor into the
     * session would cost a scan several times the rules' own time for facts no rule can use.
     */
    private List<FactorSignal> signals(ParsedDocument doc, List<Analysed> analysed, List<FactorHit> hits) {
        Map<String, double[]> policy = signalPolicy();
        List<FactorModel> active = new ArrayList<>();
        for (FactorModel m : models.all()) {
            if (policy.containsKey(m.factor())) {
                active.add(m);
            }
        }
        if (active.isEmpty()) {
            return List.of();
        }
        Set<String> hitKeys = new java.util.HashSet<>();
        hits.forEach(h -> hitKeys.add(h.getProvision() + "/" + h.getFactor()));
        List<List<SignalFeature>> features = features(doc.language(), analysed, hits, vocabulary(active));
        List<FactorSignal> out = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            Provision p = analysed.get(i).provision();
            for (FactorModel model : active) {
                double accept = policy.get(model.factor())[0];
                if (model.probability(features.get(i)) < accept && !hitKeys.contains(p.index() + "/" + model.factor())) {
                    continue;
                }
                FactorModel.Scored scored = model.score(features.get(i));
                int[] span = scored.strongestSpan(300);
                int start = span == null ? p.start() : span[0];
                int end = span == null ? Math.min(p.end(), p.start() + 300) : span[1];
                out.add(new FactorSignal(model.factor(), p.index(), p.articleCitation(), scored.score(), start, end,
                        doc.text().substring(start, end), scored.topFeatures(5)));
            }
        }
        return out;
    }

    /** The features the active models weigh (computed once, like the policy). */
    private SignalFeatures.Vocabulary vocabulary(List<FactorModel> active) {
        SignalFeatures.Vocabulary v = vocabulary;
        if (v == null) {
            Set<String> names = new java.util.HashSet<>();
            active.forEach(m -> names.addAll(m.weights().keySet()));
            v = new SignalFeatures.Vocabulary(names);
            vocabulary = v;
        }
        return v;
    }

    /** Factor → {accept, veto} for the factors whose signal is on (accept ≤ 1 or veto > 0). */
    private Map<String, double[]> signalPolicy() {
        Map<String, double[]> policy = signalPolicy;
        if (policy == null) {
            Map<String, Double> values = new HashMap<>();
            rules.thresholds().forEach(t -> values.put(t.getKey(), t.getValue()));
            policy = new HashMap<>();
            for (FactorModel m : models.all()) {
                double accept = values.getOrDefault(m.factor() + ".signal.accept", 1.01);
                double veto = values.getOrDefault(m.factor() + ".signal.veto", 0.0);
                if (accept <= 1 || veto > 0) {
                    policy.put(m.factor(), new double[] {accept, veto});
                }
            }
            signalPolicy = policy;
        }
        return policy;
    }

    /**
     * The features the factor models read, per provision of {@code doc} (what {@code train} learns from):
     * the same analysis and lexicon as a scan.
     */
    public List<List<SignalFeature>> signalFeatures(ParsedDocument doc) {
        List<Analysed> analysed = analyse(doc);
        return features(doc.language(), analysed, fire(triggerFacts(doc, analysed), doc.provisions().size()), null);
    }

    private static List<List<SignalFeature>> features(Language language, List<Analysed> analysed, List<FactorHit> hits,
                                                      SignalFeatures.Vocabulary vocabulary) {
        Map<Integer, List<FactorHit>> hitsByProvision = new HashMap<>();
        hits.forEach(h -> hitsByProvision.computeIfAbsent(h.getProvision(), k -> new ArrayList<>()).add(h));
        // Concepts of each article, counted by provision: "elsewhere in the article" excludes the provision itself.
        Map<String, Map<String, Integer>> byArticle = new HashMap<>();
        List<Set<String>> own = new ArrayList<>();
        for (Analysed a : analysed) {
            Set<String> concepts = new java.util.TreeSet<>();
            a.bodyMatches().forEach(m -> concepts.add(m.concept()));
            own.add(concepts);
            Map<String, Integer> article = byArticle.computeIfAbsent(a.provision().articleCitation(), k -> new HashMap<>());
            concepts.forEach(c -> article.merge(c, 1, Integer::sum));
        }
        List<List<SignalFeature>> out = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            Analysed a = analysed.get(i);
            Set<String> mine = own.get(i);
            Set<String> elsewhere = new java.util.TreeSet<>();
            byArticle.get(a.provision().articleCitation()).forEach((c, n) -> {
                if (n > (mine.contains(c) ? 1 : 0)) {
                    elsewhere.add(c);
                }
            });
            List<SignalFeature> f = new ArrayList<>(SignalFeatures.extract(language, a.body(), a.bodyMatches(), a.leadIn(),
                    a.leadInMatches(), elsewhere, vocabulary));
            f.addAll(SignalFeatures.ruleHits(hitsByProvision.getOrDefault(a.provision().index(), List.of())));
            out.add(f);
        }
        return out;
    }

    /**
     * A provision whose own text holds a lead-in and its list item ("Орган вправе:\n 2) ...", "The
     * Secretary may—\n (i) ...") — as when
     * a labelled provision is scanned alone, or the structure gave no lead-in — is read as lead-in plus
     * item, so that rules see the item's subject and modal verb in the lead-in.
     */
    static Provision withImplicitLeadIn(Provision p, String text) {
        if (p.hasLeadIn()) {
            return p;
        }
        int colon = -1;
        for (int i = p.start(); i < p.end() - 1; i++) {
            if (ProvisionSegmenter.isLeadInMark(text.charAt(i)) && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                colon = i;
            }
        }
        if (colon < 0) {
            return p;
        }
        int itemStart = colon + 1;
        while (itemStart < p.end() && Character.isWhitespace(text.charAt(itemStart))) {
            itemStart++;
        }
        if (itemStart >= p.end()) {
            return p;
        }
        return new Provision(p.index(), p.citation(), p.path(), itemStart, p.end(), p.start(), colon + 1, p.articleCitation());
    }

    /** Concepts that name who may act: their case decides whether they can be a subject. */
    private static final Set<String> ACTORS = Set.of("STATE_BODY", "PRIVATE_PERSON", "COURT");

    private static Trigger trigger(TermMatch m, Provision p, String text, boolean leadIn, TokenizedText span) {
        boolean oblique = ACTORS.contains(m.concept())
                && GrammaticalCase.oblique(span, m.firstToken(), m.lastToken(), span.language(), m.lastWordStem());
        return new Trigger(m.concept(), p.index(), p.articleCitation(), m.start(), m.end(), text.substring(m.start(), m.end()),
                m.firstToken(), m.lastToken(), m.sentence(), leadIn, oblique);
    }

    private List<FactorHit> fire(List<Object> facts, int provisionCount) {
        long maxFirings = Math.max(1, provisionCount) * limits.maxFiringsPerUnit();
        List<FactorHit> hits = new ArrayList<>();
        for (Object o : rules.fire(facts, o -> o instanceof FactorHit, maxFirings, limits.maxTime())) {
            hits.add((FactorHit) o);
        }
        LOG.debug("{} facts, {} hits", facts.size(), hits.size());
        return hits;
    }

    private ScanReport report(ParsedDocument doc, List<FactorHit> hits) {
        Language language = doc.language();
        // One finding per (provision, factor): the rule listed first in name order gives the quote.
        Map<Integer, Map<String, List<FactorHit>>> grouped = new TreeMap<>();
        for (FactorHit h : hits) {
            grouped.computeIfAbsent(h.getProvision(), k -> new TreeMap<>())
                    .computeIfAbsent(h.getFactor(), k -> new ArrayList<>()).add(h);
        }
        List<Finding> findings = new ArrayList<>();
        for (var byProvision : grouped.entrySet()) {
            Provision p = doc.provisions().get(byProvision.getKey());
            for (var byFactor : byProvision.getValue().entrySet()) {
                Finding f = finding(doc, p, byFactor.getKey(), byFactor.getValue(), language);
                if (f.confidence() == null || f.confidence() >= minConfidence) {
                    findings.add(f);
                }
            }
        }
        return ScanReport.of(doc.source(), language, doc.mediaType(), doc.provisions().size(), findings,
                new LinkedHashMap<>(doc.metadata()));
    }

    private Finding finding(ParsedDocument doc, Provision p, String code, List<FactorHit> hits, Language language) {
        // Deterministic whatever order the session returned its facts in: by rule, then by position.
        // A trigger rule's hit is quoted before the signal's: its words are the ones the factor names.
        hits.sort(Comparator.comparing((FactorHit h) -> isSignal(h.getRuleId()))
                .thenComparing(FactorHit::getRuleId)
                .thenComparingInt(h -> h.getTriggers().get(0).getStart())
                .thenComparingInt(h -> h.getTriggers().get(0).getEnd())
                .thenComparing(h -> h.getTriggers().toString()));
        FactorHit primary = hits.get(0);
        FactorCatalogue.Factor factor = catalogue.get(code)
                .orElseThrow(() -> new IllegalStateException("rule " + primary.getRuleId() + " reports unknown factor " + code));
        Severity severity = isSignal(primary.getRuleId()) ? factor.severity() : severityOf(primary.getRuleId(), factor.severity());
        List<Trigger> all = new ArrayList<>();
        for (FactorHit h : hits) {
            all.addAll(h.getTriggers());
        }
        all.sort(Comparator.comparingInt(Trigger::getStart).thenComparingInt(Trigger::getEnd));
        Set<String> words = new LinkedHashSet<>();
        for (Trigger t : all) {
            words.add(t.getText());
        }
        Trigger quoted = primary.getTriggers().get(0);
        int start = quoted.getStart();
        int end = quoted.getEnd();
        for (Trigger t : primary.getTriggers()) {
            if (t.sameSentence(quoted) && t.getStart() >= start && t.getEnd() - start <= 300) {
                end = Math.max(end, t.getEnd());
            }
        }
        start = joinedBefore(doc.text(), primary.getTriggers(), quoted, start, end);
        if (language == Language.RU) {
            start = withPreposition(doc.text(), start);
        }
        String quote = doc.text().substring(start, end);
        String explanation = factor.explanation(language).replace("{triggers}", "«" + String.join("», «", words) + "»");
        Optional<ConfidenceTable.Row> measured = confidence.get(language, code);
        return new Finding(code, primary.getRuleId(), severity, severity.weight(), factor.title(language),
                new ProvisionLocation(p.citation(), p.start(), p.end(), quote, start, end),
                List.copyOf(words), measured.map(r -> List.of(Evidence.of(CONFIDENCE_EVIDENCE, r.inWords(language)))).orElse(List.of()),
                explanation, factor.recommendation(language), measured.map(ConfidenceTable.Row::confidence).orElse(null));
    }

    /** A Russian preposition and the one space after it, right before a quote. */
    private static final Pattern RUSSIAN_PREPOSITION = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(в|во|по|на|при|с|со|без|для|до|из|от|о|об|к|ко|у|за|под|над|через|между) $");

    /**
     * Where a Russian quote starts once the preposition that governs its first word joins it: «в порядке,
     * установленном Правительством», not «порядке, установленном Правительством», as the catalogue writes
     * the formula.
     */
    static int withPreposition(String text, int start) {
        int from = Math.max(0, start - 8);
        Matcher m = RUSSIAN_PREPOSITION.matcher(text.substring(from, start));
        return m.find() ? from + m.start() : start;
    }

    /** What may stand between two words of the hit that one quote joins: spaces, commas, dashes. */
    private static final Pattern JOINABLE_GAP = Pattern.compile("[\\s,\\-\u2013\u2014]*");

    /**
     * Where the quote starts once the hit's words just before the quoted one join it: in Kazakh the action
     * comes before the modal («бере алады», «тоқтата тұруға құқылы», «берілуі мүмкін»), and a quote of the
     * modal alone («алады», «мүмкін») tells the reader nothing. A word of the hit in the same sentence that
     * ends right before the quote, with nothing but spaces, commas and dashes between (no other word, no
     * bracket or other punctuation), joins, and so on backwards, while the quote stays within 300 characters.
     */
    static int joinedBefore(String text, List<Trigger> triggers, Trigger quoted, int start, int end) {
        boolean joined = true;
        while (joined) {
            joined = false;
            for (Trigger t : triggers) {
                if (t.sameSentence(quoted) && t.getStart() < start && t.getEnd() <= start && end - t.getStart() <= 300
                        && JOINABLE_GAP.matcher(text.substring(t.getEnd(), start)).matches()) {
                    start = t.getStart();
                    joined = true;
                }
            }
        }
        return start;
    }

    /** The path of the evidence entry that says, in words, how often findings of the factor were right. */
    public static final String CONFIDENCE_EVIDENCE = Evidence.CONFIDENCE;

    /** Rules of {@code SIGNAL.drl} report for every factor: severity and title come from the factor. */
    static boolean isSignal(String ruleId) {
        return ruleId.startsWith("SIGNAL.");
    }

    private Severity severityOf(String ruleId, Severity fallback) {
        Object s = rules.metadata(ruleId).get("severity");
        if (s == null) {
            return fallback;
        }
        try {
            return Severity.parse(s.toString());
        } catch (IllegalArgumentException e) {
            LOG.warn("rule {} has an unknown severity '{}', using {}", ruleId, s, fallback);
            return fallback;
        }
    }
}

package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.review.Agreement;
import org.adaldyq.risk.review.PanelAgreement;
import org.adaldyq.risk.review.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code review}: work with experts' reviews (the JSON lines of {@code scan --format review} and the annotated pages). */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Work with experts' reviews (JSON lines, as scan --format review and the annotated pages save them).",
        subcommands = {ReviewCommand.Agree.class, ReviewCommand.FromDocx.class})
final class ReviewCommand {

    @Command(name = "from-docx", mixinStandardHelpOptions = true,
            description = "Read the review an expert made in Word on the draft with the scanner's comments (scan --format docx): a "
                    + "finding whose comment was deleted is struck out, a reply to a comment is the expert's note on the finding (one "
                    + "opening with a yes, ✓ or «верно», confirms it; with a no, ✗ or «исключить», strikes it out), and a comment of the "
                    + "expert's own naming a factor (its code or title) adds it to the provision. Writes the review lines (scan --review).")
    static final class FromDocx implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The commented draft (DOCX) as the expert saved it.")
        Path file;

        @Option(names = "--act", paramLabel = "NAME", description = "The file name the review lines name the text by: the draft's "
                + "(default: FILE's name, draft.docx for draft.review.docx as scan --format docx names it).")
        String act;

        @Option(names = {"-o", "--output"}, paramLabel = "R.jsonl", description = "Write the review here (default: standard output).")
        Path output;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
            org.adaldyq.risk.RiskEngine engine = org.adaldyq.risk.RiskEngine.builder().build();
            PrintWriter err = spec.commandLine().getErr();
            Review review;
            try {
                review = read(file, act == null ? org.adaldyq.risk.report.writer.DocxReviewReader.draftName(file.toString()) : act, engine, err);
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            String lines = Review.jsonLines(review.lines());
            if (output == null) {
                spec.commandLine().getOut().print(lines);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, lines, StandardCharsets.UTF_8);
            }
            if (output != null) {
                err.println("review -> " + output);
            }
            err.flush();
            return 0;
        }

        /**
         * The review an expert made in Word on {@code file}, its lines naming the text {@code act}; what was read said
         * on {@code err}.
         *
         * @throws IOException naming the file, when it cannot be read or is not a Word document
         */
        static Review read(Path file, String act, org.adaldyq.risk.RiskEngine engine, PrintWriter err) throws IOException {
            org.adaldyq.risk.report.ScannedDocument scanned;
            try {
                scanned = engine.scanDocument(file);
            } catch (org.adaldyq.risk.extract.DocumentReadException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            org.adaldyq.risk.report.writer.DocxReviewReader.Read read;
            try (var in = Files.newInputStream(file)) {
                read = org.adaldyq.risk.report.writer.DocxReviewReader.read(in, scanned, act, engine.catalogue());
            } catch (IOException e) {
                throw new IOException(file + ": not a Word document with comments to read (" + e.getMessage() + ")", e);
            }
            int findings = scanned.report().findings().size();
            err.printf(Locale.ROOT, "review from %s: %d finding(s): %d confirmed, %d struck out, %d left as found; %d factor(s) added; "
                            + "%d note(s)%n", file, findings, read.confirmed(), read.struck(), findings - read.confirmed() - read.struck(),
                    read.added(), read.noted());
            if (read.scanners() == 0) {
                err.println("review: the document holds no comment of the scanner (scan --format docx writes them): nothing struck out");
            }
            for (String comment : read.unread()) {
                err.println("review: a comment that names no factor and answers no finding, left out: " + comment);
            }
            err.flush();
            return read.review();
        }

    }

    @Command(name = "agree", mixinStandardHelpOptions = true,
            description = "Compare experts' reviews of the same texts. Two: the provisions given the same factors, Cohen's kappa per "
                    + "factor and pooled, the provisions they differ on; --adjudicate writes the review for a third expert to finish. Three "
                    + "or more (a panel): Fleiss' kappa per factor and pooled, each pair's Cohen's kappa, the provisions not all give the "
                    + "same factors; --adjudicate writes them with the majority's factors for the panel's chair.")
    static final class Agree implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "2..*", paramLabel = "REVIEW", description = "Each expert's review of the same texts (JSON lines, or the "
                + "commented draft as the expert left it in Word, a .docx: see from-docx).")
        List<Path> files;

        @Option(names = "--adjudicate", paramLabel = "FILE", description = "Write here the review to finish: the provisions the experts "
                + "agree on as they decided them, each one they differ on with a \"dispute\" (what each expert decided on each factor) — as "
                + "scanned for two experts' third, with the majority's factors for a panel's chair; they decide those (edit the factors, or "
                + "load the file in the annotated page) and the file is the review (scan --review FILE).")
        Path adjudicate;

        @Option(names = "--format", description = "text (for people) or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
        String format;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("text") && !format.equals("json")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
            }
            // the built-in catalogue, without building the rules
            FactorCatalogue catalogue = FactorCatalogue.fromClasspath(ReviewCommand.class.getClassLoader(),
                    org.adaldyq.risk.regulation.RegulationRules.PACK + "/factors.json");
            List<Review> reviews = new java.util.ArrayList<>();
            for (Path file : files) {
                reviews.add(read(file, catalogue));
            }
            PrintWriter out = spec.commandLine().getOut();
            List<Agreement.Adjudicated> lines;
            int disputed;
            if (files.size() == 2) {
                Agreement agreement = Agreement.of(reviews.get(0), reviews.get(1), catalogue);
                if (format.equals("json")) {
                    out.println(json(agreement).toPrettyString());
                } else {
                    text(agreement, out);
                }
                lines = agreement.adjudication(files.get(0).getFileName().toString(), files.get(1).getFileName().toString());
                disputed = agreement.disputed().size();
            } else {
                List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
                if (new java.util.HashSet<>(names).size() < names.size()) {
                    names = files.stream().map(Path::toString).toList(); // the same file name in several folders: the paths tell them apart
                }
                PanelAgreement panel = PanelAgreement.of(names, reviews, catalogue);
                if (format.equals("json")) {
                    out.println(json(panel).toPrettyString());
                } else {
                    text(panel, out);
                }
                lines = panel.adjudication();
                disputed = panel.disputed().size();
            }
            if (adjudicate != null) {
                ObjectMapper mapper = new ObjectMapper();
                try (Writer w = Files.newBufferedWriter(adjudicate, StandardCharsets.UTF_8)) {
                    for (Agreement.Adjudicated l : lines) {
                        ObjectNode line = Review.json(l.decision());
                        if (!l.dispute().isEmpty()) {
                            ObjectNode dispute = line.putObject("dispute");
                            l.dispute().forEach(dispute::put);
                        }
                        w.write(mapper.writeValueAsString(line));
                        w.write('\n');
                    }
                }
                spec.commandLine().getErr().printf("the review to adjudicate -> %s: %d provision(s) with a \"dispute\" to decide%n", adjudicate,
                        disputed);
            }
            out.flush();
            return 0;
        }

        private void text(PanelAgreement g, PrintWriter out) {
            out.printf(Locale.ROOT, "panel of %d: %s: %d provision(s) reviewed by all, %d given the same factors by all (%s), pooled "
                            + "Fleiss' kappa %s%n", g.names().size(), String.join(", ", g.names()), g.common(), g.unanimous(),
                    g.common() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * g.unanimous() / g.common()), kappa(g.pooledKappa()));
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s", "factor"));
            for (int r = 0; r < g.names().size(); r++) {
                head.append(String.format(Locale.ROOT, " %6s", "#" + (r + 1)));
            }
            out.println(head.append(String.format(Locale.ROOT, " %7s", "kappa")));
            for (PanelAgreement.FactorPanel f : g.factors()) {
                if (f.given().stream().mapToInt(Integer::intValue).sum() > 0) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s", f.code()));
                    f.given().forEach(n -> row.append(String.format(Locale.ROOT, " %6d", n)));
                    out.println(row.append(String.format(Locale.ROOT, " %7s", kappa(f.kappa()))));
                }
            }
            out.println("pairs, Cohen's kappa pooled: " + String.join(", ", g.pairs().stream()
                    .map(p -> "#" + (p.first() + 1) + "/#" + (p.second() + 1) + " " + kappa(p.kappa())).toList()));
            for (List<Review.Decision> all : g.disputed()) {
                out.printf(Locale.ROOT, "differ: %s %s: %s%n", all.get(0).act(), all.get(0).provision(),
                        String.join(" / ", all.stream().map(d -> d.factors().toString()).toList()));
            }
        }

        private static ObjectNode json(PanelAgreement g) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            g.names().forEach(o.putArray("panel")::add);
            o.put("common", g.common()).put("unanimous", g.unanimous());
            putKappa(o, "pooledKappa", g.pooledKappa());
            ObjectNode factors = o.putObject("factors");
            for (PanelAgreement.FactorPanel f : g.factors()) {
                ObjectNode n = factors.putObject(f.code());
                f.given().forEach(n.putArray("given")::add);
                putKappa(n, "kappa", f.kappa());
            }
            ArrayNode pairs = o.putArray("pairs");
            for (PanelAgreement.Pair p : g.pairs()) {
                putKappa(pairs.addObject().put("first", g.names().get(p.first())).put("second", g.names().get(p.second())), "kappa", p.kappa());
            }
            ArrayNode disputed = o.putArray("disputed");
            for (List<Review.Decision> all : g.disputed()) {
                ObjectNode n = disputed.addObject().put("act", all.get(0).act()).put("start", all.get(0).start())
                        .put("provision", all.get(0).provision());
                ArrayNode each = n.putArray("factors");
                all.forEach(d -> d.factors().forEach(each.addArray()::add));
            }
            return o;
        }

        private static void putKappa(ObjectNode o, String field, Double kappa) {
            if (kappa == null) {
                o.putNull(field);
            } else {
                o.put(field, kappa);
            }
        }

        private Review read(Path file, FactorCatalogue catalogue) {
            try {
                return ScanReviews.readFile(file, catalogue, this::engine, spec.commandLine().getErr());
            } catch (IOException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private org.adaldyq.risk.RiskEngine engine;

        /** The engine a review made in Word is read with, built once and only for one. */
        private org.adaldyq.risk.RiskEngine engine() {
            if (engine == null) {
                engine = org.adaldyq.risk.RiskEngine.builder().build();
            }
            return engine;
        }

        private void text(Agreement g, PrintWriter out) {
            out.printf(Locale.ROOT, "%s vs %s: %d provision(s) in both (%d only in the first, %d only in the second), %d decided on by both%n",
                    files.get(0), files.get(1), g.common(), g.onlyFirst(), g.onlySecond(), g.decidedBoth());
            out.printf(Locale.ROOT, "same factors: %d of %d (%s), pooled kappa %s%n", g.sameFactors(), g.common(),
                    g.common() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * g.sameFactors() / g.common()), kappa(g.pooledKappa()));
            out.printf(Locale.ROOT, "%-24s %6s %6s %6s %7s%n", "factor", "first", "second", "both", "kappa");
            for (Agreement.FactorAgreement f : g.factors()) {
                if (f.first() + f.second() > 0) {
                    out.printf(Locale.ROOT, "%-24s %6d %6d %6d %7s%n", f.code(), f.first(), f.second(), f.both(), kappa(f.kappa()));
                }
            }
            for (Agreement.Dispute d : g.disputed()) {
                out.printf(Locale.ROOT, "differ: %s %s: %s / %s%n", d.first().act(), d.first().provision(), d.first().factors(), d.second().factors());
            }
        }

        private static String kappa(Double k) {
            return k == null ? "-" : String.format(Locale.ROOT, "%.3f", k);
        }

        private static ObjectNode json(Agreement g) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("common", g.common()).put("onlyFirst", g.onlyFirst()).put("onlySecond", g.onlySecond())
                    .put("decidedByBoth", g.decidedBoth()).put("sameFactors", g.sameFactors());
            putKappa(o, "pooledKappa", g.pooledKappa());
            ObjectNode factors = o.putObject("factors");
            for (Agreement.FactorAgreement f : g.factors()) {
                putKappa(factors.putObject(f.code()).put("first", f.first()).put("second", f.second()).put("both", f.both()), "kappa", f.kappa());
            }
            ArrayNode disputed = o.putArray("disputed");
            for (Agreement.Dispute d : g.disputed()) {
                ObjectNode n = disputed.addObject().put("act", d.first().act()).put("start", d.first().start())
                        .put("provision", d.first().provision());
                d.first().factors().forEach(n.putArray("first")::add);
                d.second().factors().forEach(n.putArray("second")::add);
            }
            return o;
        }
    }
}

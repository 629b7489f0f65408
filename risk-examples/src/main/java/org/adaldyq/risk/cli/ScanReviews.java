package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.review.Review;

/**
 * The expert's review of a {@code scan} ({@code --review}, {@code --earlier-version}): which decisions go to
 * each text, and what standard error says of them. A text takes the decisions made on its file name; a review
 * of an earlier version saved under another name is carried to it when {@code --earlier-version OLD=NEW} says
 * so, or, in a run of one text (or one {@code --pair}), when the review decides on exactly one text in the same
 * language that this run does not scan. Used by one thread at a time.
 */
final class ScanReviews {
    private final Review review;
    private final Set<String> inputs;
    private final boolean guess;
    private final PrintWriter err;
    private final Set<String> carriedFrom = new TreeSet<>();
    private final Set<String> reviewed = new TreeSet<>();
    private final Map<String, Review> bySource = new HashMap<>();

    /**
     * @param review  the decisions read, with the carries {@code --earlier-version} names already made
     * @param named   the file names {@code --earlier-version} carried decisions from
     * @param inputs  the file names of the texts this run scans
     * @param guess   whether a text with no decisions of its own may take those of the one reviewed text in its
     *                language not scanned here (a run of one text or one pair)
     * @param err     where the notices go
     */
    ScanReviews(Review review, Set<String> named, Set<String> inputs, boolean guess, PrintWriter err) {
        this.review = review;
        this.carriedFrom.addAll(named);
        this.inputs = Set.copyOf(inputs);
        this.guess = guess;
        this.err = err;
    }

    /**
     * The {@code --review} files as one review (a later file's decision on a provision replaces an earlier one's);
     * a file that cannot be read, or holds a bad line, is a usage error of {@code command} naming it. A {@code .docx}
     * is the review made in Word on the draft with the scanner's comments ({@code review from-docx}), its decisions
     * on the draft it was written for ({@code draft.review.docx}: {@code draft.docx}).
     */
    static Review read(java.util.List<java.nio.file.Path> files, org.adaldyq.risk.RiskEngine engine, picocli.CommandLine command) {
        Review all = Review.NONE;
        for (java.nio.file.Path file : files) {
            try {
                all = all.and(readFile(file, engine.catalogue(), () -> engine, command.getErr()));
            } catch (java.io.IOException e) {
                throw new picocli.CommandLine.ParameterException(command, "--review " + e.getMessage());
            }
        }
        return all;
    }

    /**
     * One review file: JSON lines, or a {@code .docx}, the review made in Word on the draft with the scanner's
     * comments, its decisions on the draft it was written for ({@code draft.review.docx}: {@code draft.docx}; read
     * with {@code engine}, built only then, what was read said on {@code err}).
     *
     * @throws java.io.IOException {@code no such file: FILE}, a bad line ({@code FILE:LINE: …}), or a file that is not a
     *                             Word document with comments to read
     */
    static Review readFile(java.nio.file.Path file, FactorCatalogue catalogue, java.util.function.Supplier<org.adaldyq.risk.RiskEngine> engine,
                           PrintWriter err) throws java.io.IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".docx")) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new java.io.IOException("no such file: " + file);
            }
            return ReviewCommand.FromDocx.read(file, org.adaldyq.risk.report.writer.DocxReviewReader.draftName(file.toString()), engine.get(), err);
        }
        try (var in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return Review.read(in, file.toString(), catalogue);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.io.IOException("no such file: " + file, e);
        }
    }

    /** True when the review decides nothing. */
    boolean isEmpty() {
        return review.acts().isEmpty();
    }

    /**
     * The review that goes to {@code scanned}: the one read, or with the decisions on an earlier version of the
     * text carried to it (said once on standard error). The same review for the same text each time it is asked.
     */
    Review of(ScannedDocument scanned) {
        return bySource.computeIfAbsent(scanned.report().source(), source -> {
            String act = Review.act(source);
            if (!guess) {
                return review;
            }
            Set<String> earlier = new TreeSet<>(review.earlierVersions(scanned));
            earlier.removeAll(inputs);
            earlier.removeAll(carriedFrom);
            if (earlier.size() > 1) {
                err.printf("review: %s has no decisions of its own and %d reviewed files in %s could be its earlier version (%s): "
                        + "name one with --earlier-version OLD=%s%n", source, earlier.size(), scanned.report().language().code(),
                        String.join(", ", earlier), act);
                return review;
            }
            if (earlier.isEmpty()) {
                return review;
            }
            String from = earlier.iterator().next();
            carriedFrom.add(from);
            err.printf("review: the decisions on %s taken as made on an earlier version of %s%n", from, source);
            return review.carried(from, act);
        });
    }

    /**
     * {@code scanned} with its review applied; says on standard error how many decisions it took and names those
     * whose words changed since.
     */
    Review.Applied apply(ScannedDocument scanned, FactorCatalogue catalogue) {
        String source = scanned.report().source();
        Review.Applied a = of(scanned).apply(scanned, catalogue);
        reviewed.add(Review.act(source));
        if (a.applied() > 0) {
            err.printf("review: %d decision(s) applied to %s%n", a.applied(), source);
        }
        if (!a.stale().isEmpty()) {
            err.printf("review: %d decision(s) not applied to %s, its words changed since: %s%n", a.stale().size(),
                    source, String.join("; ", a.stale().stream().map(Review.Decision::provision).toList()));
        }
        return a;
    }

    /** Names on standard error the files the review decides on that this run neither scanned nor carried to a later version. */
    void notScanned() {
        Set<String> elsewhere = new TreeSet<>(review.acts());
        elsewhere.removeAll(reviewed);
        elsewhere.removeAll(carriedFrom);
        if (!elsewhere.isEmpty()) {
            err.println("review: decisions on file(s) not scanned here: " + String.join(", ", elsewhere));
        }
    }
}

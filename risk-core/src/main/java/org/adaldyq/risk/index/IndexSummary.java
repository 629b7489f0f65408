package org.adaldyq.risk.index;

import java.time.Duration;
import java.util.List;

/**
 * What one indexing call did.
 *
 * @param added      acts indexed for the first time
 * @param unchanged  files skipped because their content hash is already indexed
 * @param replaced   acts whose file changed and whose provisions were replaced
 * @param deleted    acts removed
 * @param provisions provision documents written
 * @param time       wall-clock time of the call
 * @param problems   files that could not be indexed, with the reason; the others were indexed
 * @param decisions  the expert's decisions applied to the acts indexed ({@link ProvisionIndex#add(org.adaldyq.risk.review.Review, java.nio.file.Path...)})
 * @param stale      the decisions not applied because their provision is no longer in the text as reviewed,
 *                   each as {@code file name: citation}
 * @param changes    of each act replaced, how its findings changed (only acts where a factor came or went)
 */
public record IndexSummary(int added, int unchanged, int replaced, int deleted, int provisions, Duration time,
                           List<Problem> problems, int decisions, List<String> stale, List<ActChange> changes) {

    /**
     * A file that could not be indexed.
     *
     * @param path   the file as given
     * @param reason why, in one line
     */
    public record Problem(String path, String reason) {
    }

    /** Copies the problems, stale decisions and changes. */
    public IndexSummary {
        problems = List.copyOf(problems);
        stale = List.copyOf(stale);
        changes = List.copyOf(changes);
    }

    /** A call that applied no review and changed no act's findings. */
    public IndexSummary(int added, int unchanged, int replaced, int deleted, int provisions, Duration time, List<Problem> problems) {
        this(added, unchanged, replaced, deleted, provisions, time, problems, 0, List.of(), List.of());
    }

    /**
     * One line: {@code added 3, unchanged 1, replaced 0, deleted 0, provisions 412, 1.8 s}, with
     * {@code , expert's decisions 12 (1 not applied)} when a review was applied.
     */
    public String line() {
        return String.format(java.util.Locale.ROOT, "added %d, unchanged %d, replaced %d, deleted %d, provisions %d%s, %.1f s",
                added, unchanged, replaced, deleted, provisions, decisions + stale.size() == 0 ? ""
                        : ", expert's decisions " + decisions + (stale.isEmpty() ? "" : " (" + stale.size() + " not applied)"),
                time.toMillis() / 1000.0);
    }
}

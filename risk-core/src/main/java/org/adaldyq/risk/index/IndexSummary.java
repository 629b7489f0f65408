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
 */
public record IndexSummary(int added, int unchanged, int replaced, int deleted, int provisions, Duration time,
                           List<Problem> problems) {

    /**
     * A file that could not be indexed.
     *
     * @param path   the file as given
     * @param reason why, in one line
     */
    public record Problem(String path, String reason) {
    }

    /** Copies the problems. */
    public IndexSummary {
        problems = List.copyOf(problems);
    }

    /** One line: {@code added 3, unchanged 1, replaced 0, deleted 0, provisions 412, 1.8 s}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "added %d, unchanged %d, replaced %d, deleted %d, provisions %d, %.1f s",
                added, unchanged, replaced, deleted, provisions, time.toMillis() / 1000.0);
    }
}

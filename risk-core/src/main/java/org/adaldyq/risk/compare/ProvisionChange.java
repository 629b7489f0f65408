package org.adaldyq.risk.compare;

import java.util.List;
import java.util.Objects;

/**
 * One group of aligned provisions: usually one old and one new; none on one side when added or removed;
 * several new for a split, several old for a merge.
 *
 * @param kind       what happened to the text
 * @param alignment  how the old and new provisions were paired
 * @param before     the old version's provisions, in document order (empty when added)
 * @param after      the new version's provisions, in document order (empty when removed)
 * @param similarity word similarity of the old and new texts in [0, 1] (Dice coefficient of their words,
 *                   numbering left out): 1 for unchanged, 0 for added or removed
 * @param findings   the findings of the group, those kept first, then removed, then added, each in text order
 */
public record ProvisionChange(Kind kind, Alignment alignment, List<ProvisionText> before, List<ProvisionText> after,
                              double similarity, List<FindingChange> findings) {

    /** What the revision did to the provisions' text. */
    public enum Kind {
        /** Only the new version has it. */
        ADDED,
        /** Only the old version has it. */
        REMOVED,
        /** The words differ (numbering aside), or the provision was split or merged. */
        CHANGED,
        /** The same words, perhaps under another number. */
        UNCHANGED
    }

    /** How the provisions of a group were found to be the same provision. */
    public enum Alignment {
        /** Same citation in both versions. */
        CITATION,
        /** Different citations (renumbered or moved), paired by their words. */
        TEXT,
        /** One old provision became several new ones. */
        SPLIT,
        /** Several old provisions became one. */
        MERGED,
        /** Nothing to pair with: added or removed. */
        NONE
    }

    /** Copies the lists. */
    public ProvisionChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alignment, "alignment");
        before = List.copyOf(before);
        after = List.copyOf(after);
        findings = List.copyOf(findings);
    }

    /** True when the provision kept its words but not its number. */
    public boolean renumbered() {
        return !before.isEmpty() && !after.isEmpty()
                && !before.stream().map(ProvisionText::citation).toList().equals(after.stream().map(ProvisionText::citation).toList());
    }

    /** The findings with this status. */
    public List<FindingChange> findings(FindingChange.Status status) {
        return findings.stream().filter(f -> f.status() == status).toList();
    }
}

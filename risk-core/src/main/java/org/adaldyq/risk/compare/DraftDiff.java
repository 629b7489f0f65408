package org.adaldyq.risk.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.lang.Language;

/**
 * Two versions of one draft compared: the reviewer's "did the revision fix it?".
 *
 * @param before          the old version's source (its path or name)
 * @param after           the new version's source
 * @param language        the new version's language
 * @param scoreBefore     the old version's document score
 * @param scoreAfter      the new version's document score
 * @param provisionsBefore number of provisions of the old version
 * @param provisionsAfter  number of provisions of the new version
 * @param changes         every provision of both versions in exactly one change, in the new version's order
 *                        (removed provisions where they stood)
 */
public record DraftDiff(String before, String after, Language language, double scoreBefore, double scoreAfter,
                        int provisionsBefore, int provisionsAfter, List<ProvisionChange> changes) {

    /** Copies the changes. */
    public DraftDiff {
        changes = List.copyOf(changes);
    }

    /** The changes of one kind. */
    public List<ProvisionChange> changes(ProvisionChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Number of changes per kind, every kind present. */
    public Map<ProvisionChange.Kind, Integer> counts() {
        Map<ProvisionChange.Kind, Integer> n = new EnumMap<>(ProvisionChange.Kind.class);
        for (ProvisionChange.Kind k : ProvisionChange.Kind.values()) {
            n.put(k, 0);
        }
        changes.forEach(c -> n.merge(c.kind(), 1, Integer::sum));
        return n;
    }

    /** Number of findings per status over all changes, every status present. */
    public Map<FindingChange.Status, Integer> findingCounts() {
        Map<FindingChange.Status, Integer> n = new EnumMap<>(FindingChange.Status.class);
        for (FindingChange.Status s : FindingChange.Status.values()) {
            n.put(s, 0);
        }
        changes.forEach(c -> c.findings().forEach(f -> n.merge(f.status(), 1, Integer::sum)));
        return n;
    }
}

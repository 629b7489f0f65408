package org.adaldyq.risk.index;

import java.util.Objects;
import java.util.Optional;

/**
 * A provision's reference to another act by its title («в порядке, установленном Законом Республики Казахстан
 * «О …»», «"… туралы" Қазақстан Республикасының Заңында белгіленген тәртіппен», "in accordance with the Law
 * on …"), and the indexed act it names when one of the index's acts has that title.
 *
 * @param text the title as the provision writes it («О государственной поддержке прямых инвестиций»)
 * @param act  the id of the indexed act with that title; empty when no indexed act has it (unresolved)
 */
public record ActReference(String text, Optional<String> act) {

    /** Requires both. */
    public ActReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(act, "act");
    }
}

package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/** One correction that {@link Prepare} applies, in place, to a compiled release. */
interface ReleaseCorrection {
    /** Corrects {@code release}; what it had to leave as it is goes to {@code warnings} (a reason, no line). */
    void apply(ObjectNode release, Consumer<String> warnings);
}

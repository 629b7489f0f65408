package org.adaldyq.risk.procurement.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What one line (or one element of a document) held: compiled releases ready to use, releases that must
 * first be compiled with others of the same {@code ocid}, or a problem.
 */
public record ParsedUnit(String source, long line, List<JsonNode> releases, List<ObjectNode> toCompile,
                         InputProblem problem) {

    static ParsedUnit problem(InputProblem p) {
        return new ParsedUnit(p.source(), p.line(), List.of(), List.of(), p);
    }
}

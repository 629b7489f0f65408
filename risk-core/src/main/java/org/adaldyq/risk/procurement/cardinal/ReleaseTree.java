package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code prepare} looks in a compiled release. Values of the wrong type are passed over, never an
 * error: an array element that is not an object is not a bid, a {@code details} that is not an array
 * holds no bids.
 */
final class ReleaseTree {
    private ReleaseTree() {
    }

    /** The member {@code name} of {@code container} when it is an object, else null. */
    static ObjectNode object(JsonNode container, String name) {
        return container != null && container.get(name) instanceof ObjectNode o ? o : null;
    }

    /** The object elements of the array {@code container.name}, in order; none when it is not an array. */
    static List<ObjectNode> objects(JsonNode container, String name) {
        List<ObjectNode> objects = new ArrayList<>();
        JsonNode array = container == null ? null : container.get(name);
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                if (element instanceof ObjectNode o) {
                    objects.add(o);
                }
            }
        }
        return objects;
    }

    /** {@code /bids/details[]}. */
    static List<ObjectNode> bids(ObjectNode release) {
        return objects(object(release, "bids"), "details");
    }

    /** {@code /awards[]}. */
    static List<ObjectNode> awards(ObjectNode release) {
        return objects(release, "awards");
    }

    /** The organisation references of the bids' tenderers ({@code /bids/details[]/tenderers[]}). */
    static List<ObjectNode> tenderers(ObjectNode release) {
        List<ObjectNode> tenderers = new ArrayList<>();
        bids(release).forEach(bid -> tenderers.addAll(objects(bid, "tenderers")));
        return tenderers;
    }

    /** The organisation references of the awards' suppliers ({@code /awards[]/suppliers[]}). */
    static List<ObjectNode> suppliers(ObjectNode release) {
        List<ObjectNode> suppliers = new ArrayList<>();
        awards(release).forEach(award -> suppliers.addAll(objects(award, "suppliers")));
        return suppliers;
    }

    /** {@code /buyer} and {@code /tender/procuringEntity}, those that are objects. */
    static List<ObjectNode> buyerAndProcuringEntity(ObjectNode release) {
        List<ObjectNode> references = new ArrayList<>();
        ObjectNode buyer = object(release, "buyer");
        ObjectNode procuringEntity = object(object(release, "tender"), "procuringEntity");
        if (buyer != null) {
            references.add(buyer);
        }
        if (procuringEntity != null) {
            references.add(procuringEntity);
        }
        return references;
    }

    /** The {@code classification} objects of the items of a bid or an award ({@code items[]/classification}). */
    static List<ObjectNode> itemClassifications(ObjectNode bidOrAward) {
        List<ObjectNode> classifications = new ArrayList<>();
        for (ObjectNode item : objects(bidOrAward, "items")) {
            ObjectNode classification = object(item, "classification");
            if (classification != null) {
                classifications.add(classification);
            }
        }
        return classifications;
    }

    /** Not set: missing, {@code null} or {@code ""}. */
    static boolean notSet(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty();
    }

    /** A string that is set, else null. */
    static String text(JsonNode value) {
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}

package org.adaldyq.risk.procurement.fact;

import org.adaldyq.risk.finding.Evidence;

import java.util.ArrayList;
import java.util.List;

/** A red flag raised by a rule: code, group, id in the group, Cardinal value, and the evidence behind it. */
public final class Flag {
    private final String code;
    private final Group group;
    private final String id;
    private final double value;
    private final List<Evidence> evidence = new ArrayList<>();
    private String processOcid;

    public Flag(String code, Group group, String id, double value) {
        this.code = code;
        this.group = group;
        this.id = id;
        this.value = value;
    }

    public static Flag ocid(String code, String ocid, double value) {
        return new Flag(code, Group.OCID, ocid, value).in(ocid);
    }

    public static Flag tenderer(String code, String id, double value) {
        return new Flag(code, Group.Tenderer, id, value);
    }

    /** Records the contracting process the flag was raised in (null for dataset-wide flags). */
    public Flag in(String ocid) {
        this.processOcid = ocid;
        return this;
    }

    /** The contracting process the flag was raised in, or null when it summarises many. */
    public String getProcessOcid() {
        return processOcid;
    }

    /** Adds evidence: the OCDS path (or statistic) looked at, its value, the threshold it was compared with. */
    public Flag because(String path, Object value, Object threshold) {
        evidence.add(new Evidence(path, value, threshold));
        return this;
    }

    public String getCode() {
        return code;
    }

    public Group getGroup() {
        return group;
    }

    public String getId() {
        return id;
    }

    public double getValue() {
        return value;
    }

    public List<Evidence> getEvidence() {
        return List.copyOf(evidence);
    }

    @Override
    public String toString() {
        return group + "/" + id + "/" + code + "=" + value;
    }
}

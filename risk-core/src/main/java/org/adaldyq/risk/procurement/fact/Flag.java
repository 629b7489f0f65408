package org.adaldyq.risk.procurement.fact;

import org.adaldyq.risk.finding.Evidence;

import java.util.ArrayList;
import java.util.List;

/** A red flag raised by a rule: code, group, id in the group, Cardinal value, and the evidence behind it.
 *
 * @serial exclude
 */
public final class Flag implements java.io.Serializable {
    private final String code;
    private final Group group;
    private final String id;
    private final double value;
    private final List<Evidence> evidence = new ArrayList<>();
    private String processOcid;

    /**
     * A flag on member {@code id} of {@code group}; not yet tied to a process (see {@link #in}).
     *
     * @throws NullPointerException when the code, the group or the id is missing: a rule that raises such a
     *                              flag fails on the process it fires for (a {@code RULE_ERROR} problem), not the run
     */
    public Flag(String code, Group group, String id, double value) {
        // plain checks, not message suppliers: a capturing lambda would be allocated for every flag raised
        if (code == null) {
            throw new NullPointerException("a flag needs its indicator's code");
        }
        if (group == null) {
            throw new NullPointerException("flag " + code + " needs a group");
        }
        if (id == null) {
            throw new NullPointerException("flag " + code + " on " + group + " needs the id of what it flags");
        }
        this.code = code;
        this.group = group;
        this.id = id;
        this.value = value;
    }

    /** A flag on one contracting process: its group is {@link Group#OCID} and its id and process are {@code ocid}. */
    public static Flag ocid(String code, String ocid, double value) {
        return new Flag(code, Group.OCID, ocid, value).in(ocid);
    }

    /** A flag on the tenderer {@code id}; tie it to a process with {@link #in} when it is about one. */
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

    /** The indicator's code, e.g. {@code R003}. */
    public String getCode() {
        return code;
    }

    /** The group the flagged {@link #getId() id} belongs to. */
    public Group getGroup() {
        return group;
    }

    /** The flagged member: an {@code ocid}, or a buyer, procuring entity or tenderer {@code id}. */
    public String getId() {
        return id;
    }

    /** The value Cardinal reports for the flag (1.0 for a plain flag, else the indicator's measure). */
    public double getValue() {
        return value;
    }

    /** The evidence added with {@link #because}, in order; a copy. */
    public List<Evidence> getEvidence() {
        return List.copyOf(evidence);
    }

    @Override
    public String toString() {
        return group + "/" + id + "/" + code + "=" + value;
    }
}

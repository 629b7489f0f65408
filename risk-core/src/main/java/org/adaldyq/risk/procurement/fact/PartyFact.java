package org.adaldyq.risk.procurement.fact;

/** A party with role {@code tenderer} in a process under review, with its normalised contact details. */
public final class PartyFact {
    private final String ocid;
    private final String id;
    private final String address;
    private final String telephone;
    private final String email;

    /** A tenderer party; contact details are normalised (see {@link #getAddress()} and the getters). */
    public PartyFact(String ocid, String id, String address, String telephone, String email) {
        this.ocid = ocid;
        this.id = id;
        this.address = address;
        this.telephone = telephone;
        this.email = email;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** The party's {@code parties[].id}, never null. */
    public String getId() {
        return id;
    }

    /** Normalised full address, null when any part is missing. */
    public String getAddress() {
        return address;
    }

    /** The digits of {@code contactPoint.telephone}, null when absent. */
    public String getTelephone() {
        return telephone;
    }

    /** {@code contactPoint.email} lower-cased, null when absent. */
    public String getEmail() {
        return email;
    }

    /** Shares the full address, the telephone or the e-mail with {@code other}. */
    public String sharedWith(PartyFact other) {
        if (address != null && address.equals(other.address)) {
            return "address";
        }
        if (telephone != null && telephone.equals(other.telephone)) {
            return "contactPoint.telephone";
        }
        if (email != null && email.equals(other.email)) {
            return "contactPoint.email";
        }
        return null;
    }
}

package org.adaldyq.risk.procurement.model;

/** An OCDS {@code value}: a numeric {@code amount} and a string {@code currency}; either may be absent.
 *
 * @serial exclude
 */
public record Money(Double amount, String currency) implements java.io.Serializable {
    /** No value: {@code value} absent, or with neither amount nor currency. */
    public static final Money NONE = new Money(null, null);

    /** True when the amount is a number and the currency a string, as Cardinal requires. */
    public boolean complete() {
        return amount != null && currency != null;
    }
}

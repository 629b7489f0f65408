package org.adaldyq.risk.procurement.fact;

import java.util.Map;
import java.util.Set;

/**
 * An enabled indicator and its settings. Rules match it by {@code code}: an indicator without its
 * setting fact never fires (Cardinal: "an indicator runs only when its section is present").
 */
public final class IndicatorSetting {
    private final String code;
    private final Map<String, String> values;
    private final Map<String, String> defaults;
    private final Set<String> procurementMethods;
    private final Map<String, Double> thresholdsByDetails;

    /** An indicator's settings without catalogue defaults. */
    public IndicatorSetting(String code, Map<String, String> values, Set<String> procurementMethods,
                            Map<String, Double> thresholdsByDetails) {
        this(code, values, Map.of(), procurementMethods, thresholdsByDetails);
    }

    /** @param defaults the catalogue's defaults, used where {@code values} (the settings file) is silent */
    public IndicatorSetting(String code, Map<String, String> values, Map<String, String> defaults,
                            Set<String> procurementMethods, Map<String, Double> thresholdsByDetails) {
        this.code = code;
        this.values = Map.copyOf(values);
        this.defaults = Map.copyOf(defaults);
        this.procurementMethods = Set.copyOf(procurementMethods);
        this.thresholdsByDetails = Map.copyOf(thresholdsByDetails);
    }

    /** The indicator's code, e.g. {@code R003}. */
    public String getCode() {
        return code;
    }

    /**
     * A numeric setting; where the settings file is silent, the catalogue's default, else {@code dflt}
     * (also when not a number).
     */
    public double number(String key, double dflt) {
        String v = values.get(key);
        if (v == null) {
            v = defaults.get(key);
        }
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** A setting's raw text as written in the settings file, null when absent. */
    public String text(String key) {
        return values.get(key);
    }

    /** True when the settings file gives {@code key} (catalogue defaults do not count). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Is {@code value} one of the {@code |}-separated items of setting {@code key}? */
    public boolean listed(String key, String value) {
        String v = values.get(key);
        if (v == null || value == null) {
            return false;
        }
        for (String item : v.split("\\|")) {
            if (item.strip().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code threshold} setting, or the default. */
    public double getThreshold() {
        return number("threshold", Double.NaN);
    }

    /** The configured procurement methods; empty means every method. */
    public Set<String> getProcurementMethods() {
        return procurementMethods;
    }

    /** True when {@code method} is in the configured set, or the set is empty. */
    public boolean appliesToMethod(String method) {
        return procurementMethods.isEmpty() || (method != null && procurementMethods.contains(method));
    }

    /** The threshold for a {@code procurementMethodDetails}, else {@code threshold}, else {@code dflt}. */
    public double thresholdFor(String procurementMethodDetails, double dflt) {
        if (procurementMethodDetails != null) {
            Double t = thresholdsByDetails.get(procurementMethodDetails);
            if (t != null) {
                return t;
            }
        }
        return number("threshold", dflt);
    }
}

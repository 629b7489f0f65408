package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cardinal's R048: per supplier of active single-supplier awards, the number of distinct first-{@code digits}
 * prefixes of its awards' item classifications, over suppliers with at least
 * {@code minimum_contracting_processes} processes, and the high fence of those varieties.
 */
final class SupplierVariety implements DatasetStatistic {
    private final IndicatorSetting setting;
    private final int digits;
    private final Map<String, Supplier> suppliers = new LinkedHashMap<>();
    private long process;
    private final Scope scope;

    private static final class Supplier {
        long processes;
        long lastProcess;
        final Set<String> prefixes = new HashSet<>();
    }

    SupplierVariety(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
        this.digits = (int) setting.number("digits", 2);
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        process++;
        for (Award a : p.awards()) {
            if (!a.active() || a.supplierCount() != 1 || a.supplierIds().size() != 1 || !scope.owns(a.supplierIds().get(0))) {
                continue;
            }
            Supplier s = suppliers.computeIfAbsent(a.supplierIds().get(0), k -> new Supplier());
            if (s.lastProcess != process) {
                s.lastProcess = process;
                s.processes++;
            }
            for (String c : a.itemClassificationIds()) {
                s.prefixes.add(c.codePointCount(0, c.length()) <= digits ? c : c.substring(0, c.offsetByCodePoints(0, digits)));
            }
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        double minimum = setting.number("minimum_contracting_processes", 20);
        List<org.adaldyq.risk.procurement.fact.SupplierVariety> eligible = new ArrayList<>();
        suppliers.forEach((id, s) -> {
            if (s.processes >= minimum) {
                eligible.add(new org.adaldyq.risk.procurement.fact.SupplierVariety(id, s.processes, s.prefixes.size()));
            }
        });
        if (eligible.isEmpty()) {
            return;
        }
        Quartiles q = scope.quartiles(setting.getCode(), eligible.stream().mapToDouble(org.adaldyq.risk.procurement.fact.SupplierVariety::getVariety).toArray());
        Fences.add(setting, Group.Tenderer, q, false, meta, "", out);
        out.addAll(eligible);
    }
}

package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.fact.SecondLowestBidRatio;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The second-lowest-bid ratio of every process where it is computable (Cardinal's R024 and R058, low and
 * high fence of the same ratios). One ratio per process: spilled to a temporary file, streamed back in
 * batches to be matched against the fences.
 */
final class SecondLowestBidRatios implements DatasetStatistic {
    private final List<IndicatorSetting> settings;
    private final List<Boolean> lowFence;
    private final RatioStore ratios = new RatioStore();
    private final Scope scope;

    /** @param lowFence per setting, whether its flag is a low outlier (else high) */
    SecondLowestBidRatios(List<IndicatorSetting> settings, List<Boolean> lowFence, Scope scope) {
        this.settings = settings;
        this.lowFence = lowFence;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        if (f.ratio() != null && scope.owns(f.ratio().getOcid())) {
            ratios.add(f.ratio());
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        if (ratios.size() == 0) {
            return;
        }
        Quartiles q = scope.quartiles("secondLowestBidRatio", ratios.values());
        for (int i = 0; i < settings.size(); i++) {
            Fences.add(settings.get(i), Group.OCID, q, lowFence.get(i), meta, "", out);
        }
    }

    void forEachBatch(int batchSize, Consumer<List<SecondLowestBidRatio>> consumer) {
        ratios.forEachBatch(batchSize, consumer);
    }

    int size() {
        return ratios.size();
    }

    @Override
    public void close() {
        ratios.close();
    }
}

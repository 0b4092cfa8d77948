package io.github.deletionguard.plan;

import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Totals worked out by hand from the stack files and the price table's list prices. */
class MonthlyCostTest {

    @Test
    void prodCostsItsAlarmsKeysAndSecretsAndNothingStandingElsewhere() {
        MonthlyCost cost = MonthlyCost.of(Deployments.ofStackFile("prod").resources());

        Map<PlannedResource.ProviderTarget, BigDecimal> byTarget = cost.byAccountRegion();
        // Eleven alarms at $0.10 on the organization trail, eleven on data-prod's own trail (a 60 s
        // period is still a standard-resolution alarm).
        assertEquals(new BigDecimal("1.10"), byTarget.get(target("111111111111", "eu-central-1")));
        assertEquals(new BigDecimal("1.10"), byTarget.get(target("055555555555", "eu-west-1")));
        // Three keys at $1; three secrets at $0.40, one of them replicated (billed as a second secret);
        // the denied-calls alarm, the pipeline roles' alarm and its ceiling at $0.10 each.
        assertEquals(new BigDecimal("4.90"), byTarget.get(target("222222222222", "eu-central-1")));
        // Two replica keys, billed as keys.
        assertEquals(new BigDecimal("2.00"), byTarget.get(target("222222222222", "eu-west-1")));
        assertEquals(0, byTarget.get(target("444444444444", "eu-west-1")).signum(),
                "a workload account-region without a log group costs nothing standing");
        assertEquals(new BigDecimal("9.10"), cost.total());
    }

    @Test
    void stagingCostsTwoAlarmsTwoKeysOneReplicaAndOneReplicatedSecret() {
        MonthlyCost cost = MonthlyCost.of(Deployments.ofStackFile("staging").resources());

        Map<PlannedResource.ProviderTarget, BigDecimal> byTarget = cost.byAccountRegion();
        assertEquals(new BigDecimal("0.20"), byTarget.get(target("210987654321", "eu-central-1")));
        assertEquals(new BigDecimal("2.80"), byTarget.get(target("220000000002", "eu-central-1")));
        assertEquals(new BigDecimal("1.00"), byTarget.get(target("220000000002", "eu-west-1")));
        assertEquals(new BigDecimal("4.00"), cost.total());
    }

    private static PlannedResource.ProviderTarget target(String account, String region) {
        return new PlannedResource.ProviderTarget(account, region);
    }
}

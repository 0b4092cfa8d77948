package io.github.deletionguard.plan;

import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonthlyCostTest {

    @Test
    void prodCostsItsAlarmsAndNothingStandingElsewhere() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        MonthlyCost cost = MonthlyCost.of(run.resources());

        BigDecimal alarms = MonthlyCost.priceOf("aws:cloudwatch/metricAlarm:MetricAlarm")
                .multiply(BigDecimal.valueOf(Deployments.ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").size()));
        BigDecimal everythingElse = cost.total().subtract(alarms);
        for (String type : new String[]{"aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"}) {
            everythingElse = everythingElse.subtract(MonthlyCost.priceOf(type)
                    .multiply(BigDecimal.valueOf(Deployments.ofType(run, type).size())));
        }
        for (PlannedResource secret : Deployments.ofType(run, "aws:secretsmanager/secret:Secret")) {
            int copies = 1 + (secret.inputs().has("replicas") ? secret.inputs().getAsJsonArray("replicas").size() : 0);
            everythingElse = everythingElse.subtract(new BigDecimal("0.40").multiply(BigDecimal.valueOf(copies)));
        }
        assertEquals(0, everythingElse.signum(), "only alarms, keys and secrets (each replica billed as one) have a standing charge");
        Map<PlannedResource.ProviderTarget, BigDecimal> byTarget = cost.byAccountRegion();
        assertEquals(0, byTarget.getOrDefault(new PlannedResource.ProviderTarget("444444444444", "eu-west-1"),
                BigDecimal.ZERO).compareTo(BigDecimal.ZERO), "a workload account-region without a log group costs nothing standing");
        assertEquals(new BigDecimal("0.50"), byTarget.get(new PlannedResource.ProviderTarget("111111111111", "eu-central-1")),
                "five alarms on the organization trail");
    }
}

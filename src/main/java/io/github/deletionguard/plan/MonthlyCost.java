package io.github.deletionguard.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly AWS list price of what a plan deploys, from a small price table. Prices are
 * us-east-1 list prices in USD as published on the date below; other regions differ by a few
 * percent. Usage-priced services are estimated at the volume a guard produces: deletions and
 * alarms are rare events, so per-event charges round to zero and only standing charges count.
 */
public final class MonthlyCost {
    public static final String PRICES_AS_OF = "2026-11-01";

    private static final String SECRET = "aws:secretsmanager/secret:Secret";

    /**
     * Standing monthly charge per resource of a type. Types not listed cost nothing standing:
     * metric filters (their custom metrics are billed only in hours they receive data, and they
     * publish no default value), EventBridge rules (AWS service events on the default bus are
     * free; cross-account delivery is $1 per million events), SNS topics (first million publishes
     * and 1,000 e-mails a month free), SSM Automation (first 100,000 steps a month free), IAM and
     * Organizations.
     */
    private static final Map<String, BigDecimal> STANDING_PRICE = Map.of(
            // Standard-resolution metric alarm: $0.10 per alarm-month.
            "aws:cloudwatch/metricAlarm:MetricAlarm", new BigDecimal("0.10"),
            // Customer managed key: $1 per key-month; each multi-Region replica is billed as a key.
            "aws:kms/key:Key", new BigDecimal("1.00"),
            "aws:kms/replicaKey:ReplicaKey", new BigDecimal("1.00"),
            // Secret: $0.40 per secret-month; each replica is billed as a secret.
            SECRET, new BigDecimal("0.40"));

    private final Map<PlannedResource.ProviderTarget, BigDecimal> byTarget;

    private MonthlyCost(Map<PlannedResource.ProviderTarget, BigDecimal> byTarget) {
        this.byTarget = byTarget;
    }

    public static MonthlyCost of(List<PlannedResource> resources) {
        Map<PlannedResource.ProviderTarget, BigDecimal> byTarget = new TreeMap<>(
                java.util.Comparator.comparing(PlannedResource.ProviderTarget::account)
                        .thenComparing(PlannedResource.ProviderTarget::region));
        for (PlannedResource resource : resources) {
            resource.provider().ifPresent(target -> byTarget.merge(target, standingPrice(resource), BigDecimal::add));
        }
        return new MonthlyCost(byTarget);
    }

    /** A secret's replicas are blocks of the secret resource but billed as secrets of their own. */
    private static BigDecimal standingPrice(PlannedResource resource) {
        BigDecimal price = priceOf(resource.type());
        if (resource.type().equals(SECRET) && resource.inputs().has("replicas")) {
            price = price.multiply(BigDecimal.valueOf(1 + resource.inputs().getAsJsonArray("replicas").size()));
        }
        return price;
    }

    public Map<PlannedResource.ProviderTarget, BigDecimal> byAccountRegion() {
        return byTarget;
    }

    public BigDecimal total() {
        return byTarget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal priceOf(String type) {
        return STANDING_PRICE.getOrDefault(type, BigDecimal.ZERO);
    }
}

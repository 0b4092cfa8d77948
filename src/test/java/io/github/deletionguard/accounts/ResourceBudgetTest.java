package io.github.deletionguard.accounts;

import io.github.deletionguard.alarms.DeletionAlarms;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The budget for organizations of thousands of accounts (prod, remediation on): at most 6 AWS
 * resources per account and region and 6 per account (IAM), beyond providers and components.
 * Deletion alarms are not counted: they exist only where a CloudTrail log group is.
 */
class ResourceBudgetTest {

    @Test
    void prodDeploysFivePerAccountRegionAndThreePerAccount() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        Map<String, PlannedResource> byUrn = new HashMap<>();
        run.resources().forEach(resource -> byUrn.put(resource.urn(), resource));

        Map<String, Integer> perAccountRegion = new TreeMap<>();
        Map<String, Integer> perAccount = new TreeMap<>();
        for (PlannedResource resource : run.resources()) {
            if (resource.isProvider() || resource.isComponent()) {
                continue;
            }
            Optional<PlannedResource> regionGuard = ancestor(resource, AccountRegionGuard.TYPE, byUrn);
            if (regionGuard.isPresent()) {
                if (ancestor(resource, DeletionAlarms.TYPE, byUrn).isEmpty()) {
                    perAccountRegion.merge(regionGuard.get().name(), 1, Integer::sum);
                }
            } else {
                ancestor(resource, AccountGuard.TYPE, byUrn)
                        .ifPresent(accountGuard -> perAccount.merge(accountGuard.name(), 1, Integer::sum));
            }
        }

        Map<String, Integer> fivePerAccountRegion = new TreeMap<>();
        run.resources().stream().filter(resource -> resource.type().equals(AccountRegionGuard.TYPE))
                .forEach(guard -> fivePerAccountRegion.put(guard.name(), 5));
        assertEquals(fivePerAccountRegion, perAccountRegion, "forwarding rule and target; document, remediation rule and target");
        assertEquals(Map.of("data-prod", 3, "log-archive", 3, "management", 3, "payments-prod", 3, "security", 3), perAccount,
                "the forwarding, remediation automation and remediation trigger roles");
    }

    private static Optional<PlannedResource> ancestor(PlannedResource resource, String type, Map<String, PlannedResource> byUrn) {
        Optional<String> parent = resource.parent();
        while (parent.isPresent()) {
            PlannedResource candidate = byUrn.get(parent.get());
            if (candidate == null) {
                return Optional.empty();
            }
            if (candidate.type().equals(type)) {
                return Optional.of(candidate);
            }
            parent = candidate.parent();
        }
        return Optional.empty();
    }
}

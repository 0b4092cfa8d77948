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
 * The budget for organizations of thousands of accounts (prod, remediation on): at most 11 AWS
 * resources per account and region and 5 per account (IAM, and the global services' forwarding in
 * us-east-1), beyond providers and components. Deletion alarms are not counted: they exist only
 * where a CloudTrail log group is.
 */
class ResourceBudgetTest {

    @Test
    void prodDeploysElevenPerAccountRegionAndFivePerAccount() {
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

        Map<String, Integer> elevenPerAccountRegion = new TreeMap<>();
        run.resources().stream().filter(resource -> resource.type().equals(AccountRegionGuard.TYPE))
                .forEach(guard -> elevenPerAccountRegion.put(guard.name(), 11));
        assertEquals(elevenPerAccountRegion, perAccountRegion,
                "four forwarding rules and their targets (one per concern, each within the pattern quota);"
                        + " document, remediation rule and target");
        assertEquals(Map.of("data-prod", 5, "log-archive", 5, "management", 5, "payments-prod", 5, "security", 5), perAccount,
                "the forwarding, remediation automation and remediation trigger roles; the global services' rule and target");
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

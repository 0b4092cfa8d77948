package io.github.deletionguard.detection;

import com.google.gson.Gson;
import com.pulumi.aws.cloudwatch.EventRule;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under mocks: the global services' forwarding stays where it is whatever an account's regions
 * say, and the new components hang their children under themselves with names derived from their own.
 */
class ForwardingComponentsTest {

    @Test
    void theGlobalServicesForwardingKeepsItsUrnAndProviderWhenRegionsAreReorderedAddedOrRemoved() {
        Map<String, String> first = null;
        for (List<String> regions : List.of(List.of("eu-central-1", "eu-west-1"), List.of("eu-west-1", "eu-central-1"),
                List.of("us-east-1", "eu-west-1"), List.of("eu-west-1"), List.of("ap-south-1", "eu-west-1", "eu-central-1"))) {
            GuardConfig changed = ConfigBuilder.sample().set("regions", new Gson().toJson(regions))
                    .edit("accounts", accounts -> entry(accounts, 0).remove("cloudTrailLogGroup"))
                    .load();
            Map<String, String> global = globalForwarding(Deployments.of(changed));
            assertEquals(6, global.size(), "a rule and a target in each of the three accounts: " + global);
            if (first == null) {
                first = global;
            }
            assertEquals(first, global, "with regions " + regions);
        }
    }

    /** Each global services resource's URN, with its provider's account, region and URN. */
    private static Map<String, String> globalForwarding(OfflineEngine.Run run) {
        Map<String, String> providerUrns = run.resources().stream().filter(PlannedResource::isProvider)
                .collect(Collectors.toMap(PlannedResource::name, PlannedResource::urn));
        Map<String, String> global = new TreeMap<>();
        run.resources().stream().filter(resource -> resource.name().contains("-global-services-"))
                .filter(resource -> !resource.isComponent()).forEach(resource -> {
                    ProviderTarget target = resource.provider().orElseThrow();
                    assertEquals("us-east-1", target.region(), resource.name());
                    String accountName = resource.name().substring(0, resource.name().indexOf("-global-services-"));
                    global.put(resource.urn(), target + " " + providerUrns.get("aws-" + accountName + "-us-east-1"));
                });
        global.values().forEach(provider -> assertTrue(!provider.endsWith("null"), provider));
        return global;
    }

    @Test
    void newComponentsParentTheirChildrenAndDeriveTheirNames() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        Map<String, PlannedResource> byUrn = run.resources().stream()
                .collect(Collectors.toMap(PlannedResource::urn, resource -> resource));
        for (String type : List.of(DeniedCallsCounter.TYPE, PipelineRunNotices.TYPE, DeletionEventForwarding.TYPE)) {
            List<PlannedResource> components = Deployments.components(run, type);
            assertTrue(!components.isEmpty(), type);
            for (PlannedResource component : components) {
                List<PlannedResource> children = run.resources().stream()
                        .filter(resource -> resource.parent().equals(Optional.of(component.urn()))).toList();
                assertTrue(!children.isEmpty(), component.name() + " has children");
                children.forEach(child -> assertTrue(child.name().startsWith(component.name() + "-"),
                        child.name() + " is named after " + component.name()));
                // A component is registered before its children: none was created in an apply.
                int componentIndex = run.resources().indexOf(component);
                children.forEach(child -> assertTrue(run.resources().indexOf(child) > componentIndex, child.name()));
                // A nested component (the pipeline runs' under the denied-calls counter) has no provider of its own.
                Set<ProviderTarget> targets = children.stream().flatMap(child -> child.provider().stream())
                        .collect(Collectors.toSet());
                assertEquals(1, targets.size(), component.name() + " deploys through one provider: " + targets);
            }
        }
        PlannedResource paymentsGlobal = Deployments.ofType(run, EventRule.class).stream()
                .filter(rule -> rule.name().equals("payments-prod-global-services-global-events-rule")).findFirst().orElseThrow();
        assertEquals("payments-prod", byUrn.get(byUrn.get(paymentsGlobal.parent().orElseThrow()).parent().orElseThrow()).name(),
                "the global services' forwarding hangs under the account guard, not a region guard");
    }
}

package io.github.deletionguard.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.cloudformation.StackSet;
import com.pulumi.aws.cloudformation.StackSetInstance;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.iam.Role;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org stack file under mocks: the StackSets, their instances, and what is left to the provider engine. */
class MemberBaselineStackSetsTest {
    private static final String MANAGEMENT = "111111111111";
    private static final List<String> UNITS = List.of("ou-pr0d-secur1ty", "ou-pr0d-w0rkl0ads");
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1");

    @Test
    void twoServiceManagedStackSetsWithAutoDeploymentInTheManagementAccountProtected() {
        OfflineEngine.Run run = Deployments.ofStackFile("org");
        List<PlannedResource> stackSets = Deployments.ofType(run, StackSet.class);
        assertEquals(List.of("deletion-guard-member-baseline-global", "deletion-guard-member-baseline-regional"),
                stackSets.stream().map(set -> set.input("name")).toList());
        for (PlannedResource stackSet : stackSets) {
            assertEquals("SERVICE_MANAGED", stackSet.input("permissionModel"));
            assertEquals("SELF", stackSet.input("callAs"));
            JsonObject autoDeployment = stackSet.inputs().getAsJsonObject("autoDeployment");
            assertTrue(autoDeployment.get("enabled").getAsBoolean());
            assertEquals(false, autoDeployment.get("retainStacksOnAccountRemoval").getAsBoolean());
            assertEquals("[\"CAPABILITY_NAMED_IAM\"]", stackSet.inputs().get("capabilities").toString());
            assertEquals("{\"failureTolerancePercentage\":10,\"maxConcurrentPercentage\":25,\"regionConcurrencyType\":\"PARALLEL\"}",
                    stackSet.inputs().get("operationPreferences").toString());
            assertTrue(stackSet.inputs().getAsJsonObject("managedExecution").get("active").getAsBoolean());
            assertEquals(new ProviderTarget(MANAGEMENT, "eu-central-1"), stackSet.provider().orElseThrow());
            assertTrue(stackSet.protect(), stackSet.name());
        }
    }

    @Test
    void instancesByOuAndRegionRolesInOneRegionRulesInEvery() {
        OfflineEngine.Run run = Deployments.ofStackFile("org");
        Set<String> instances = new TreeSet<>();
        for (PlannedResource instance : Deployments.ofType(run, StackSetInstance.class)) {
            assertTrue(instance.protect(), instance.name());
            JsonArray units = instance.inputs().getAsJsonObject("deploymentTargets").getAsJsonArray("organizationalUnitIds");
            assertEquals(1, units.size());
            assertEquals("SOFT_FAILURE_TOLERANCE",
                    instance.inputs().getAsJsonObject("operationPreferences").get("concurrencyMode").getAsString());
            instances.add(instance.input("stackSetName") + " " + units.get(0).getAsString() + " " + instance.input("region"));
        }
        Set<String> expected = new TreeSet<>();
        for (String unit : UNITS) {
            expected.add("deletion-guard-member-baseline-global " + unit + " us-east-1");
            REGIONS.forEach(region -> expected.add("deletion-guard-member-baseline-regional " + unit + " " + region));
        }
        assertEquals(expected, instances);
    }

    @Test
    void theProviderEngineKeepsTheManagementAccountAndTheAlarmsOfAccountsWithALogGroup() {
        OfflineEngine.Run run = Deployments.ofStackFile("org");
        assertEquals(Set.of(MANAGEMENT), accountsWith(run, Role.class));
        assertEquals(Set.of(MANAGEMENT), Deployments.ofType(run, EventRule.class).stream()
                .filter(rule -> rule.input("eventBusName") == null)
                .map(rule -> rule.provider().orElseThrow().account()).collect(Collectors.toSet()));
        // data-prod's own trail: its alarms stay on providers, in its log group's region only.
        assertEquals(Set.of(new ProviderTarget(MANAGEMENT, "eu-central-1"), new ProviderTarget("055555555555", "eu-west-1")),
                Deployments.ofType(run, MetricAlarm.class).stream().map(alarm -> alarm.provider().orElseThrow())
                        .collect(Collectors.toSet()));
    }

    @Test
    void aDelegatedAdministratorHoldsTheStackSetsAndEveryCallSaysSo() {
        OfflineEngine.Run run = ConfigBuilder.stackFile("org").edit("memberBaseline", baseline -> {
            baseline.getAsJsonObject().addProperty("callAs", "DELEGATED_ADMIN");
            baseline.getAsJsonObject().addProperty("delegatedAdministrator", "222222222222");
        }).run();
        assertEquals(List.of(), run.errors());
        for (PlannedResource resource : Deployments.ofType(run, StackSet.class)) {
            assertEquals(new ProviderTarget("222222222222", "eu-central-1"), resource.provider().orElseThrow());
            assertEquals("DELEGATED_ADMIN", resource.input("callAs"));
        }
        Deployments.ofType(run, StackSetInstance.class).forEach(instance -> {
            assertEquals("DELEGATED_ADMIN", instance.input("callAs"), instance.name());
            assertEquals("222222222222", instance.provider().orElseThrow().account(), instance.name());
        });
    }

    @Test
    void registrationsDoNotGrowWithTheAccountsInTheOus() {
        int listed = ConfigBuilder.stackFile("org").run().resources().size();
        ConfigBuilder more = ConfigBuilder.stackFile("org").edit("accounts", accounts -> {
            for (int i = 0; i < 50; i++) {
                JsonObject account = new JsonObject();
                account.addProperty("id", String.format("6%011d", i));
                account.addProperty("name", String.format("workload-%02d", i));
                account.addProperty("organizationalUnit", UNITS.get(1));
                ((JsonArray) accounts).add(account);
            }
        });
        assertEquals(listed, more.run().resources().size());
    }

    private static Set<String> accountsWith(OfflineEngine.Run run, Class<? extends com.pulumi.resources.CustomResource> type) {
        return Deployments.ofType(run, type).stream().map(resource -> resource.provider().orElseThrow().account())
                .collect(Collectors.toSet());
    }
}

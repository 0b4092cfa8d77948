package io.github.deletionguard;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.resources.CustomResource;
import io.github.deletionguard.accounts.AccountGuard;
import io.github.deletionguard.securityaccount.CriticalVault;
import io.github.deletionguard.config.AlarmMode;
import com.google.gson.Gson;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An organization split into a central stack and per-OU stacks that share one account list. */
class StackSplitTest {
    private static final String WORKLOAD_OU = "ou-ab12-workload";
    private static final String CORE_OU = "ou-ab12-corecore1";

    /** The sample organization with its workload in its own OU, deployed by a stack of the given scope. */
    private static GuardConfig scoped(List<String> units, boolean ownsCentralResources) {
        return ConfigBuilder.sample()
                .edit("accounts", accounts -> {
                    entry(accounts, 0).addProperty("organizationalUnit", CORE_OU);
                    entry(accounts, 1).addProperty("organizationalUnit", CORE_OU);
                    entry(accounts, 2).addProperty("organizationalUnit", WORKLOAD_OU);
                })
                .set("stackScope", new Gson().toJson(Map.of("organizationalUnits", units, "ownsCentralResources", ownsCentralResources)))
                .load();
    }

    private static Set<String> accountGuards(OfflineEngine.Run run) {
        return Deployments.components(run, AccountGuard.TYPE).stream().map(PlannedResource::name)
                .collect(Collectors.toSet());
    }

    @Test
    void anOuStackGuardsItsAccountsAndLeavesTheCentralResourcesToTheCentralStack() {
        OfflineEngine.Run ouStack = Deployments.of(scoped(List.of(WORKLOAD_OU), false));

        assertEquals(Set.of("workload"), accountGuards(ouStack));
        assertEquals(List.of(), Deployments.ofType(ouStack, Topic.class));
        assertEquals(List.of(), Deployments.components(ouStack, CriticalVault.TYPE));
        for (PlannedResource resource : ouStack.resources()) {
            resource.provider().ifPresent(target -> assertEquals(ConfigBuilder.WORKLOAD_ID, target.account(), resource.urn()));
        }
    }

    @Test
    void theCentralStackOwnsTheHubWhoseArnsTheOuStacksUse() {
        OfflineEngine.Run central = Deployments.of(scoped(List.of(CORE_OU), true));
        OfflineEngine.Run ouStack = Deployments.of(scoped(List.of(WORKLOAD_OU), false));

        assertEquals(Set.of("management", "security"), accountGuards(central));
        assertEquals(central.outputs().get("notificationTopicArns"), ouStack.outputs().get("notificationTopicArns"));
        assertEquals(central.outputs().get("centralEventBusArn"), ouStack.outputs().get("centralEventBusArn"),
                "the OU stacks forward to the central stack's event bus");
        String topicPolicy = Deployments.ofType(central, TopicPolicy.class).get(0).input("policy");
        assertTrue(topicPolicy.contains(ConfigBuilder.WORKLOAD_ID), "the central hub admits the OU stacks' accounts too");
    }

    @Test
    void splittingChangesNoResourceOfAGuardedAccount() {
        OfflineEngine.Run whole = Deployments.of(scoped(List.of(), true));
        OfflineEngine.Run ouStack = Deployments.of(scoped(List.of(WORKLOAD_OU), false));

        Set<String> workloadInWhole = whole.resources().stream().map(PlannedResource::urn)
                .filter(urn -> urn.contains("::workload")).collect(Collectors.toSet());
        Set<String> workloadInSplit = ouStack.resources().stream().map(PlannedResource::urn)
                .filter(urn -> urn.contains("::workload")).collect(Collectors.toSet());
        assertEquals(workloadInWhole, workloadInSplit, "moving accounts to an OU stack keeps their logical names");
    }
}

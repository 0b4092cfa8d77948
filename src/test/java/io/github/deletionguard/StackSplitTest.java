package io.github.deletionguard;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.resources.CustomResource;
import io.github.deletionguard.accounts.AccountGuard;
import io.github.deletionguard.securityaccount.CriticalVault;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.StackScope;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.SampleConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An organization split into a central stack and per-OU stacks that share one account list. */
class StackSplitTest {
    private static final String WORKLOAD_OU = "ou-ab12-workload";

    private static GuardConfig scoped(StackScope scope) {
        GuardConfig config = SampleConfigs.small(AlarmMode.ANY_DELETION);
        List<MemberAccount> withUnits = config.accounts().stream()
                .map(member -> new MemberAccount(member.account(), member.regions(), member.cloudTrailLogGroup(),
                        Optional.of(member.name().equals("workload") ? WORKLOAD_OU : "ou-ab12-corecore1")))
                .toList();
        GuardConfig base = config.withAccounts(withUnits);
        return new GuardConfig(base.alarmMode(), base.resourcePrefix(), base.defaultRegions(), base.organization(),
                base.securityAccount(), base.accounts(), base.alarmSettingsByMode(), base.criticalResources(),
                base.serviceControlPolicy(), scope, base.remediation());
    }

    private static Set<String> accountGuards(OfflineEngine.Run run) {
        return Deployments.components(run, AccountGuard.TYPE).stream().map(PlannedResource::name)
                .collect(Collectors.toSet());
    }

    @Test
    void anOuStackGuardsItsAccountsAndLeavesTheCentralResourcesToTheCentralStack() {
        OfflineEngine.Run ouStack = Deployments.of(scoped(new StackScope(List.of(WORKLOAD_OU), List.of(), false)));

        assertEquals(Set.of("workload"), accountGuards(ouStack));
        assertEquals(List.of(), Deployments.ofType(ouStack, Topic.class));
        assertEquals(List.of(), Deployments.components(ouStack, CriticalVault.TYPE));
        for (PlannedResource resource : ouStack.resources()) {
            resource.provider().ifPresent(target -> assertEquals(SampleConfigs.WORKLOAD_ID, target.account(), resource.urn()));
        }
    }

    @Test
    void theCentralStackOwnsTheHubWhoseArnsTheOuStacksUse() {
        OfflineEngine.Run central = Deployments.of(scoped(new StackScope(List.of("ou-ab12-corecore1"), List.of(), true)));
        OfflineEngine.Run ouStack = Deployments.of(scoped(new StackScope(List.of(WORKLOAD_OU), List.of(), false)));

        assertEquals(Set.of("management", "security"), accountGuards(central));
        assertEquals(central.outputs().get("notificationTopicArns"), ouStack.outputs().get("notificationTopicArns"));
        assertEquals(central.outputs().get("centralEventBusArn"), ouStack.outputs().get("centralEventBusArn"),
                "the OU stacks forward to the central stack's event bus");
        String topicPolicy = Deployments.ofType(central, TopicPolicy.class).get(0).input("policy");
        assertTrue(topicPolicy.contains(SampleConfigs.WORKLOAD_ID), "the central hub admits the OU stacks' accounts too");
    }

    @Test
    void splittingChangesNoResourceOfAGuardedAccount() {
        OfflineEngine.Run whole = Deployments.of(scoped(StackScope.wholeOrganization()));
        OfflineEngine.Run ouStack = Deployments.of(scoped(new StackScope(List.of(WORKLOAD_OU), List.of(), false)));

        Set<String> workloadInWhole = whole.resources().stream().map(PlannedResource::urn)
                .filter(urn -> urn.contains("::workload")).collect(Collectors.toSet());
        Set<String> workloadInSplit = ouStack.resources().stream().map(PlannedResource::urn)
                .filter(urn -> urn.contains("::workload")).collect(Collectors.toSet());
        assertEquals(workloadInWhole, workloadInSplit, "moving accounts to an OU stack keeps their logical names");
    }
}

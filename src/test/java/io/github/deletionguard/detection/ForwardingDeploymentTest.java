package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventBus;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventRule;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.MANAGEMENT_ID;
import static io.github.deletionguard.testing.ConfigBuilder.SECURITY_ID;
import static io.github.deletionguard.testing.ConfigBuilder.WORKLOAD_ID;
import static io.github.deletionguard.testing.PlannedResources.at;
import static io.github.deletionguard.testing.PlannedResources.only;
import static io.github.deletionguard.testing.PlannedResources.onlyOne;
import static io.github.deletionguard.testing.PlannedResources.onlyTargetOf;
import static io.github.deletionguard.testing.PlannedResources.transformerPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under mocks, per mode: the forwarding rules and targets in every account and region of the
 * sample model, and the central bus with its rules, input transformers and policy.
 */
class ForwardingDeploymentTest {
    private static final String HOME = "eu-central-1";
    private static final List<String> ACCOUNTS = List.of(MANAGEMENT_ID, SECURITY_ID, WORKLOAD_ID);
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1");
    private static final String CENTRAL_BUS = "arn:aws:events:eu-central-1:" + SECURITY_ID + ":event-bus/deletion-guard-deletion-events";

    @Test
    void everyAccountRegionForwardsToTheCentralBusThroughItsAccountsRole() {
        for (AlarmMode mode : AlarmMode.values()) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().alarmMode(mode).load());
            PreparedForwarding forwarding = forwarding(mode, RemediationSettings.off());
            assertEquals(List.of("deletion-guard-forward-deletion-events", "deletion-guard-forward-key-events",
                    "deletion-guard-forward-guardrail-events", "deletion-guard-forward-monitoring-events"),
                    forwarding.regionalRules().stream().map(PreparedForwarding.MemberRule::name).toList());
            assertEquals(List.of("deletion-guard-forward-global-events"),
                    forwarding.globalServiceRules().stream().map(PreparedForwarding.MemberRule::name).toList());
            for (String account : ACCOUNTS) {
                for (String region : REGIONS) {
                    assertForwards(run, new ProviderTarget(account, region), forwarding.regionalRules());
                }
                // The sample's regions lack us-east-1, where the global services' events arrive.
                assertForwards(run, new ProviderTarget(account, "us-east-1"), forwarding.globalServiceRules());
            }
        }
    }

    private static void assertForwards(OfflineEngine.Run run, ProviderTarget target, List<PreparedForwarding.MemberRule> rules) {
        Set<String> expected = rules.stream().map(PreparedForwarding.MemberRule::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> deployed = at(run, EventRule.class, target).stream().filter(rule -> rule.input("eventBusName") == null)
                .map(rule -> rule.input("name")).filter(name -> name.contains("-forward-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, deployed, target.toString());
        for (PreparedForwarding.MemberRule prepared : rules) {
            PlannedResource rule = only(run, EventRule.class, target, prepared.name());
            assertEquals(prepared.state().name(), rule.input("state"));
            assertEquals(prepared.pattern(), rule.input("eventPattern"));
            PlannedResource toBus = onlyTargetOf(run, target, prepared.name());
            assertEquals(CENTRAL_BUS, toBus.input("arn"));
            assertEquals("arn:aws:iam::" + target.account() + ":role/deletion-guard-event-forwarding", toBus.input("roleArn"));
        }
    }

    @Test
    void theCentralBusHasOneRulePerNotifiedKindPublishingToTheHomeHubTopic() {
        for (AlarmMode mode : AlarmMode.values()) {
            RemediationSettings settings = new RemediationSettings(true, true);
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().alarmMode(mode).remediation(settings).load());
            PreparedForwarding forwarding = forwarding(mode, settings);
            ProviderTarget home = new ProviderTarget(SECURITY_ID, HOME);
            only(run, EventBus.class, home, "deletion-guard-deletion-events");
            PlannedResource busPolicy = Deployments.ofType(run, EventBusPolicy.class).stream()
                    .collect(onlyOne());
            assertEquals(forwarding.busPolicy(), busPolicy.input("policy"));
            assertEquals(home, busPolicy.provider().orElseThrow());

            List<PlannedResource> centralRules = at(run, EventRule.class, home).stream()
                    .filter(rule -> "deletion-guard-deletion-events".equals(rule.input("eventBusName"))).toList();
            Set<String> kinds = forwarding.centralRules().stream().map(rule -> "deletion-guard-notify-" + rule.kind().id())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(kinds, centralRules.stream().map(rule -> rule.input("name")).collect(Collectors.toCollection(TreeSet::new)));
            // Forwarded read-only calls are still read-only calls: only their rules need the wider state.
            assertEquals(Set.of("deletion-guard-notify-key-pending-use", "deletion-guard-notify-secret-pending-access",
                            "deletion-guard-notify-key-pending-import-use"),
                    centralRules.stream().filter(rule -> "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS".equals(rule.input("state")))
                            .map(rule -> rule.input("name")).collect(Collectors.toSet()));
            centralRules.stream().filter(rule -> !rule.input("name").contains("pending"))
                    .forEach(rule -> assertEquals("ENABLED", rule.input("state"), rule.input("name")));
            for (PreparedForwarding.CentralRule central : forwarding.centralRules()) {
                PlannedResource rule = only(run, EventRule.class, home, central.name());
                assertEquals(central.pattern(), rule.input("eventPattern"));
                PlannedResource target = onlyTargetOf(run, home, central.name());
                if (central.message().isEmpty()) {
                    assertEquals(NotifiedEvent.Delivery.COUNTED, central.kind().delivery());
                    assertEquals(null, target.inputs().get("inputTransformer"), central.name());
                    assertEquals("arn:aws:logs:eu-central-1:" + SECURITY_ID + ":log-group:/aws/events/deletion-guard-denied-calls",
                            target.input("arn"), central.name());
                    continue;
                }
                assertEquals("arn:aws:sns:eu-central-1:" + SECURITY_ID + ":deletion-guard-notifications", target.input("arn"));
                JsonObject transformer = target.inputs().getAsJsonObject("inputTransformer");
                assertEquals(central.message().get().inputTemplate(), transformer.get("inputTemplate").getAsString());
                assertEquals(new TreeMap<>(central.message().get().inputPaths()), transformerPaths(transformer));
            }
        }
    }

    private static PreparedForwarding forwarding(AlarmMode mode, RemediationSettings settings) {
        return PreparedForwarding.prepare(ConfigBuilder.sample().alarmMode(mode).remediation(settings).load(), PolicyFiles.inProjectRoot(),
                settings.anyEnabled() ? Optional.of("deletion-guard-remediate-deletion") : Optional.empty());
    }
}

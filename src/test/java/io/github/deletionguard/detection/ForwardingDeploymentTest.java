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
            for (String account : ACCOUNTS) {
                for (String region : REGIONS) {
                    ProviderTarget target = new ProviderTarget(account, region);
                    PlannedResource rule = only(run, EventRule.class, target, "deletion-guard-forward-deletion-events");
                    assertEquals("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", rule.input("state"));
                    assertEquals(forwarding.forwardingPattern(), rule.input("eventPattern"));
                    PlannedResource toBus = onlyTargetOf(run, target, "deletion-guard-forward-deletion-events");
                    assertEquals(CENTRAL_BUS, toBus.input("arn"));
                    assertEquals("arn:aws:iam::" + account + ":role/deletion-guard-event-forwarding", toBus.input("roleArn"));
                }
            }
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
            Set<String> kinds = NotifiedEvent.forMode(mode, new NotifiedEvent.Scope(
                    List.of("deletion-guard-kms-key-pending-deletion-use"), Optional.of("deletion-guard-remediate-deletion")))
                    .stream().map(kind -> "deletion-guard-notify-" + kind.id()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(kinds, centralRules.stream().map(rule -> rule.input("name")).collect(Collectors.toCollection(TreeSet::new)));
            // Forwarded read-only calls are still read-only calls: only their rules need the wider state.
            assertEquals(Set.of("deletion-guard-notify-key-pending-use", "deletion-guard-notify-secret-pending-access"),
                    centralRules.stream().filter(rule -> "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS".equals(rule.input("state")))
                            .map(rule -> rule.input("name")).collect(Collectors.toSet()));
            centralRules.stream().filter(rule -> !rule.input("name").contains("pending"))
                    .forEach(rule -> assertEquals("ENABLED", rule.input("state"), rule.input("name")));
            for (PreparedForwarding.CentralRule central : forwarding.centralRules()) {
                PlannedResource rule = only(run, EventRule.class, home, central.name());
                assertEquals(central.pattern(), rule.input("eventPattern"));
                PlannedResource toTopic = onlyTargetOf(run, home, central.name());
                assertEquals("arn:aws:sns:eu-central-1:" + SECURITY_ID + ":deletion-guard-notifications", toTopic.input("arn"));
                JsonObject transformer = toTopic.inputs().getAsJsonObject("inputTransformer");
                assertEquals(central.inputTemplate(), transformer.get("inputTemplate").getAsString());
                assertEquals(new TreeMap<>(central.inputPaths()), transformerPaths(transformer));
            }
        }
    }

    private static PreparedForwarding forwarding(AlarmMode mode, RemediationSettings settings) {
        return PreparedForwarding.prepare(ConfigBuilder.sample().alarmMode(mode).remediation(settings).load(), PolicyFiles.inProjectRoot(),
                settings.anyEnabled() ? Optional.of("deletion-guard-remediate-deletion") : Optional.empty());
    }
}

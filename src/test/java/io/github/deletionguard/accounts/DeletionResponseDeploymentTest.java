package io.github.deletionguard.accounts;

import com.pulumi.aws.cloudwatch.EventBus;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.ssm.Document;
import com.pulumi.resources.CustomResource;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.detection.NotifiedEvent;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.remediation.PreparedRemediation;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.MANAGEMENT_ID;
import static io.github.deletionguard.testing.ConfigBuilder.SECURITY_ID;
import static io.github.deletionguard.testing.ConfigBuilder.WORKLOAD_ID;
import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under mocks, per mode and remediation setting: the exact rules, targets, input transformers,
 * documents and roles in every account and region of the sample model.
 */
class DeletionResponseDeploymentTest {
    private static final Class<? extends CustomResource> RULE = EventRule.class;
    private static final Class<? extends CustomResource> TARGET = EventTarget.class;
    private static final Class<? extends CustomResource> DOCUMENT = Document.class;
    private static final Class<? extends CustomResource> ROLE = Role.class;
    private static final String HOME = "eu-central-1";
    private static final List<String> ACCOUNTS = List.of(MANAGEMENT_ID, SECURITY_ID, WORKLOAD_ID);
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1");
    private static final String CENTRAL_BUS = "arn:aws:events:eu-central-1:" + SECURITY_ID + ":event-bus/deletion-guard-deletion-events";
    private static final List<RemediationSettings> SETTINGS = List.of(RemediationSettings.off(),
            new RemediationSettings(true, false), new RemediationSettings(false, true), new RemediationSettings(true, true));

    @Test
    void everyAccountRegionForwardsToTheCentralBusThroughItsAccountsRole() {
        for (AlarmMode mode : AlarmMode.values()) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().alarmMode(mode).load());
            PreparedForwarding forwarding = forwarding(mode, RemediationSettings.off());
            for (String account : ACCOUNTS) {
                for (String region : REGIONS) {
                    ProviderTarget target = new ProviderTarget(account, region);
                    PlannedResource rule = only(run, RULE, target, "deletion-guard-forward-deletion-events");
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
    void remediationIsDeployedInEveryAccountRegionOnlyWhenSwitchedOn() {
        for (RemediationSettings settings : SETTINGS) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().remediation(settings).load());
            for (String account : ACCOUNTS) {
                for (String region : REGIONS) {
                    ProviderTarget target = new ProviderTarget(account, region);
                    List<PlannedResource> documents = at(run, DOCUMENT, target);
                    List<PlannedResource> rules = at(run, RULE, target).stream()
                            .filter(rule -> "deletion-guard-remediate-deletion".equals(rule.input("name"))).toList();
                    if (!settings.anyEnabled()) {
                        assertEquals(List.of(), documents, settings + " " + target);
                        assertEquals(List.of(), rules, settings + " " + target);
                        continue;
                    }
                    PreparedRemediation remediation = remediation(settings);
                    PlannedResource document = documents.stream().collect(onlyOne());
                    assertEquals("Automation", document.input("documentType"));
                    assertEquals("YAML", document.input("documentFormat"));
                    assertEquals(remediation.document().content(), document.input("content"));
                    PlannedResource rule = rules.stream().collect(onlyOne());
                    assertEquals("ENABLED", rule.input("state"));
                    assertEquals(remediation.pattern(account), rule.input("eventPattern"));
                    PlannedResource toAutomation = onlyTargetOf(run, target, "deletion-guard-remediate-deletion");
                    assertEquals("arn:aws:ssm:" + region + ":" + account
                            + ":automation-definition/deletion-guard-remediate-deletion:$DEFAULT", toAutomation.input("arn"));
                    assertEquals("arn:aws:iam::" + account + ":role/deletion-guard-remediation-trigger",
                            toAutomation.input("roleArn"));
                    JsonObject transformer = toAutomation.inputs().getAsJsonObject("inputTransformer");
                    assertEquals(remediation.inputTemplate(account), transformer.get("inputTemplate").getAsString());
                    assertEquals(new TreeMap<>(remediation.inputPaths()), paths(transformer));
                }
            }
        }
    }

    @Test
    void eachAccountHasItsRolesOnceThroughItsHomeRegionProvider() {
        for (RemediationSettings settings : SETTINGS) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().alarmMode(AlarmMode.ACCESS_ONLY).remediation(settings).load());
            for (String account : ACCOUNTS) {
                Map<String, PlannedResource> roles = Deployments.ofType(run, ROLE).stream()
                        .filter(role -> role.provider().orElseThrow().account().equals(account))
                        .collect(Collectors.toMap(role -> role.input("name"), role -> role));
                Set<String> expected = new TreeSet<>(Set.of("deletion-guard-event-forwarding"));
                if (settings.anyEnabled()) {
                    expected.addAll(Set.of("deletion-guard-remediation-automation", "deletion-guard-remediation-trigger"));
                }
                assertEquals(expected, new TreeSet<>(roles.keySet()), settings + " in " + account);
                roles.values().forEach(role -> {
                    assertEquals(new ProviderTarget(account, HOME), role.provider().orElseThrow(), role.name());
                    assertTrue(role.input("assumeRolePolicy").contains("\"aws:SourceAccount\":\"" + account + "\""), role.name());
                });
                if (settings.anyEnabled()) {
                    Set<String> permissions = new TreeSet<>();
                    roles.get("deletion-guard-remediation-automation").inputs().getAsJsonArray("inlinePolicies")
                            .forEach(policy -> permissions.add(policy.getAsJsonObject().get("name").getAsString()));
                    Set<String> allowed = new TreeSet<>();
                    if (settings.cancelKeyDeletion()) {
                        allowed.add("cancel-key-deletion");
                    }
                    if (settings.restoreSecret()) {
                        allowed.add("restore-secret");
                    }
                    assertEquals(allowed, permissions, "the automation role may do only what is switched on: " + settings);
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

            List<PlannedResource> centralRules = at(run, RULE, home).stream()
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
                PlannedResource rule = only(run, RULE, home, central.name());
                assertEquals(central.pattern(), rule.input("eventPattern"));
                PlannedResource toTopic = onlyTargetOf(run, home, central.name());
                assertEquals("arn:aws:sns:eu-central-1:" + SECURITY_ID + ":deletion-guard-notifications", toTopic.input("arn"));
                JsonObject transformer = toTopic.inputs().getAsJsonObject("inputTransformer");
                assertEquals(central.inputTemplate(), transformer.get("inputTemplate").getAsString());
                assertEquals(new TreeMap<>(central.inputPaths()), paths(transformer));
            }
        }
    }

    @Test
    void accountsKeepTheirIamProviderWhenRegionsAreReorderedAddedOrRemoved() {
        for (List<String> regions : List.of(List.of("eu-west-1"), List.of("us-east-1", "eu-west-1"),
                List.of("ap-south-1", "eu-west-1", "eu-central-1"))) {
            GuardConfig changed = ConfigBuilder.sample().remediation(new RemediationSettings(true, true))
                    .set("regions", new Gson().toJson(regions))
                    .edit("accounts", accounts -> entry(accounts, 0).remove("cloudTrailLogGroup"))
                    .load();
            OfflineEngine.Run run = Deployments.of(changed);
            for (PlannedResource role : Deployments.ofType(run, Role.class)) {
                assertEquals(HOME, role.provider().orElseThrow().region(), role.name() + " with regions " + regions);
            }
        }
    }

    private static PreparedForwarding forwarding(AlarmMode mode, RemediationSettings settings) {
        return PreparedForwarding.prepare(ConfigBuilder.sample().alarmMode(mode).remediation(settings).load(), PolicyFiles.inProjectRoot(),
                settings.anyEnabled() ? Optional.of("deletion-guard-remediate-deletion") : Optional.empty());
    }

    private static PreparedRemediation remediation(RemediationSettings settings) {
        return PreparedRemediation.prepare(ConfigBuilder.sample().remediation(settings).load(), PolicyFiles.inProjectRoot())
                .orElseThrow();
    }

    private static List<PlannedResource> at(OfflineEngine.Run run, Class<? extends CustomResource> type, ProviderTarget target) {
        return Deployments.ofType(run, type).stream()
                .filter(resource -> resource.provider().orElseThrow().equals(target)).toList();
    }

    private static PlannedResource only(OfflineEngine.Run run, Class<? extends CustomResource> type, ProviderTarget target, String physicalName) {
        return at(run, type, target).stream().filter(resource -> physicalName.equals(resource.input("name")))
                .collect(onlyOne());
    }

    private static PlannedResource onlyTargetOf(OfflineEngine.Run run, ProviderTarget target, String ruleName) {
        return at(run, TARGET, target).stream().filter(resource -> ruleName.equals(resource.input("rule")))
                .collect(onlyOne());
    }

    private static Map<String, String> paths(JsonObject transformer) {
        Map<String, String> paths = new TreeMap<>();
        transformer.getAsJsonObject("inputPaths").entrySet()
                .forEach(entry -> paths.put(entry.getKey(), entry.getValue().getAsString()));
        return paths;
    }

    private static java.util.stream.Collector<PlannedResource, ?, PlannedResource> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertEquals(1, list.size(), "expected exactly one, found " + list.stream().map(PlannedResource::name).toList());
            return list.get(0);
        });
    }
}

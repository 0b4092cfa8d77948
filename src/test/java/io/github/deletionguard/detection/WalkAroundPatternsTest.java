package io.github.deletionguard.detection;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.awsapi.AwsService;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.CloudTrailSamples;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.github.deletionguard.detection.NotifiedEvent.*;
import static io.github.deletionguard.testing.ConfigBuilder.SECURITY_ID;
import static io.github.deletionguard.testing.ConfigBuilder.WORKLOAD_ID;
import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways around the guard that destroy a key or secret without deleting it, or blind the
 * guard, as CloudTrail records them (src/test/resources/cloudtrail/, README per file), through
 * AWS's Event Ruler against the deployed patterns: which central rule notifies each in each mode,
 * that exactly the forwarding rule of its concern carries it, in a region where that rule is
 * deployed, and that the near misses reach nobody.
 */
class WalkAroundPatternsTest {
    /** The sample organization's trail log group, which the samples' log calls are made to name. */
    private static final String TRAIL_LOG_GROUP = "aws-controltower/CloudTrailLogs";

    /** What each event notifies in any-deletion mode; absent: nothing. */
    private static final Map<String, NotifiedEvent> ANY_DELETION = new LinkedHashMap<>();
    /** What access-only mode notifies differently; null: nothing. */
    private static final Map<String, NotifiedEvent> ACCESS_ONLY_DIFFERENCES = new LinkedHashMap<>();

    static {
        ANY_DELETION.put("kms/put-key-policy-bypass.json", KEY_POLICY_LOCKOUT);
        ANY_DELETION.put("kms/create-key-bypass.json", KEY_POLICY_LOCKOUT);
        ANY_DELETION.put("kms/put-key-policy.json", KEY_POLICY_CHANGE);
        ACCESS_ONLY_DIFFERENCES.put("kms/put-key-policy.json", null);
        ANY_DELETION.put("PutKeyPolicy on a key of the security account", CRITICAL_KEY_POLICY_CHANGE);
        ANY_DELETION.put("PutKeyPolicy with the bypass on a key of the security account", KEY_POLICY_LOCKOUT);
        ANY_DELETION.put("kms/import-key-material-expires.json", KEY_MATERIAL_EXPIRES);
        ANY_DELETION.put("service-events/kms-imported-key-material-expiration.json", KEY_MATERIAL_EXPIRED);
        ANY_DELETION.put("kms/decrypt-key-pending-import.json", KEY_PENDING_IMPORT_USE);
        ANY_DELETION.put("kms/disconnect-custom-key-store.json", CUSTOM_KEY_STORE_REMOVAL);
        ANY_DELETION.put("kms/delete-custom-key-store.json", CUSTOM_KEY_STORE_REMOVAL);
        ANY_DELETION.put("kms/schedule-key-deletion-denied-by-scp.json", KEY_DELETION_FAILED);
        ACCESS_ONLY_DIFFERENCES.put("kms/schedule-key-deletion-denied-by-scp.json", null);
        ANY_DELETION.put("cloudhsm/delete-hsm.json", CLOUDHSM_DELETION);
        ANY_DELETION.put("cloudhsm/delete-cluster.json", CLOUDHSM_DELETION);
        ANY_DELETION.put("cloudhsm/delete-backup.json", CLOUDHSM_DELETION);
        ANY_DELETION.put("secretsmanager/remove-regions-from-replication.json", SECRET_REPLICA_REMOVAL);
        ANY_DELETION.put("secretsmanager/stop-replication-to-replica.json", SECRET_REPLICA_REMOVAL);
        ANY_DELETION.put("PutResourcePolicy on a secret of the security account", CRITICAL_SECRET_POLICY_CHANGE);
        ANY_DELETION.put("DeleteResourcePolicy on a secret of the security account", CRITICAL_SECRET_POLICY_CHANGE);
        ANY_DELETION.put("cloudtrail/stop-logging.json", TRAIL_TAMPERING);
        ANY_DELETION.put("cloudtrail/delete-trail.json", TRAIL_TAMPERING);
        ANY_DELETION.put("cloudtrail/update-trail.json", TRAIL_TAMPERING);
        ANY_DELETION.put("cloudtrail/put-event-selectors.json", TRAIL_TAMPERING);
        ANY_DELETION.put("events/disable-rule.json", RULE_TAMPERING);
        ANY_DELETION.put("events/delete-rule.json", RULE_TAMPERING);
        ANY_DELETION.put("events/put-rule.json", RULE_TAMPERING);
        ANY_DELETION.put("events/remove-targets.json", RULE_TAMPERING);
        ANY_DELETION.put("events/remove-permission.json", RULE_TAMPERING);
        ANY_DELETION.put("events/delete-event-bus.json", RULE_TAMPERING);
        ANY_DELETION.put("sns/set-subscription-attributes.json", TOPIC_TAMPERING);
        ANY_DELETION.put("sns/unsubscribe.json", TOPIC_TAMPERING);
        ANY_DELETION.put("sns/set-topic-attributes.json", TOPIC_TAMPERING);
        ANY_DELETION.put("ssm/delete-document.json", DOCUMENT_TAMPERING);
        ANY_DELETION.put("ssm/update-document.json", DOCUMENT_TAMPERING);
        ANY_DELETION.put("cloudwatch/delete-alarms.json", ALARM_TAMPERING);
        ANY_DELETION.put("cloudwatch/disable-alarm-actions.json", ALARM_TAMPERING);
        ANY_DELETION.put("logs/delete-metric-filter.json", LOG_TAMPERING);
        ANY_DELETION.put("logs/delete-log-group.json", LOG_TAMPERING);
        ANY_DELETION.put("logs/put-retention-policy.json", LOG_TAMPERING);
        ANY_DELETION.put("logs/associate-kms-key.json", LOG_TAMPERING);
        ANY_DELETION.put("iam/create-role-break-glass.json", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("iam/update-assume-role-policy.json", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("iam/put-role-policy.json", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("iam/attach-role-policy.json", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("CreateRole of the deployment role's name", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("PutRolePolicy on deletion-guard's forwarding role", GUARD_ROLE_CHANGE);
        ANY_DELETION.put("sts/assume-role-break-glass.json", BREAK_GLASS_SESSION);
        ANY_DELETION.put("AssumeRole of break-glass /emergency/IncidentResponder", BREAK_GLASS_SESSION);
        ANY_DELETION.put("organizations/detach-policy.json", ORGANIZATION_POLICY_CHANGE);
        ANY_DELETION.put("organizations/update-policy.json", ORGANIZATION_POLICY_CHANGE);
        ANY_DELETION.put("organizations/delete-policy.json", ORGANIZATION_POLICY_CHANGE);
        ANY_DELETION.put("organizations/disable-policy-type.json", ORGANIZATION_POLICY_CHANGE);
        ANY_DELETION.put("organizations/leave-organization.json", LEAVE_ORGANIZATION);
    }

    /** Each near miss must reach no central rule and no forwarding rule in either mode. */
    private static final List<String> NEAR_MISSES = List.of(
            "decrypt-success.json",
            "ImportKeyMaterial without an expiry",
            "PutResourcePolicy on a secret of a member account",
            "CreateRole of an unrelated name",
            "PutRule on someone else's rule",
            "DisableRule on someone else's rule",
            "RemoveTargets from someone else's rule",
            "Unsubscribe from someone else's topic",
            "DeleteLogGroup of someone else's log group",
            "DeleteAlarms of someone else's alarm",
            "AssumeRole of an ordinary role",
            "AssumeRole of IncidentResponder outside its /emergency/ path",
            "StopLogging denied");

    @Test
    void anyDeletionModeNotifiesEveryWalkAround() {
        assertNotifications(AlarmMode.ANY_DELETION, ANY_DELETION);
    }

    @Test
    void accessOnlyModeNotifiesTheWalkAroundsThatDestroyOrBlindButNotOrdinaryKeyPolicyChanges() {
        Map<String, NotifiedEvent> accessOnly = new LinkedHashMap<>(ANY_DELETION);
        ACCESS_ONLY_DIFFERENCES.forEach((name, kind) -> {
            if (kind == null) {
                accessOnly.remove(name);
            } else {
                accessOnly.put(name, kind);
            }
        });
        assertNotifications(AlarmMode.ACCESS_ONLY, accessOnly);
    }

    @Test
    void everyMessageSaysWhereWhoAndWhatToDo() {
        PreparedForwarding forwarding = forwarding(AlarmMode.ANY_DELETION);
        Map<String, JsonObject> events = events();
        for (Map.Entry<String, NotifiedEvent> expected : ANY_DELETION.entrySet()) {
            JsonObject event = events.get(expected.getKey());
            Optional<PreparedForwarding.Message> template = forwarding.centralRules().stream()
                    .filter(rule -> rule.kind() == expected.getValue()).findFirst().orElseThrow().message();
            if (template.isEmpty()) {
                continue;
            }
            String message = InputTransformer.message(template.get().inputPaths(), template.get().inputTemplate(), event);
            assertTrue(message.startsWith("deletion-guard " + expected.getValue().severity() + ": "), message);
            assertTrue(message.contains(event.get("account").getAsString()), expected.getKey() + ": " + message);
            assertTrue(message.contains("(" + event.get("region").getAsString()), expected.getKey() + ": " + message);
            if (event.has("detail") && event.getAsJsonObject("detail").has("userIdentity")) {
                JsonObject identity = event.getAsJsonObject("detail").getAsJsonObject("userIdentity");
                String caller = identity.has("arn") ? identity.get("arn").getAsString() : "";
                assertTrue(message.contains("called by " + caller) || message.contains("by " + caller),
                        expected.getKey() + ": " + message);
            }
        }
        String lockout = message(forwarding, KEY_POLICY_LOCKOUT, events.get("kms/put-key-policy-bypass.json"));
        assertEquals("deletion-guard CRITICAL: PutKeyPolicy with the key policy lock-out safety check bypassed on KMS key"
                + " arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab in account"
                + " 111122223333 (eu-central-1) at 2026-11-20T09:00:01Z, called by arn:aws:sts::111122223333:assumed-role/Admin/alice."
                + " A key nobody can administer or use is as lost as a deleted one: check the new policy (CloudTrail event"
                + " 9f8e7d6c-5b4a-4392-8170-000000000001) and restore a policy that keeps the account's administrators,"
                + " while someone still can.", lockout);
        String glass = message(forwarding, BREAK_GLASS_SESSION, events.get("sts/assume-role-break-glass.json"));
        assertTrue(glass.contains("break-glass role arn:aws:iam::111122223333:role/BreakGlassAdmin started"), glass);
    }

    private static void assertNotifications(AlarmMode mode, Map<String, NotifiedEvent> expected) {
        PreparedForwarding forwarding = forwarding(mode);
        Map<String, String> centralPatterns = new TreeMap<>();
        forwarding.centralRules().forEach(rule -> centralPatterns.put(rule.kind().name(), rule.pattern()));
        Map<String, String> forwardingPatterns = new TreeMap<>();
        forwarding.memberRules().forEach(rule -> forwardingPatterns.put(rule.concern().name(), rule.pattern()));
        Map<String, String> actual = new LinkedHashMap<>();
        events().forEach((name, event) -> {
            Set<String> central = EventRuleMatcher.matching(centralPatterns, event);
            assertTrue(central.size() <= 1, name + " reaches several central rules: " + central);
            Set<String> forwardedBy = EventRuleMatcher.matching(forwardingPatterns, event);
            if (central.isEmpty()) {
                assertEquals(Set.of(), forwardedBy, name + " is forwarded but notifies nobody");
                return;
            }
            NotifiedEvent kind = NotifiedEvent.valueOf(central.iterator().next());
            assertEquals(Set.of(kind.forwardingRule().name()), forwardedBy, name + ": carried by its concern's rule only");
            String region = event.get("region").getAsString();
            assertTrue(kind.forwardingRule().regions(List.of("eu-central-1", "eu-west-1", region)).contains(region),
                    name + " arrives in " + region + ", where its forwarding rule is deployed");
            if (kind.forwardingRule().globalServices()) {
                assertEquals(AwsService.GLOBAL_EVENTS_REGION, region, name + ": global services deliver in us-east-1");
            }
            actual.put(name, kind.name());
        });
        Map<String, String> expectedNames = new LinkedHashMap<>();
        expected.forEach((name, kind) -> expectedNames.put(name, kind.name()));
        assertEquals(expectedNames, actual);
        NEAR_MISSES.forEach(name -> assertFalse(actual.containsKey(name), name));
    }

    /** Every sample, the variants that put one in the sample organization, and the near misses. */
    private static Map<String, JsonObject> events() {
        Map<String, JsonObject> events = new LinkedHashMap<>();
        ANY_DELETION.keySet().stream().filter(name -> name.endsWith(".json")).forEach(file -> events.put(file,
                file.startsWith("service-events/") ? CloudTrailSamples.record(file) : apiCall(inSampleOrganization(file))));
        events.put("PutKeyPolicy on a key of the security account", inSecurityAccount("kms/put-key-policy.json"));
        events.put("PutKeyPolicy with the bypass on a key of the security account", inSecurityAccount("kms/put-key-policy-bypass.json"));
        events.put("PutResourcePolicy on a secret of the security account", inSecurityAccount("secretsmanager/put-resource-policy.json"));
        events.put("DeleteResourcePolicy on a secret of the security account",
                inSecurityAccount("secretsmanager/delete-resource-policy.json"));
        events.put("CreateRole of the deployment role's name", variant("iam/create-role-break-glass.json",
                record -> parameters(record).addProperty("roleName", "OrganizationAccountAccessRole")));
        events.put("PutRolePolicy on deletion-guard's forwarding role", variant("iam/put-role-policy.json",
                record -> parameters(record).addProperty("roleName", "deletion-guard-event-forwarding")));
        events.put("AssumeRole of break-glass /emergency/IncidentResponder", variant("sts/assume-role-break-glass.json",
                record -> parameters(record).addProperty("roleArn", "arn:aws:iam::111122223333:role/emergency/IncidentResponder")));

        events.put("decrypt-success.json", apiCall(CloudTrailSamples.record("decrypt-success.json")));
        events.put("ImportKeyMaterial without an expiry", variant("kms/import-key-material-expires.json",
                record -> parameters(record).addProperty("expirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE")));
        events.put("PutResourcePolicy on a secret of a member account", variant("secretsmanager/put-resource-policy.json", record -> { }));
        events.put("CreateRole of an unrelated name", variant("iam/create-role-break-glass.json",
                record -> parameters(record).addProperty("roleName", "payments-batch")));
        events.put("PutRule on someone else's rule", variant("events/put-rule.json",
                record -> parameters(record).addProperty("name", "payments-orders-to-queue")));
        events.put("DisableRule on someone else's rule", variant("events/disable-rule.json",
                record -> parameters(record).addProperty("name", "AutoScalingManagedRule")));
        events.put("RemoveTargets from someone else's rule", variant("events/remove-targets.json",
                record -> parameters(record).addProperty("rule", "payments-orders-to-queue")));
        events.put("Unsubscribe from someone else's topic", variant("sns/unsubscribe.json",
                record -> parameters(record).addProperty("subscriptionArn",
                        "arn:aws:sns:eu-central-1:444455556666:payments-alerts:5d5b3c4e-1f2a-4b3c-8d9e-0f1a2b3c4d5e")));
        events.put("DeleteLogGroup of someone else's log group", variant("logs/delete-log-group.json",
                record -> parameters(record).addProperty("logGroupName", "/aws/lambda/payments-api")));
        events.put("DeleteAlarms of someone else's alarm", variant("cloudwatch/delete-alarms.json", record -> {
            JsonArray names = new JsonArray();
            names.add(new JsonPrimitive("payments-api-5xx"));
            parameters(record).add("alarmNames", names);
        }));
        events.put("AssumeRole of an ordinary role", variant("sts/assume-role-break-glass.json",
                record -> parameters(record).addProperty("roleArn", "arn:aws:iam::111122223333:role/PaymentsDeployer")));
        events.put("AssumeRole of IncidentResponder outside its /emergency/ path", variant("sts/assume-role-break-glass.json",
                record -> parameters(record).addProperty("roleArn", "arn:aws:iam::111122223333:role/IncidentResponder")));
        events.put("StopLogging denied", variant("cloudtrail/stop-logging.json", record -> {
            record.addProperty("errorCode", "AccessDenied");
            record.addProperty("errorMessage", "User: arn:aws:sts::123456789012:assumed-role/Admin/alice is not authorized"
                    + " to perform: cloudtrail:StopLogging with an explicit deny in a service control policy");
        }));
        return events;
    }

    /** The log calls name the sample organization's trail log group, which the pattern watches by name. */
    private static JsonObject inSampleOrganization(String file) {
        JsonObject record = CloudTrailSamples.record(file);
        if (file.startsWith("logs/")) {
            parameters(record).addProperty("logGroupName", TRAIL_LOG_GROUP);
        }
        return record;
    }

    private static JsonObject inSecurityAccount(String file) {
        return apiCall(CloudTrailSamples.variant(file, record -> {
            String text = record.toString().replace("111122223333", SECURITY_ID);
            com.google.gson.JsonParser.parseString(text).getAsJsonObject().entrySet()
                    .forEach(entry -> record.add(entry.getKey(), entry.getValue()));
        }));
    }

    private static JsonObject variant(String file, Consumer<JsonObject> change) {
        return apiCall(CloudTrailSamples.variant(file, record -> {
            JsonObject sampleOrganization = inSampleOrganization(file);
            sampleOrganization.entrySet().forEach(entry -> record.add(entry.getKey(), entry.getValue()));
            change.accept(record);
        }));
    }

    private static JsonObject parameters(JsonObject record) {
        return record.getAsJsonObject("requestParameters");
    }

    private static String message(PreparedForwarding forwarding, NotifiedEvent kind, JsonObject event) {
        PreparedForwarding.Message template = forwarding.centralRules().stream().filter(rule -> rule.kind() == kind)
                .findFirst().orElseThrow().message().orElseThrow();
        return InputTransformer.message(template.inputPaths(), template.inputTemplate(), event);
    }

    private static PreparedForwarding forwarding(AlarmMode mode) {
        return PreparedForwarding.prepare(ConfigBuilder.sample().alarmMode(mode).set("criticalKeys",
                        "[{\"alias\":\"alias/payments-data\",\"description\":\"Payment records\"}]")
                        .set("criticalSecrets", "[{\"name\":\"payments/db-master\",\"description\":\"Database\","
                                + "\"key\":\"alias/payments-data\",\"readers\":[\"" + WORKLOAD_ID + "\"]}]").load(),
                PolicyFiles.inProjectRoot(), Optional.empty());
    }
}

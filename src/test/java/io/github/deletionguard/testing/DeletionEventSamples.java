package io.github.deletionguard.testing;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.deletionguard.testing.EventBridgeEvents.alarmStateChange;
import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static io.github.deletionguard.testing.EventBridgeEvents.automationStatusChange;
import static io.github.deletionguard.testing.EventBridgeEvents.calledByRole;
import static io.github.deletionguard.testing.EventBridgeEvents.cloudTrailRecord;
import static io.github.deletionguard.testing.EventBridgeEvents.failedWith;

/**
 * The events the rules are proven against, by name: the shared CloudTrail samples, variants of
 * them (other callers, outcomes, key identifiers) and the near misses the rules must ignore.
 * Break-glass roles are those of {@link ConfigBuilder#sample()}: BreakGlassAdmin and /emergency/IncidentResponder.
 */
public final class DeletionEventSamples {
    public static final String KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public static final String REMEDIATION_DOCUMENT = "deletion-guard-remediate-deletion";
    public static final String GUARD_ALARM = "deletion-guard-kms-key-pending-deletion-use";

    private DeletionEventSamples() {
    }

    public static Map<String, JsonObject> all() {
        Map<String, JsonObject> events = new LinkedHashMap<>();
        JsonObject schedule = cloudTrailRecord("schedule-key-deletion.json");
        events.put("ScheduleKeyDeletion by an IAM user, key named by id", apiCall(schedule));
        events.put("ScheduleKeyDeletion, key named by ARN", apiCall(withKeyId(schedule, KEY_ARN)));
        events.put("ScheduleKeyDeletion, key named by alias", apiCall(withKeyId(schedule, "alias/payments")));
        events.put("ScheduleKeyDeletion by an ordinary assumed role", apiCall(calledByRole(schedule, "/", "PaymentsApp")));
        events.put("ScheduleKeyDeletion by break-glass BreakGlassAdmin", apiCall(calledByRole(schedule, "/", "BreakGlassAdmin")));
        events.put("ScheduleKeyDeletion by break-glass /emergency/IncidentResponder",
                apiCall(calledByRole(schedule, "/emergency/", "IncidentResponder")));
        events.put("ScheduleKeyDeletion by IncidentResponder outside its /emergency/ path",
                apiCall(calledByRole(schedule, "/", "IncidentResponder")));
        events.put("ScheduleKeyDeletion by BreakGlassAdmin under another path /other/",
                apiCall(calledByRole(schedule, "/other/", "BreakGlassAdmin")));
        events.put("ScheduleKeyDeletion by BreakGlassAdminHelper, a name that starts like break-glass",
                apiCall(calledByRole(schedule, "/", "BreakGlassAdminHelper")));
        events.put("ScheduleKeyDeletion denied", apiCall(failedWith(schedule, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/Alice is not authorized to perform: kms:ScheduleKeyDeletion")));
        events.put("DisableKey", apiCall(withEventName(schedule, "DisableKey")));
        events.put("DeleteImportedKeyMaterial", apiCall(withEventName(schedule, "DeleteImportedKeyMaterial")));
        events.put("near miss: CancelKeyDeletion", apiCall(withEventName(schedule, "CancelKeyDeletion")));
        events.put("near miss: CreateKey", apiCall(withEventName(schedule, "CreateKey")));

        JsonObject deleteSecret = cloudTrailRecord("delete-secret.json");
        events.put("DeleteSecret with the default recovery window, by root", apiCall(deleteSecret));
        events.put("DeleteSecret with forceDeleteWithoutRecovery false", apiCall(withRequestParameter(
                withRequestParameter(deleteSecret, "forceDeleteWithoutRecovery", false), "recoveryWindowInDays", 7)));
        JsonObject forceDelete = deleteSecret.deepCopy();
        forceDelete.getAsJsonObject("requestParameters").remove("recoveryWindowInDays");
        forceDelete.getAsJsonObject("requestParameters").addProperty("forceDeleteWithoutRecovery", true);
        events.put("DeleteSecret forced without recovery", apiCall(forceDelete));
        events.put("DeleteSecret by break-glass BreakGlassAdmin", apiCall(calledByRole(deleteSecret, "/", "BreakGlassAdmin")));
        events.put("DeleteSecret denied", apiCall(failedWith(deleteSecret, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:root is not authorized to perform: secretsmanager:DeleteSecret")));

        events.put("Decrypt with a key pending deletion", apiCall(cloudTrailRecord("decrypt-key-pending-deletion.json")));
        events.put("near miss: Decrypt that succeeded", apiCall(cloudTrailRecord("decrypt-success.json")));
        JsonObject decrypt = cloudTrailRecord("decrypt-success.json");
        events.put("near miss: Decrypt denied by the key policy", apiCall(failedWith(decrypt, "AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/PaymentsApp/app is not authorized to perform: kms:Decrypt")));
        events.put("Decrypt with a key pending import", apiCall(failedWith(decrypt, "KMSInvalidStateException",
                KEY_ARN + " is pending import.")));

        events.put("GetSecretValue of a secret marked for deletion",
                apiCall(cloudTrailRecord("get-secret-value-marked-for-deletion.json")));
        events.put("near miss: GetSecretValue denied by IAM", apiCall(failedWith(
                cloudTrailRecord("get-secret-value-marked-for-deletion.json"), "AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/PaymentsApp/app is not authorized to perform:"
                        + " secretsmanager:GetSecretValue because no identity-based policy allows it")));

        events.put("guard alarm goes to ALARM", alarmStateChange("111122223333", "eu-central-1", GUARD_ALARM, "ALARM"));
        events.put("near miss: guard alarm back to OK", alarmStateChange("111122223333", "eu-central-1", GUARD_ALARM, "OK"));
        events.put("near miss: another team's alarm goes to ALARM",
                alarmStateChange("111122223333", "eu-central-1", "payments-latency", "ALARM"));

        events.put("remediation succeeded", automationStatusChange("111122223333", "eu-central-1", REMEDIATION_DOCUMENT, "Success"));
        events.put("remediation failed", automationStatusChange("111122223333", "eu-central-1", REMEDIATION_DOCUMENT, "Failed"));
        events.put("near miss: remediation still running",
                automationStatusChange("111122223333", "eu-central-1", REMEDIATION_DOCUMENT, "InProgress"));
        events.put("near miss: another Automation succeeded",
                automationStatusChange("111122223333", "eu-central-1", "AWS-RestartEC2Instance", "Success"));
        return events;
    }

    private static JsonObject withKeyId(JsonObject record, String keyId) {
        return withRequestParameter(record, "keyId", keyId);
    }

    /** Another KMS call on the same key; its response is left out, as the patterns never read it. */
    private static JsonObject withEventName(JsonObject record, String eventName) {
        JsonObject copy = record.deepCopy();
        copy.addProperty("eventName", eventName);
        copy.add("responseElements", JsonNull.INSTANCE);
        return copy;
    }

    private static JsonObject withRequestParameter(JsonObject record, String name, Object value) {
        JsonObject copy = record.deepCopy();
        JsonObject parameters = copy.getAsJsonObject("requestParameters");
        if (value instanceof Boolean flag) {
            parameters.addProperty(name, flag);
        } else if (value instanceof Number number) {
            parameters.addProperty(name, number);
        } else {
            parameters.addProperty(name, value.toString());
        }
        return copy;
    }
}

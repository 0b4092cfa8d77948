package io.github.deletionguard.alarms;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.FilterPatternEvaluator;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.alarms.AlarmDefinition.ALARM_LOG_TAMPERING_FAILED;
import static io.github.deletionguard.alarms.AlarmDefinition.ALARM_LOG_TAMPERING_SUCCEEDED;
import static io.github.deletionguard.alarms.AlarmDefinition.KMS_ERRORS;
import static io.github.deletionguard.alarms.AlarmDefinition.KMS_KEY_DELETION_FAILED;
import static io.github.deletionguard.alarms.AlarmDefinition.KMS_KEY_DELETION_SUCCEEDED;
import static io.github.deletionguard.alarms.AlarmDefinition.KMS_KEY_PENDING_DELETION_USE;
import static io.github.deletionguard.alarms.AlarmDefinition.SECRET_DELETION_FAILED;
import static io.github.deletionguard.alarms.AlarmDefinition.SECRET_DELETION_SUCCEEDED;
import static io.github.deletionguard.alarms.AlarmDefinition.SECRET_MARKED_FOR_DELETION_ACCESS;
import static io.github.deletionguard.alarms.AlarmDefinition.TRAIL_TAMPERING_FAILED;
import static io.github.deletionguard.alarms.AlarmDefinition.TRAIL_TAMPERING_SUCCEEDED;
import static io.github.deletionguard.testing.CloudTrailSamples.DECRYPT_KEY_PENDING_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.DECRYPT_SUCCESS;
import static io.github.deletionguard.testing.CloudTrailSamples.DELETE_SECRET;
import static io.github.deletionguard.testing.CloudTrailSamples.GET_SECRET_VALUE_MARKED_FOR_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.SCHEDULE_KEY_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.record;
import static io.github.deletionguard.testing.CloudTrailSamples.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric filter pattern, evaluated with an implementation of CloudWatch Logs' documented
 * JSON pattern syntax against the CloudTrail samples (shared/cloudtrail and the issue 10/11 records):
 * the decision table of which alarm counts which record. A successful deletion is counted only by
 * an alarm on successes and a denied one only by alarms on failures, so denied noise never keeps
 * the alarm a success would trip in ALARM.
 */
class DeletionAlarmPatternTest {
    static final AlarmDefinition.Scope SCOPE = new AlarmDefinition.Scope(
            new ResourceNames("deletion-guard", "222222222222", "eu-central-1"),
            List.of("aws-controltower/CloudTrailLogs", "aws-cloudtrail-logs-organization"), List.of());
    /** The same, with two ephemeral accounts, which the deletion alarms leave to the daily digest. */
    private static final List<String> SANDBOXES = List.of("555566667777", "555566668888");
    private static final AlarmDefinition.Scope WITH_SANDBOXES = new AlarmDefinition.Scope(SCOPE.names(), SCOPE.logGroupNames(),
            SANDBOXES);
    /** What still counts a sandbox's call: the alarms that are not about deletions. */
    private static final Set<AlarmDefinition> COUNT_SANDBOXES = Set.of(KMS_ERRORS, TRAIL_TAMPERING_SUCCEEDED,
            TRAIL_TAMPERING_FAILED, ALARM_LOG_TAMPERING_SUCCEEDED, ALARM_LOG_TAMPERING_FAILED);

    private static final String ACCESS_DENIED = "User: arn:aws:iam::111122223333:user/Alice is not authorized to perform:"
            + " kms:ScheduleKeyDeletion with an explicit deny in a service control policy";

    static final Map<String, JsonObject> EVENTS = events();

    /** Which alarms count each event; an event that is not listed must be counted by none. */
    private static final Map<String, Set<AlarmDefinition>> COUNTED_BY = Map.ofEntries(
            Map.entry("ScheduleKeyDeletion", Set.of(KMS_KEY_DELETION_SUCCEEDED)),
            Map.entry("kms/schedule-key-deletion-denied-by-scp.json", Set.of(KMS_KEY_DELETION_FAILED, KMS_ERRORS)),
            Map.entry("ScheduleKeyDeletion denied by an SCP, IAM user", Set.of(KMS_KEY_DELETION_FAILED, KMS_ERRORS)),
            Map.entry("ScheduleKeyDeletion of a missing key", Set.of(KMS_KEY_DELETION_FAILED, KMS_ERRORS)),
            Map.entry("DisableKey", Set.of(KMS_KEY_DELETION_SUCCEEDED)),
            Map.entry("DisableKey denied", Set.of(KMS_KEY_DELETION_FAILED, KMS_ERRORS)),
            Map.entry("DeleteImportedKeyMaterial", Set.of(KMS_KEY_DELETION_SUCCEEDED)),
            Map.entry("DeleteSecret", Set.of(SECRET_DELETION_SUCCEEDED)),
            Map.entry("DeleteSecret denied", Set.of(SECRET_DELETION_FAILED)),
            Map.entry("Decrypt with key pending deletion", Set.of(KMS_KEY_PENDING_DELETION_USE, KMS_ERRORS)),
            Map.entry("kms/decrypt-key-pending-import.json", Set.of(KMS_ERRORS)),
            Map.entry("Decrypt with disabled key", Set.of(KMS_ERRORS)),
            Map.entry("Decrypt denied by IAM", Set.of(KMS_ERRORS)),
            Map.entry("GetSecretValue of secret marked for deletion", Set.of(SECRET_MARKED_FOR_DELETION_ACCESS)),
            Map.entry("PutSecretValue to secret marked for deletion", Set.of(SECRET_MARKED_FOR_DELETION_ACCESS)),
            Map.entry("cloudtrail/stop-logging.json", Set.of(TRAIL_TAMPERING_SUCCEEDED)),
            Map.entry("cloudtrail/delete-trail.json", Set.of(TRAIL_TAMPERING_SUCCEEDED)),
            Map.entry("cloudtrail/update-trail.json", Set.of(TRAIL_TAMPERING_SUCCEEDED)),
            Map.entry("cloudtrail/put-event-selectors.json", Set.of(TRAIL_TAMPERING_SUCCEEDED)),
            Map.entry("StopLogging denied by the SCP", Set.of(TRAIL_TAMPERING_FAILED)),
            Map.entry("logs/delete-log-group.json", Set.of(ALARM_LOG_TAMPERING_SUCCEEDED)),
            Map.entry("DeleteLogGroup of the trail's log group, denied", Set.of(ALARM_LOG_TAMPERING_FAILED)),
            Map.entry("logs/delete-metric-filter.json", Set.of(ALARM_LOG_TAMPERING_SUCCEEDED)),
            Map.entry("DeleteMetricFilter of the program's filter, denied", Set.of(ALARM_LOG_TAMPERING_FAILED)));

    private static Map<String, JsonObject> events() {
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("ScheduleKeyDeletion", record(SCHEDULE_KEY_DELETION));
        events.put("kms/schedule-key-deletion-denied-by-scp.json", record("kms/schedule-key-deletion-denied-by-scp.json"));
        events.put("ScheduleKeyDeletion denied by an SCP, IAM user", failed(SCHEDULE_KEY_DELETION, "AccessDenied", ACCESS_DENIED));
        events.put("ScheduleKeyDeletion of a missing key", failed(SCHEDULE_KEY_DELETION, "NotFoundException",
                "Key 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist"));
        events.put("DisableKey", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "DisableKey")));
        events.put("DisableKey denied", variant("kms/schedule-key-deletion-denied-by-scp.json",
                event -> event.addProperty("eventName", "DisableKey")));
        events.put("DeleteImportedKeyMaterial",
                variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "DeleteImportedKeyMaterial")));
        events.put("CancelKeyDeletion", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "CancelKeyDeletion")));
        events.put("CreateKey", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "CreateKey")));
        events.put("DeleteSecret", record(DELETE_SECRET));
        events.put("DeleteSecret denied", failed(DELETE_SECRET, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:root is not authorized to perform: secretsmanager:DeleteSecret"));
        events.put("RestoreSecret", variant(DELETE_SECRET, event -> event.addProperty("eventName", "RestoreSecret")));
        events.put("Decrypt with key pending deletion", record(DECRYPT_KEY_PENDING_DELETION));
        events.put("kms/decrypt-key-pending-import.json", record("kms/decrypt-key-pending-import.json"));
        events.put("Decrypt with disabled key", variant(DECRYPT_KEY_PENDING_DELETION, event -> event.addProperty(
                "errorMessage", "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is disabled.")));
        events.put("Decrypt denied by IAM", failed(DECRYPT_KEY_PENDING_DELETION, "AccessDenied",
                "User is not authorized to perform: kms:Decrypt"));
        events.put("Decrypt success", record(DECRYPT_SUCCESS));
        events.put("GetSecretValue of secret marked for deletion", record(GET_SECRET_VALUE_MARKED_FOR_DELETION));
        events.put("PutSecretValue to secret marked for deletion",
                variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> event.addProperty("eventName", "PutSecretValue")));
        events.put("GetSecretValue denied by IAM", failed(GET_SECRET_VALUE_MARKED_FOR_DELETION, "AccessDeniedException",
                "User is not authorized to perform: secretsmanager:GetSecretValue"));
        events.put("GetSecretValue of a missing secret", failed(GET_SECRET_VALUE_MARKED_FOR_DELETION,
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
        events.put("Another service's InvalidRequestException with the same text",
                variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> event.addProperty("eventSource", "ssm.amazonaws.com")));
        events.put("Another service's KMSInvalidStateException",
                variant(DECRYPT_KEY_PENDING_DELETION, event -> event.addProperty("eventSource", "s3.amazonaws.com")));
        events.put("secretsmanager/put-resource-policy.json", record("secretsmanager/put-resource-policy.json"));
        events.put("kms/put-key-policy.json", record("kms/put-key-policy.json"));
        for (String trailCall : List.of("stop-logging", "delete-trail", "update-trail", "put-event-selectors")) {
            events.put("cloudtrail/" + trailCall + ".json", record("cloudtrail/" + trailCall + ".json"));
        }
        events.put("StopLogging denied by the SCP", failed("cloudtrail/stop-logging.json", "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/Admin/alice is not authorized to perform: cloudtrail:StopLogging"
                        + " with an explicit deny in a service control policy"));
        events.put("StartLogging", variant("cloudtrail/stop-logging.json", event -> event.addProperty("eventName", "StartLogging")));
        events.put("logs/delete-log-group.json", record("logs/delete-log-group.json"));
        events.put("DeleteLogGroup of the trail's log group, denied", failed("logs/delete-log-group.json", "AccessDeniedException",
                "User is not authorized to perform: logs:DeleteLogGroup"));
        events.put("DeleteLogGroup of a Lambda function's log group", variant("logs/delete-log-group.json", event ->
                event.getAsJsonObject("requestParameters").addProperty("logGroupName", "/aws/lambda/payments-api")));
        events.put("logs/delete-metric-filter.json", record("logs/delete-metric-filter.json"));
        events.put("DeleteMetricFilter of the program's filter, denied", failed("logs/delete-metric-filter.json",
                "AccessDeniedException", "User is not authorized to perform: logs:DeleteMetricFilter"));
        events.put("DeleteMetricFilter of another team's filter", variant("logs/delete-metric-filter.json", event ->
                event.getAsJsonObject("requestParameters").addProperty("filterName", "payments-latency")));
        events.put("logs/put-retention-policy.json", record("logs/put-retention-policy.json"));
        events.put("events/disable-rule.json", record("events/disable-rule.json"));
        return events;
    }

    /** A sample as CloudTrail records the same call when it fails: an errorCode, and no response. */
    private static JsonObject failed(String sample, String errorCode, String errorMessage) {
        return variant(sample, event -> {
            event.addProperty("errorCode", errorCode);
            event.addProperty("errorMessage", errorMessage);
            event.remove("responseElements");
        });
    }

    @Test
    void everyAlarmCountsExactlyTheRecordsOfItsRowInTheDecisionTable() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        EVENTS.forEach((name, event) -> {
            expected.put(name, COUNTED_BY.getOrDefault(name, Set.of()).stream().map(AlarmDefinition::id)
                    .collect(Collectors.toCollection(TreeSet::new)));
            actual.put(name, countedBy(event));
        });
        assertEquals(expected, actual);
    }

    @Test
    void noRecordIsCountedByBothTheSuccessAndTheFailureAlarmOfOneKind() {
        Map<AlarmDefinition, AlarmDefinition> pairs = Map.of(KMS_KEY_DELETION_SUCCEEDED, KMS_KEY_DELETION_FAILED,
                SECRET_DELETION_SUCCEEDED, SECRET_DELETION_FAILED, TRAIL_TAMPERING_SUCCEEDED, TRAIL_TAMPERING_FAILED,
                ALARM_LOG_TAMPERING_SUCCEEDED, ALARM_LOG_TAMPERING_FAILED);
        EVENTS.forEach((name, event) -> {
            Set<String> alarms = countedBy(event);
            pairs.forEach((success, failure) ->
                    assertTrue(!(alarms.contains(success.id()) && alarms.contains(failure.id())), name));
        });
    }

    @Test
    void alarmsOnSuccessesCountNoFailedCallAtAll() {
        List<AlarmDefinition> onSuccesses = Arrays.stream(AlarmDefinition.values())
                .filter(alarm -> alarm.counting() == AlarmDefinition.Counting.SUCCESSES).toList();
        EVENTS.forEach((name, event) -> {
            if (event.has("errorCode")) {
                onSuccesses.forEach(alarm -> assertTrue(!matches(alarm, event), alarm.id() + " must not count " + name));
            }
        });
    }

    @Test
    void accessOnlyModeAlarmsOnUseAndAccessOnly() {
        assertEquals(List.of(KMS_KEY_PENDING_DELETION_USE, SECRET_MARKED_FOR_DELETION_ACCESS),
                AlarmDefinition.forMode(AlarmMode.ACCESS_ONLY));
        assertEquals(Arrays.asList(AlarmDefinition.values()), AlarmDefinition.forMode(AlarmMode.ANY_DELETION));
    }

    @Test
    void renderedPatternsMatchTheReviewedGoldenFile() {
        String rendered = Arrays.stream(AlarmDefinition.values())
                .map(alarm -> alarm.id() + "\n" + alarm.filterPattern(SCOPE).render() + "\n")
                .collect(Collectors.joining("\n"));
        GoldenFiles.assertMatches("alarms/filter-patterns.txt", rendered);
    }

    @Test
    void theDeletionAlarmsLeaveTheEphemeralAccountsOutAndCountEveryOtherAsBefore() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        EVENTS.forEach((name, event) -> {
            for (String account : List.of(SANDBOXES.get(1), "444455556666")) {
                JsonObject inAccount = event.deepCopy();
                inAccount.addProperty("recipientAccountId", account);
                Set<AlarmDefinition> counted = COUNTED_BY.getOrDefault(name, Set.of());
                expected.put(name + " in " + account, counted.stream()
                        .filter(alarm -> !SANDBOXES.contains(account) || COUNT_SANDBOXES.contains(alarm))
                        .map(AlarmDefinition::id).collect(Collectors.toCollection(TreeSet::new)));
                actual.put(name + " in " + account, Arrays.stream(AlarmDefinition.values())
                        .filter(alarm -> FilterPatternEvaluator.parse(alarm.filterPattern(WITH_SANDBOXES).render()).matches(inAccount))
                        .map(AlarmDefinition::id).collect(Collectors.toCollection(TreeSet::new)));
            }
        });
        assertEquals(expected, actual);
        assertTrue(KMS_KEY_PENDING_DELETION_USE.filterPattern(WITH_SANDBOXES).render().endsWith(
                " && ($.recipientAccountId != \"555566667777\") && ($.recipientAccountId != \"555566668888\") }"));
    }

    static Set<String> countedBy(JsonObject event) {
        return Arrays.stream(AlarmDefinition.values()).filter(alarm -> matches(alarm, event)).map(AlarmDefinition::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean matches(AlarmDefinition alarm, JsonObject event) {
        return FilterPatternEvaluator.parse(alarm.filterPattern(SCOPE).render()).matches(event);
    }
}

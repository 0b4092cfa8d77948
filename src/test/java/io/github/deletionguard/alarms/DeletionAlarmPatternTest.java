package io.github.deletionguard.alarms;

import io.github.deletionguard.patterns.FilterPatternEvaluator;
import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.CloudTrailSamples.DECRYPT_KEY_PENDING_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.DECRYPT_SUCCESS;
import static io.github.deletionguard.testing.CloudTrailSamples.DELETE_SECRET;
import static io.github.deletionguard.testing.CloudTrailSamples.GET_SECRET_VALUE_MARKED_FOR_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.SCHEDULE_KEY_DELETION;
import static io.github.deletionguard.testing.CloudTrailSamples.record;
import static io.github.deletionguard.testing.CloudTrailSamples.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric filter pattern, evaluated with an implementation of CloudWatch Logs' documented
 * JSON pattern syntax against CloudTrail records: what it must count and the near misses it must not.
 */
class DeletionAlarmPatternTest {

    private static final Map<String, JsonObject> EVENTS = Map.ofEntries(
            Map.entry("ScheduleKeyDeletion", record(SCHEDULE_KEY_DELETION)),
            Map.entry("ScheduleKeyDeletion denied by an SCP", variant(SCHEDULE_KEY_DELETION, event -> {
                event.addProperty("errorCode", "AccessDenied");
                event.addProperty("errorMessage", "User: arn:aws:iam::111122223333:user/Alice is not authorized to perform:"
                        + " kms:ScheduleKeyDeletion with an explicit deny in a service control policy");
                event.remove("responseElements");
            })),
            Map.entry("DisableKey", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "DisableKey"))),
            Map.entry("DeleteImportedKeyMaterial",
                    variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "DeleteImportedKeyMaterial"))),
            Map.entry("CancelKeyDeletion", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "CancelKeyDeletion"))),
            Map.entry("CreateKey", variant(SCHEDULE_KEY_DELETION, event -> event.addProperty("eventName", "CreateKey"))),
            Map.entry("DeleteSecret", record(DELETE_SECRET)),
            Map.entry("DeleteSecret denied", variant(DELETE_SECRET, event -> event.addProperty("errorCode", "AccessDeniedException"))),
            Map.entry("RestoreSecret", variant(DELETE_SECRET, event -> event.addProperty("eventName", "RestoreSecret"))),
            Map.entry("Decrypt with key pending deletion", record(DECRYPT_KEY_PENDING_DELETION)),
            Map.entry("Decrypt with key pending import", variant(DECRYPT_KEY_PENDING_DELETION, event -> event.addProperty(
                    "errorMessage", "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is pending import."))),
            Map.entry("Decrypt with disabled key", variant(DECRYPT_KEY_PENDING_DELETION, event -> event.addProperty(
                    "errorMessage", "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is disabled."))),
            Map.entry("Decrypt denied by IAM", variant(DECRYPT_KEY_PENDING_DELETION, event -> {
                event.addProperty("errorCode", "AccessDenied");
                event.addProperty("errorMessage", "User is not authorized to perform: kms:Decrypt");
            })),
            Map.entry("Decrypt success", record(DECRYPT_SUCCESS)),
            Map.entry("GetSecretValue of secret marked for deletion", record(GET_SECRET_VALUE_MARKED_FOR_DELETION)),
            Map.entry("PutSecretValue to secret marked for deletion",
                    variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> event.addProperty("eventName", "PutSecretValue"))),
            Map.entry("GetSecretValue denied by IAM", variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> {
                event.addProperty("errorCode", "AccessDeniedException");
                event.addProperty("errorMessage", "User is not authorized to perform: secretsmanager:GetSecretValue");
            })),
            Map.entry("GetSecretValue of a missing secret", variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> {
                event.addProperty("errorCode", "ResourceNotFoundException");
                event.addProperty("errorMessage", "Secrets Manager can't find the specified secret.");
            })),
            Map.entry("Another service's InvalidRequestException with the same text",
                    variant(GET_SECRET_VALUE_MARKED_FOR_DELETION, event -> event.addProperty("eventSource", "ssm.amazonaws.com"))),
            Map.entry("Another service's KMSInvalidStateException",
                    variant(DECRYPT_KEY_PENDING_DELETION, event -> event.addProperty("eventSource", "s3.amazonaws.com"))));

    /** Which events each alarm counts; every other event in {@link #EVENTS} it must not count. */
    private static final Map<DeletionAlarm, List<String>> MUST_MATCH = Map.of(
            DeletionAlarm.KMS_KEY_PENDING_DELETION_USE, List.of("Decrypt with key pending deletion"),
            DeletionAlarm.SECRET_MARKED_FOR_DELETION_ACCESS, List.of(
                    "GetSecretValue of secret marked for deletion", "PutSecretValue to secret marked for deletion"),
            DeletionAlarm.KMS_KEY_DELETION_ATTEMPT, List.of(
                    "ScheduleKeyDeletion", "ScheduleKeyDeletion denied by an SCP", "DisableKey", "DeleteImportedKeyMaterial"),
            DeletionAlarm.SECRET_DELETION_ATTEMPT, List.of("DeleteSecret", "DeleteSecret denied"),
            DeletionAlarm.KMS_ERRORS, List.of("ScheduleKeyDeletion denied by an SCP", "Decrypt with key pending deletion",
                    "Decrypt with key pending import", "Decrypt with disabled key", "Decrypt denied by IAM"));

    @Test
    void everyAlarmCountsWhatItMustAndNothingElse() {
        for (DeletionAlarm alarm : DeletionAlarm.values()) {
            FilterPatternEvaluator.ParsedPattern pattern = FilterPatternEvaluator.parse(alarm.filterPattern().render());
            List<String> expected = MUST_MATCH.get(alarm);
            EVENTS.forEach((name, event) -> {
                if (expected.contains(name)) {
                    assertTrue(pattern.matches(event), alarm.id() + " must count: " + name);
                } else {
                    assertFalse(pattern.matches(event), alarm.id() + " must not count: " + name);
                }
            });
        }
    }

    @Test
    void accessOnlyModeAlarmsOnUseAndAccessOnly() {
        assertEquals(List.of(DeletionAlarm.KMS_KEY_PENDING_DELETION_USE, DeletionAlarm.SECRET_MARKED_FOR_DELETION_ACCESS),
                DeletionAlarm.forMode(AlarmMode.ACCESS_ONLY));
        assertEquals(Arrays.asList(DeletionAlarm.values()), DeletionAlarm.forMode(AlarmMode.ANY_DELETION));
    }

    @Test
    void renderedPatternsMatchTheReviewedGoldenFile() {
        String rendered = Arrays.stream(DeletionAlarm.values())
                .map(alarm -> alarm.id() + "\n" + alarm.filterPattern().render() + "\n")
                .collect(Collectors.joining("\n"));
        GoldenFiles.assertMatches("alarms/filter-patterns.txt", rendered);
    }
}

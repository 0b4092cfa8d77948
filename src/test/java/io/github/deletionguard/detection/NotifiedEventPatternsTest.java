package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.DeletionEventSamples;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.github.deletionguard.detection.NotifiedEvent.GUARD_ALARM;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_DELETION_FAILED;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_PENDING_DELETION_USE;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_PENDING_IMPORT_USE;
import static io.github.deletionguard.detection.NotifiedEvent.REMEDIATION_RESULT;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_DELETION_FAILED;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_FORCE_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_MARKED_FOR_DELETION_ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pattern the forwarding and central rules deploy, run through Event Ruler against the
 * CloudTrail samples and near misses: which central rule (at most one) each event reaches, and
 * that an account forwards exactly the events some central rule notifies.
 */
class NotifiedEventPatternsTest {

    /** What a person is told about each event in any-deletion mode with remediation on; absent: nothing. */
    private static final Map<String, NotifiedEvent> ANY_DELETION = expected(
            "ScheduleKeyDeletion by an IAM user, key named by id", KEY_DELETION,
            "ScheduleKeyDeletion, key named by ARN", KEY_DELETION,
            "ScheduleKeyDeletion, key named by alias", KEY_DELETION,
            "ScheduleKeyDeletion by an ordinary assumed role", KEY_DELETION,
            // Break-glass deletions are intended, but still notified.
            "ScheduleKeyDeletion by break-glass BreakGlassAdmin", KEY_DELETION,
            "ScheduleKeyDeletion by break-glass /emergency/IncidentResponder", KEY_DELETION,
            "ScheduleKeyDeletion by IncidentResponder outside its /emergency/ path", KEY_DELETION,
            "ScheduleKeyDeletion by BreakGlassAdmin under another path /other/", KEY_DELETION,
            "ScheduleKeyDeletion by BreakGlassAdminHelper, a name that starts like break-glass", KEY_DELETION,
            "ScheduleKeyDeletion denied", KEY_DELETION_FAILED,
            "DisableKey", KEY_DELETION,
            "DeleteImportedKeyMaterial", KEY_DELETION,
            "DeleteSecret with the default recovery window, by root", SECRET_DELETION,
            "DeleteSecret with forceDeleteWithoutRecovery false", SECRET_DELETION,
            "DeleteSecret forced without recovery", SECRET_FORCE_DELETION,
            "DeleteSecret by break-glass BreakGlassAdmin", SECRET_DELETION,
            "DeleteSecret denied", SECRET_DELETION_FAILED,
            "Decrypt with a key pending deletion", KEY_PENDING_DELETION_USE,
            "Decrypt with a key pending import", KEY_PENDING_IMPORT_USE,
            "GetSecretValue of a secret marked for deletion", SECRET_MARKED_FOR_DELETION_ACCESS,
            "guard alarm goes to ALARM", GUARD_ALARM,
            "remediation succeeded", REMEDIATION_RESULT,
            "remediation failed", REMEDIATION_RESULT);

    @Test
    void anyDeletionModeNotifiesDeletionsWhetherTheySucceededOrNot() {
        assertNotifications(forwarding(AlarmMode.ANY_DELETION, true), ANY_DELETION);
    }

    @Test
    void accessOnlyModeNotifiesOnlyDeletionsThatHappened() {
        Map<String, NotifiedEvent> accessOnly = new LinkedHashMap<>(ANY_DELETION);
        accessOnly.remove("ScheduleKeyDeletion denied");
        accessOnly.remove("DeleteSecret denied");
        assertNotifications(forwarding(AlarmMode.ACCESS_ONLY, true), accessOnly);
    }

    @Test
    void withoutRemediationNoAutomationResultIsForwarded() {
        Map<String, NotifiedEvent> withoutRemediation = new LinkedHashMap<>(ANY_DELETION);
        withoutRemediation.remove("remediation succeeded");
        withoutRemediation.remove("remediation failed");
        assertNotifications(forwarding(AlarmMode.ANY_DELETION, false), withoutRemediation);
    }

    @Test
    void messagesSayWhoDidWhatToWhichKeyOrSecretWhereAndWhen() {
        PreparedForwarding forwarding = forwarding(AlarmMode.ANY_DELETION, true);
        Map<String, JsonObject> events = DeletionEventSamples.all();

        String scheduled = message(forwarding, KEY_DELETION, events.get("ScheduleKeyDeletion by an IAM user, key named by id"));
        assertEquals("deletion-guard HIGH: ScheduleKeyDeletion succeeded on KMS key 1234abcd-12ab-34cd-56ef-1234567890ab"
                + " in account 111122223333 (us-west-2) at 2021-03-23T18:58:30Z, called by"
                + " arn:aws:iam::111122223333:user/Alice. If it was not intended, cancel the deletion"
                + " (CancelKeyDeletion) and enable the key (EnableKey) now.", scheduled);

        String forced = message(forwarding, SECRET_FORCE_DELETION, events.get("DeleteSecret forced without recovery"));
        assertTrue(forced.startsWith("deletion-guard CRITICAL: secret MyDatabaseSecret was force-deleted"), forced);
        assertTrue(forced.contains("This is irreversible"), forced);
        assertTrue(forced.contains("account 123456789012 (us-west-2) at 2018-04-03T17:51:02Z by arn:aws:iam::123456789012:root"),
                forced);

        String pendingUse = message(forwarding, KEY_PENDING_DELETION_USE, events.get("Decrypt with a key pending deletion"));
        assertTrue(pendingUse.contains("Decrypt failed in account 111122223333 (eu-central-1) at 2026-11-20T09:12:44Z,"
                + " called by arn:aws:sts::111122223333:assumed-role/PaymentsApp/app:"
                + " arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is pending deletion."),
                pendingUse);

    }

    @Test
    void everyMessageVariableHasAPathAndEveryPathIsUsed() {
        for (NotifiedEvent kind : NotifiedEvent.values()) {
            if (kind.delivery() == NotifiedEvent.Delivery.COUNTED) {
                continue;
            }
            Map<String, String> paths = kind.inputPaths();
            assertTrue(paths.containsKey("account") && paths.containsKey("region"), kind + " must say where");
            paths.keySet().forEach(variable ->
                    assertTrue(kind.message().contains("<" + variable + ">"), kind + " has an unused path " + variable));
        }
    }

    private static void assertNotifications(PreparedForwarding forwarding, Map<String, NotifiedEvent> expected) {
        Map<String, String> centralPatterns = new TreeMap<>();
        forwarding.centralRules().forEach(rule -> centralPatterns.put(rule.kind().name(), rule.pattern()));
        Map<String, String> actual = new LinkedHashMap<>();
        DeletionEventSamples.all().forEach((name, event) -> {
            Set<String> central = EventRuleMatcher.matching(centralPatterns, event);
            assertTrue(central.size() <= 1, name + " reaches several central rules: " + central);
            boolean forwarded = forwarding.memberRules().stream()
                    .anyMatch(rule -> EventRuleMatcher.matches(rule.pattern(), event));
            assertEquals(!central.isEmpty(), forwarded, name + ": forwarded exactly when a central rule notifies it");
            central.forEach(kind -> actual.put(name, kind));
        });
        Map<String, String> expectedNames = new LinkedHashMap<>();
        expected.forEach((name, kind) -> expectedNames.put(name, kind.name()));
        assertEquals(expectedNames, actual);
    }

    private static String message(PreparedForwarding forwarding, NotifiedEvent kind, JsonObject event) {
        PreparedForwarding.CentralRule rule = forwarding.centralRules().stream()
                .filter(candidate -> candidate.kind() == kind).findFirst().orElseThrow();
        return InputTransformer.message(rule.message().orElseThrow().inputPaths(), rule.message().orElseThrow().inputTemplate(), event);
    }

    static PreparedForwarding forwarding(AlarmMode mode, boolean remediationOn) {
        GuardConfig config = ConfigBuilder.sample().alarmMode(mode).load();
        return PreparedForwarding.prepare(config, PolicyFiles.inProjectRoot(),
                remediationOn ? Optional.of(DeletionEventSamples.REMEDIATION_DOCUMENT) : Optional.empty());
    }

    private static Map<String, NotifiedEvent> expected(Object... namesAndKinds) {
        Map<String, NotifiedEvent> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            map.put((String) namesAndKinds[i], (NotifiedEvent) namesAndKinds[i + 1]);
        }
        return map;
    }
}

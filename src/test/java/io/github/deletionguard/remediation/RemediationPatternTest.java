package io.github.deletionguard.remediation;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.DeletionEventSamples;
import io.github.deletionguard.testing.EventBridgeEvents;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.EventBridgeEvents.calledByRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remediation rule's pattern, run through Event Ruler: it starts the Automation exactly for
 * deletions that happened, can be undone, are switched on, and were not done by a break-glass role.
 */
class RemediationPatternTest {
    private static final List<BreakGlassRole> BREAK_GLASS =
            List.of(BreakGlassRole.parse("BreakGlassAdmin"), BreakGlassRole.parse("/emergency/IncidentResponder"));

    private static final Set<String> KEY_DELETIONS_UNDONE = Set.of(
            "ScheduleKeyDeletion by an IAM user, key named by id",
            "ScheduleKeyDeletion, key named by ARN",
            "ScheduleKeyDeletion, key named by alias",
            "ScheduleKeyDeletion by an ordinary assumed role",
            // The exemption is for the configured role at its configured path, nothing that resembles it.
            "ScheduleKeyDeletion by IncidentResponder outside its /emergency/ path",
            "ScheduleKeyDeletion by BreakGlassAdmin under another path /other/",
            "ScheduleKeyDeletion by BreakGlassAdminHelper, a name that starts like break-glass");

    private static final Set<String> SECRET_DELETIONS_UNDONE = Set.of(
            "DeleteSecret with the default recovery window, by root",
            "DeleteSecret with forceDeleteWithoutRecovery false");

    @Test
    void bothRemediationsUndoKeyAndSecretDeletionsButNotBreakGlassForcedOrFailedOnes() {
        assertEquals(union(KEY_DELETIONS_UNDONE, SECRET_DELETIONS_UNDONE),
                undone(new RemediationSettings(true, true), BREAK_GLASS));
    }

    @Test
    void eachRemediationOnItsOwnUndoesOnlyItsKind() {
        assertEquals(new TreeSet<>(KEY_DELETIONS_UNDONE), undone(new RemediationSettings(true, false), BREAK_GLASS));
        assertEquals(new TreeSet<>(SECRET_DELETIONS_UNDONE), undone(new RemediationSettings(false, true), BREAK_GLASS));
    }

    @Test
    void withoutBreakGlassRolesEveryRecoverableDeletionIsUndone() {
        Set<String> expected = union(KEY_DELETIONS_UNDONE, SECRET_DELETIONS_UNDONE);
        expected.addAll(Set.of("ScheduleKeyDeletion by break-glass BreakGlassAdmin",
                "ScheduleKeyDeletion by break-glass /emergency/IncidentResponder",
                "DeleteSecret by break-glass BreakGlassAdmin"));
        assertEquals(expected, undone(new RemediationSettings(true, true), List.of()));
    }

    @Test
    void theAutomationGetsTheKeyArnWhateverTheCallerNamedTheKeyBy() {
        Map<String, JsonObject> events = DeletionEventSamples.all();
        for (String name : List.of("ScheduleKeyDeletion by an IAM user, key named by id",
                "ScheduleKeyDeletion, key named by ARN", "ScheduleKeyDeletion, key named by alias")) {
            JsonObject parameters = parameters(events.get(name));
            assertEquals("[\"ScheduleKeyDeletion\"]", parameters.get("EventName").toString(), name);
            assertEquals("[\"" + DeletionEventSamples.KEY_ARN + "\"]", parameters.get("KeyArn").toString(), name);
            assertEquals("[\"2021-03-23T18:58:30Z\"]", parameters.get("ScheduledAt").toString(), name);
            assertEquals("[\"arn:aws:iam::111122223333:role/deletion-guard-remediation-automation\"]",
                    parameters.get("AutomationAssumeRole").toString(), name);
        }
        JsonObject secret = parameters(events.get("DeleteSecret with the default recovery window, by root"));
        assertEquals("[\"DeleteSecret\"]", secret.get("EventName").toString());
        assertEquals("[\"MyDatabaseSecret\"]", secret.get("SecretId").toString());
    }

    /** The Automation parameters the target's input transformer makes of the event. */
    private static JsonObject parameters(JsonObject event) {
        PreparedRemediation remediation = RemediationFixtures.prepared(new RemediationSettings(true, true));
        String input = InputTransformer.apply(remediation.inputPaths(),
                remediation.inputTemplate(event.get("account").getAsString()), event);
        return JsonParser.parseString(input).getAsJsonObject();
    }

    @Test
    void onlyTheAccountsOwnBreakGlassRolesAtTheirExactPathsAreExempt() {
        JsonObject schedule = EventBridgeEvents.cloudTrailRecord("schedule-key-deletion.json");
        Map<String, JsonObject> callers = new LinkedHashMap<>();
        callers.put("BreakGlassAdmin at the root path", calledByRole(schedule, "/", "BreakGlassAdmin"));
        callers.put("IncidentResponder at /emergency/", calledByRole(schedule, "/emergency/", "IncidentResponder"));
        // IAM allows ':' in a path: the session issuer is arn:aws:iam::<account>:role/x:role/BreakGlassAdmin,
        // which the released wildcard arn:aws:iam::*:role/BreakGlassAdmin matched and the SCP's ArnLike does not.
        callers.put("a look-alike at path /x:role/", calledByRole(schedule, "/x:role/", "BreakGlassAdmin"));
        callers.put("a look-alike at path /111122223333:role/", calledByRole(schedule, "/111122223333:role/", "BreakGlassAdmin"));
        callers.put("BreakGlassAdminX", calledByRole(schedule, "/", "BreakGlassAdminX"));
        callers.put("BreakGlassAdmin under /emergency/", calledByRole(schedule, "/emergency/", "BreakGlassAdmin"));
        callers.put("IncidentResponder at the root path", calledByRole(schedule, "/", "IncidentResponder"));
        callers.put("an ordinary role", calledByRole(schedule, "/", "PaymentsApp"));
        callers.put("an IAM user", schedule);
        JsonObject otherAccount = calledByRole(schedule, "/", "BreakGlassAdmin");
        otherAccount.getAsJsonObject("userIdentity").getAsJsonObject("sessionContext").getAsJsonObject("sessionIssuer")
                .addProperty("arn", "arn:aws:iam::999988887777:role/BreakGlassAdmin");
        callers.put("BreakGlassAdmin of another account", otherAccount);

        String account = schedule.get("recipientAccountId").getAsString();
        String pattern = PreparedRemediation.pattern(new RemediationSettings(true, false), BREAK_GLASS, List.of(), account).render();
        Set<String> remediated = new TreeSet<>();
        callers.forEach((caller, record) -> {
            if (EventRuleMatcher.matches(pattern, EventBridgeEvents.apiCall(record))) {
                remediated.add(caller);
            }
        });
        Set<String> expected = new TreeSet<>(callers.keySet());
        expected.removeAll(Set.of("BreakGlassAdmin at the root path", "IncidentResponder at /emergency/"));
        assertEquals(expected, remediated);

        // The released pattern exempted the look-alikes: the disagreement with the SCP this closes.
        String released = "{\"source\":[\"aws.kms\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],\"detail\":{"
                + "\"eventName\":[\"ScheduleKeyDeletion\"],\"errorCode\":[{\"exists\":false}],\"userIdentity\":{\"$or\":["
                + "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":[{\"exists\":false}]}}},"
                + "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":[{\"anything-but\":{\"wildcard\":"
                + "[\"arn:aws:iam::*:role/BreakGlassAdmin\",\"arn:aws:iam::*:role/emergency/IncidentResponder\"]}}]}}}]}}}";
        assertEquals(false, EventRuleMatcher.matches(released, EventBridgeEvents.apiCall(callers.get("a look-alike at path /x:role/"))));
        assertEquals(true, EventRuleMatcher.matches(pattern, EventBridgeEvents.apiCall(callers.get("a look-alike at path /x:role/"))));
    }

    @Test
    void eachAccountsRuleNamesItsOwnBreakGlassArnsExactly() {
        PreparedRemediation remediation = RemediationFixtures.prepared(new RemediationSettings(true, true));
        for (String account : List.of(ConfigBuilder.MANAGEMENT_ID, ConfigBuilder.SECURITY_ID, ConfigBuilder.WORKLOAD_ID)) {
            String pattern = remediation.pattern(account);
            assertTrue(pattern.contains("[\"arn:aws:iam::" + account + ":role/BreakGlassAdmin\",\"arn:aws:iam::" + account
                    + ":role/emergency/IncidentResponder\"]"), pattern);
            assertTrue(!pattern.contains("*") && !pattern.contains("wildcard"), pattern);
        }
    }

    private static Set<String> undone(RemediationSettings settings, List<BreakGlassRole> breakGlass) {
        Map<String, String> patterns = new HashMap<>();
        return DeletionEventSamples.all().entrySet().stream()
                .filter(event -> EventRuleMatcher.matches(patterns.computeIfAbsent(event.getValue().get("account").getAsString(),
                        account -> PreparedRemediation.pattern(settings, breakGlass, List.of(), account).render()), event.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}

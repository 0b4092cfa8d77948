package io.github.deletionguard.remediation;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.testing.DeletionEventSamples;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static Set<String> undone(RemediationSettings settings, List<BreakGlassRole> breakGlass) {
        String pattern = PreparedRemediation.pattern(settings, breakGlass, List.of()).render();
        return DeletionEventSamples.all().entrySet().stream()
                .filter(event -> EventRuleMatcher.matches(pattern, event.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}

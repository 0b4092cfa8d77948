package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static io.github.deletionguard.testing.EventBridgeEvents.calledByRole;
import static io.github.deletionguard.testing.EventBridgeEvents.cloudTrailRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prod stack's approval (CHG-4711: the payments deployer may schedule the deletion of one key
 * until 2026-12-20), decided by Event Ruler on the central bus: the approved call is notified as
 * approved on the notices topic and pages nobody; every other call, by anyone else, on another
 * key, or another destruction by the approved role, pages as before; from {@code until} on, the
 * rendered rules are those of a stack without the approval.
 */
class ApprovedDeletionNoticeTest {
    private static final String ACCOUNT = "444444444444";
    private static final String APPROVED_KEY = "arn:aws:kms:eu-central-1:444444444444:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String OTHER_KEY = "arn:aws:kms:eu-central-1:444444444444:key/11111111-2222-3333-4444-555555555555";
    private static final String NOTICE = "notice";

    private static JsonObject keyCall(String fileName, String keyArn) {
        JsonObject record = cloudTrailRecord(fileName);
        record.addProperty("recipientAccountId", ACCOUNT);
        record.addProperty("awsRegion", "eu-central-1");
        record.getAsJsonObject("requestParameters").addProperty("keyId", keyArn);
        if (record.has("responseElements") && record.get("responseElements").isJsonObject()) {
            record.getAsJsonObject("responseElements").addProperty("keyId", keyArn);
        }
        return record;
    }

    private static Map<String, JsonObject> events() {
        JsonObject schedule = keyCall("schedule-key-deletion.json", APPROVED_KEY);
        JsonObject disable = keyCall("schedule-key-deletion.json", APPROVED_KEY);
        disable.addProperty("eventName", "DisableKey");
        disable.add("responseElements", com.google.gson.JsonNull.INSTANCE);
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("approved role schedules the approved key", apiCall(calledByRole(schedule, "/ci/", "payments-deployer")));
        events.put("approved role schedules another key",
                apiCall(calledByRole(keyCall("schedule-key-deletion.json", OTHER_KEY), "/ci/", "payments-deployer")));
        events.put("approved role disables the approved key", apiCall(calledByRole(disable, "/ci/", "payments-deployer")));
        events.put("another role schedules the approved key", apiCall(calledByRole(schedule, "/", "PaymentsApp")));
        events.put("the approved name on another path schedules the approved key",
                apiCall(calledByRole(schedule, "/", "payments-deployer")));
        events.put("an IAM user schedules the approved key", apiCall(schedule));
        return events;
    }

    /** For each event: the central rules that match it, by kind id, or {@code notice} for an approval's notice. */
    private static Map<String, Set<String>> decisions(PreparedForwarding forwarding) {
        Map<String, String> patterns = new LinkedHashMap<>();
        forwarding.centralRules().forEach(rule -> patterns.put(rule.kind().id(), rule.pattern()));
        forwarding.approvalNotices().forEach(notice -> patterns.put(NOTICE, notice.pattern()));
        Map<String, Set<String>> decisions = new LinkedHashMap<>();
        events().forEach((name, event) -> decisions.put(name, new TreeSet<>(EventRuleMatcher.matching(patterns, event))));
        return decisions;
    }

    private static PreparedForwarding forwarding(ConfigBuilder config) {
        GuardConfig loaded = config.load();
        return PreparedForwarding.prepare(loaded, PolicyFiles.inProjectRoot(), Optional.empty());
    }

    @Test
    void theApprovedCallIsANoticeAndEveryOtherCallPages() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("approved role schedules the approved key", Set.of(NOTICE));
        expected.put("approved role schedules another key", Set.of("key-deletion"));
        expected.put("approved role disables the approved key", Set.of("key-deletion"));
        expected.put("another role schedules the approved key", Set.of("key-deletion"));
        expected.put("the approved name on another path schedules the approved key", Set.of("key-deletion"));
        expected.put("an IAM user schedules the approved key", Set.of("key-deletion"));

        assertEquals(expected, decisions(forwarding(ConfigBuilder.stackFile("prod"))));
    }

    @Test
    void theNoticeSaysApprovedWithTicketAndDate() {
        PreparedForwarding.ApprovalNotice notice = forwarding(ConfigBuilder.stackFile("prod")).approvalNotices().get(0);
        String message = InputTransformer.message(notice.message().inputPaths(), notice.message().inputTemplate(),
                events().get("approved role schedules the approved key"));

        assertTrue(message.startsWith("deletion-guard NOTICE: approved deletion. ScheduleKeyDeletion of " + APPROVED_KEY
                + " in account 444444444444 (eu-central-1)"), message);
        assertTrue(message.contains("approved under ticket CHG-4711 by security-architecture-board until 2026-12-20 00:00 UTC"),
                message);
        assertTrue(message.contains("arn:aws:sts::444444444444:assumed-role/payments-deployer/alice"), message);
    }

    /** The notice promises only what the stack does: without key remediation nothing is undone after until. */
    @Test
    void theNoticeSaysUndoneOnlyWhereRemediationUndoesAndEndsTheReasonOnce() {
        PreparedForwarding withoutRemediation = forwarding(ConfigBuilder.stackFile("prod")
                .remediation(new RemediationSettings(false, true))
                .edit("approvedDeletions", approvals -> ConfigBuilder.entry(approvals, 0).addProperty("reason", "Retired.")));
        String template = withoutRemediation.approvalNotices().get(0).message().inputTemplate();

        assertTrue(template.contains(": Retired. Nothing to do"), template);
        assertTrue(template.endsWith("the call is denied again.\""), template);
        assertTrue(forwarding(ConfigBuilder.stackFile("prod")).approvalNotices().get(0).message().inputTemplate()
                .endsWith("the call is denied and undone again.\""));
    }

    @Test
    void fromUntilOnEveryCallPagesAsBefore() {
        PreparedForwarding after = forwarding(ConfigBuilder.stackFile("prod").on(LocalDate.of(2026, 12, 20)));
        PreparedForwarding never = forwarding(ConfigBuilder.stackFile("prod").remove("approvedDeletions"));

        assertEquals(List.of(), after.approvalNotices());
        assertEquals(never.centralRules(), after.centralRules());
        assertTrue(decisions(after).values().stream().allMatch(Set.of("key-deletion")::equals), decisions(after).toString());
    }

    @Test
    void theAccountsForwardTheApprovedCallForTheNoticeToSee() {
        PreparedForwarding forwarding = forwarding(ConfigBuilder.stackFile("prod"));
        JsonObject approved = events().get("approved role schedules the approved key");

        assertTrue(forwarding.memberRules().stream().anyMatch(rule -> EventRuleMatcher.matches(rule.pattern(), approved)));
    }
}

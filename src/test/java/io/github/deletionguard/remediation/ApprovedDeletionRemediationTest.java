package io.github.deletionguard.remediation;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import io.github.deletionguard.baseline.StackSetBaseline;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.DeletionEventSamples;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static io.github.deletionguard.testing.EventBridgeEvents.calledByRole;
import static io.github.deletionguard.testing.EventBridgeEvents.cloudTrailRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remediation rule leaves an approved deletion alone, decided by Event Ruler: only the
 * approved role's call on the approved resource is skipped; the same call by anyone else, or by
 * that role on another resource, is undone as before.
 */
class ApprovedDeletionRemediationTest {
    private static final List<BreakGlassRole> BREAK_GLASS = List.of(BreakGlassRole.parse("BreakGlassAdmin"));
    private static final RemediationSettings BOTH = new RemediationSettings(true, true);
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyDatabaseSecret-a1b2c3";
    private static final LocalDate UNTIL = TestClock.TODAY.plusDays(10);

    private static ApprovedDeletion approval(String resource, String principal) {
        return new ApprovedDeletion(ApprovedResource.parse(resource).orElseThrow(), UNTIL, "CHG-1", "cab", "decommission", principal);
    }

    private static final ApprovedDeletion KEY_APPROVAL =
            approval(DeletionEventSamples.KEY_ARN, "arn:aws:iam::111122223333:role/ci/deployer");
    private static final ApprovedDeletion SECRET_APPROVAL = approval(SECRET_ARN, "arn:aws:iam::123456789012:role/ci/deployer");

    private static Map<String, JsonObject> events() {
        JsonObject schedule = cloudTrailRecord("schedule-key-deletion.json");
        JsonObject otherKey = schedule.deepCopy();
        otherKey.getAsJsonObject("responseElements").addProperty("keyId",
                "arn:aws:kms:us-west-2:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        JsonObject deleteSecret = cloudTrailRecord("delete-secret.json");
        JsonObject otherSecret = deleteSecret.deepCopy();
        otherSecret.getAsJsonObject("responseElements").addProperty("aRN",
                "arn:aws:secretsmanager:us-west-2:123456789012:secret:OtherSecret-z9y8x7");
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("approved role schedules the approved key", apiCall(calledByRole(schedule, "/ci/", "deployer")));
        events.put("approved role schedules another key", apiCall(calledByRole(otherKey, "/ci/", "deployer")));
        events.put("another role schedules the approved key", apiCall(calledByRole(schedule, "/", "PaymentsApp")));
        events.put("the approved name on another path schedules the approved key", apiCall(calledByRole(schedule, "/", "deployer")));
        events.put("an IAM user schedules the approved key", apiCall(schedule));
        events.put("approved role deletes the approved secret", apiCall(calledByRole(deleteSecret, "/ci/", "deployer")));
        events.put("approved role deletes another secret", apiCall(calledByRole(otherSecret, "/ci/", "deployer")));
        events.put("root deletes the approved secret", apiCall(deleteSecret));
        return events;
    }

    private static Map<String, Boolean> undone(List<ApprovedDeletion> approvals) {
        // Each sample is recorded in its own account: the rule of that account decides it.
        Map<String, Boolean> undone = new LinkedHashMap<>();
        events().forEach((name, event) -> {
            String account = event.get("account").getAsString();
            List<ApprovedDeletion> inAccount = approvals.stream()
                    .filter(approval -> approval.resource().account().equals(account)).toList();
            undone.put(name, EventRuleMatcher.matches(PreparedRemediation.pattern(BOTH, BREAK_GLASS, inAccount, account).render(), event));
        });
        return undone;
    }

    @Test
    void onlyTheApprovedRolesCallOnTheApprovedResourceIsLeftAlone() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("approved role schedules the approved key", false);
        expected.put("approved role schedules another key", true);
        expected.put("another role schedules the approved key", true);
        expected.put("the approved name on another path schedules the approved key", true);
        expected.put("an IAM user schedules the approved key", true);
        expected.put("approved role deletes the approved secret", false);
        expected.put("approved role deletes another secret", true);
        expected.put("root deletes the approved secret", true);

        assertEquals(expected, undone(List.of(KEY_APPROVAL, SECRET_APPROVAL)));
    }

    @Test
    void withoutApprovalsEveryDeletionIsUndoneAsBefore() {
        assertTrue(undone(List.of()).values().stream().allMatch(Boolean::booleanValue), undone(List.of()).toString());
    }

    /** EventBridge cannot exclude several wildcards: a secret pattern is skipped for the role, whom the SCP confines. */
    @Test
    void aSecretNamePatternIsSkippedByTheApprovedRoleAlone() {
        ApprovedDeletion pattern = approval("arn:aws:secretsmanager:us-west-2:123456789012:secret:MyDatabase*",
                "arn:aws:iam::123456789012:role/ci/deployer");

        Map<String, Boolean> undone = undone(List.of(pattern));
        assertEquals(false, undone.get("approved role deletes the approved secret"));
        assertEquals(false, undone.get("approved role deletes another secret"));
        assertEquals(true, undone.get("root deletes the approved secret"));
        assertEquals(true, undone.get("approved role schedules the approved key"), "a secret approval exempts no key");
    }

    /** Rules cannot read the time: the run on or after until renders the rule without the exemption. */
    @Test
    void theRunAfterUntilRendersTheRuleWithoutTheSkip() {
        String during = remediationPattern(ConfigBuilder.stackFile("prod"));
        String after = remediationPattern(ConfigBuilder.stackFile("prod").on(LocalDate.of(2026, 12, 20)));
        String never = remediationPattern(ConfigBuilder.stackFile("prod").remove("approvedDeletions"));

        assertTrue(during.contains("arn:aws:iam::444444444444:role/ci/payments-deployer"), during);
        assertEquals(never, after);
    }

    /**
     * A StackSet template is one text for every account it reaches: its remediation rule carries
     * every approval, so an approved deletion in an account of the OUs is left alone too, and
     * another account's events never match an approval (its ARNs name its own account).
     */
    @Test
    void theStackSetsRemediationRuleLeavesAnOuAccountsApprovedDeletionAlone() {
        String workload = "055555555555";
        String key = "arn:aws:kms:eu-central-1:055555555555:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        ConfigBuilder org = ConfigBuilder.stackFile("org").set("approvedDeletions", """
                [{"resource":"%s","until":"2026-12-20","ticket":"CHG-9","approvedBy":"cab","reason":"retired",
                  "principal":"arn:aws:iam::055555555555:role/ci/deployer"}]""".formatted(key));
        String template = StackSetBaseline.templateBody(org.run(),
                "deletion-guard-member-baseline-regional");
        JsonObject schedule = cloudTrailRecord("schedule-key-deletion.json");
        schedule.addProperty("recipientAccountId", workload);
        schedule.addProperty("awsRegion", "eu-central-1");
        schedule.getAsJsonObject("responseElements").addProperty("keyId", key);

        Map<String, Boolean> undone = new LinkedHashMap<>();
        for (String account : List.of(workload, "222222222222")) {
            JsonObject event = schedule.deepCopy();
            event.addProperty("recipientAccountId", account);
            String pattern = StackSetBaseline.ofType(
                            StackSetBaseline.resolved(template, account, "eu-central-1"),
                            "AWS::Events::Rule").stream()
                    .filter(rule -> rule.get("Name").getAsString().equals("deletion-guard-remediate-deletion"))
                    .findFirst().orElseThrow().get("EventPattern").getAsString();
            undone.put(account + " approved role", EventRuleMatcher.matches(pattern, apiCall(calledByRole(event, "/ci/", "deployer"))));
            undone.put(account + " another role", EventRuleMatcher.matches(pattern, apiCall(calledByRole(event, "/", "Admin"))));
        }

        assertEquals(Map.of(workload + " approved role", false, workload + " another role", true,
                "222222222222 approved role", true, "222222222222 another role", true), undone);
    }

    private static String remediationPattern(ConfigBuilder config) {
        List<PlannedResource> rules = Deployments.ofType(config.run(), EventRule.class).stream()
                .filter(rule -> rule.name().equals("payments-prod-eu-central-1-remediation-rule")).toList();
        return rules.get(0).input("eventPattern");
    }
}

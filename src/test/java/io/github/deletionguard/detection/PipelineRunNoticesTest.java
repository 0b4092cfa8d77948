package io.github.deletionguard.detection;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.patterns.FilterPatternEvaluator;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.remediation.AutomationDocument;
import io.github.deletionguard.testing.CloudTrailSamples;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.EventBridgeEvents;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.GoldenFiles;
import io.github.deletionguard.testing.InputTransformer;
import io.github.deletionguard.testing.RoleDecisions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static io.github.deletionguard.testing.PlannedResources.named;
import static io.github.deletionguard.testing.RoleDecisions.assertDecisions;
import static io.github.deletionguard.testing.RoleDecisions.role;
import static io.github.deletionguard.testing.PlannedResources.transformerPaths;
import static io.github.deletionguard.testing.PlannedResources.transformerText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline roles of prod ({@code arn:aws:iam::444444444444:role/ci/payments-deployer} and
 * {@code arn:aws:iam::*:role/ci/platform-deployer}): their denied calls leave the paging alarm for
 * one that pages nobody, whose return to OK starts the summary Automation. Decisions are the
 * deployed patterns' under {@link FilterPatternEvaluator} (metric filters) and Event Ruler (rules).
 */
class PipelineRunNoticesTest {
    private static final String SECURITY_ID = "222222222222";
    private static final String PAYMENTS_ID = "444444444444";
    private static final String DATA_ID = "055555555555";
    private static final String PIPELINE_ALARM = "deletion-guard-pipeline-denied-calls";
    private static final String COMPONENT = "central-events-denied-calls-pipeline-runs";
    private static final OfflineEngine.Run PROD = Deployments.ofStackFile("prod");

    private static String pagingFilter() {
        return named(PROD, LogMetricFilter.class, "central-events-denied-calls-filter").input("pattern");
    }

    private static String pipelineFilter() {
        return named(PROD, LogMetricFilter.class, COMPONENT + "-filter").input("pattern");
    }

    /** ScheduleKeyDeletion denied by the SCP, as the central rule writes it to the denied-calls log group. */
    private static JsonObject deniedBy(String account, String rolePath, String roleName) {
        JsonObject record = CloudTrailSamples.record("kms/schedule-key-deletion-denied-by-scp.json");
        record.addProperty("recipientAccountId", account);
        return EventBridgeEvents.apiCall(EventBridgeEvents.calledByRole(record, rolePath, roleName));
    }

    private static boolean counts(String filter, JsonObject event) {
        return FilterPatternEvaluator.matches(filter, event.toString());
    }

    private static void assertCountedOnlyBy(String expected, JsonObject event, String what) {
        boolean pipeline = counts(pipelineFilter(), event);
        boolean paging = counts(pagingFilter(), event);
        assertEquals(expected, pipeline ? (paging ? "both" : "pipeline") : (paging ? "paging" : "neither"), what);
    }

    @Test
    void aPipelineRolesDeniedCallCountsForThePipelineAlarmAndNotThePagingOne() {
        assertCountedOnlyBy("pipeline", deniedBy(PAYMENTS_ID, "/ci/", "payments-deployer"),
                "the payments deployer in its own account");
        assertCountedOnlyBy("pipeline", deniedBy(DATA_ID, "/ci/", "platform-deployer"),
                "the platform deployer, listed for every account, in data-prod");
        assertCountedOnlyBy("pipeline", deniedBy(PAYMENTS_ID, "/ci/", "platform-deployer"),
                "the platform deployer in payments-prod");
    }

    @Test
    void everyoneElsesDeniedCallStillPages() {
        assertCountedOnlyBy("paging", deniedBy(PAYMENTS_ID, "/", "Admin"), "another role of the pipeline's account");
        assertCountedOnlyBy("paging", deniedBy(DATA_ID, "/ci/", "payments-deployer"),
                "the payments deployer's name in an account it is not listed for");
        assertCountedOnlyBy("paging", deniedBy(PAYMENTS_ID, "/ci/other/", "payments-deployer"),
                "the payments deployer's name under another path");
        assertCountedOnlyBy("paging", deniedBy(PAYMENTS_ID, "/ci/", "payments-deployer-2"),
                "a longer name that starts like the pipeline role");
        JsonObject user = EventBridgeEvents.apiCall(EventBridgeEvents.failedWith(
                CloudTrailSamples.record(CloudTrailSamples.SCHEDULE_KEY_DELETION), "AccessDeniedException", "denied"));
        assertCountedOnlyBy("paging", user, "an IAM user, who has no session issuer");
    }

    @Test
    void aSuccessfulDeletionIsCountedByNeitherItIsNotifiedOneByOne() {
        JsonObject record = CloudTrailSamples.record(CloudTrailSamples.SCHEDULE_KEY_DELETION);
        record.addProperty("recipientAccountId", PAYMENTS_ID);
        assertCountedOnlyBy("neither", EventBridgeEvents.apiCall(EventBridgeEvents.calledByRole(record, "/ci/", "payments-deployer")),
                "a successful ScheduleKeyDeletion by the pipeline role");
    }

    /**
     * The documented limit of a role for every account: CloudWatch Logs has no inner wildcard, so
     * it is matched by the end of its ARN, which a role whose path ends in ":role/ci/" (IAM allows
     * colons in paths) shares. Such a role's denied calls count as the pipeline's; the ceiling
     * alarm counts them too, and creating a role of that name pages (GUARD_ROLE_CHANGE below). An
     * entry pinned to its account is matched exactly and cannot be imitated this way.
     */
    @Test
    void aLookAlikeRoleEndingLikeAnEveryAccountPipelineRoleCountsAsItButNotLikeAPinnedOne() {
        assertCountedOnlyBy("pipeline", deniedBy(DATA_ID, "/x:role/ci/", "platform-deployer"),
                "arn:aws:iam::055555555555:role/x:role/ci/platform-deployer");
        assertCountedOnlyBy("paging", deniedBy(PAYMENTS_ID, "/x:role/ci/", "payments-deployer"),
                "arn:aws:iam::444444444444:role/x:role/ci/payments-deployer");
    }

    @Test
    void creatingARoleNamedLikeAnEveryAccountPipelineRolePagesWithTheGuardRoles() {
        PlannedResource rule = Deployments.ofType(PROD, EventRule.class).stream()
                .filter(candidate -> "deletion-guard-notify-guard-role-change".equals(candidate.input("name"))).findFirst().orElseThrow();
        JsonObject createRole = EventBridgeEvents.apiCall(CloudTrailSamples.variant("iam/create-role-break-glass.json", record -> {
            record.getAsJsonObject("requestParameters").addProperty("roleName", "platform-deployer");
            record.getAsJsonObject("requestParameters").addProperty("path", "/x:role/ci/");
        }));
        assertTrue(EventRuleMatcher.matches(rule.input("eventPattern"), createRole));
        JsonObject otherRole = EventBridgeEvents.apiCall(CloudTrailSamples.variant("iam/create-role-break-glass.json",
                record -> record.getAsJsonObject("requestParameters").addProperty("roleName", "platform-builder")));
        assertFalse(EventRuleMatcher.matches(rule.input("eventPattern"), otherRole), "a role of another name is no guard role");
    }

    @Test
    void thePipelineAlarmPagesNobodyAndItsCeilingPagesTheHub() {
        PlannedResource alarm = named(PROD, MetricAlarm.class, COMPONENT + "-alarm");
        assertEquals(PIPELINE_ALARM, alarm.input("name"));
        assertFalse(alarm.inputs().has("alarmActions"), "no action: " + alarm.inputs());
        assertEquals("300", alarm.input("period"));
        assertEquals("PipelineDeniedCalls", alarm.input("metricName"));
        PlannedResource ceiling = named(PROD, MetricAlarm.class, COMPONENT + "-sustained-alarm");
        assertEquals("deletion-guard-pipeline-denied-calls-sustained", ceiling.input("name"));
        assertEquals("PipelineDeniedCalls", ceiling.input("metricName"));
        assertEquals(List.of("3600", "3", "3", "1"), List.of(ceiling.input("period"), ceiling.input("evaluationPeriods"),
                ceiling.input("datapointsToAlarm"), ceiling.input("threshold")));
        assertEquals("[\"arn:aws:sns:eu-central-1:" + SECURITY_ID + ":deletion-guard-notifications\"]",
                ceiling.inputs().get("alarmActions").toString());
        PlannedResource filter = named(PROD, LogMetricFilter.class, COMPONENT + "-filter");
        assertEquals("/aws/events/deletion-guard-denied-calls", filter.input("logGroupName"));
    }

    /** The central rule that pages on guard alarms leaves the pipeline alarm out, and only it. */
    @Test
    void theGuardAlarmRuleIgnoresThePipelineAlarmButNotItsCeiling() {
        String guardAlarm = Deployments.ofType(PROD, EventRule.class).stream()
                .filter(candidate -> "deletion-guard-notify-guard-alarm".equals(candidate.input("name"))).findFirst().orElseThrow()
                .input("eventPattern");
        assertFalse(EventRuleMatcher.matches(guardAlarm, EventBridgeEvents.alarmStateChange(SECURITY_ID, "eu-central-1",
                PIPELINE_ALARM, "ALARM")));
        for (String paging : List.of("deletion-guard-pipeline-denied-calls-sustained", "deletion-guard-denied-calls")) {
            assertTrue(EventRuleMatcher.matches(guardAlarm, EventBridgeEvents.alarmStateChange(SECURITY_ID, "eu-central-1",
                    paging, "ALARM")), paging);
        }
        assertTrue(EventRuleMatcher.matches(guardAlarm, EventBridgeEvents.alarmStateChange(PAYMENTS_ID, "eu-central-1",
                PIPELINE_ALARM, "ALARM")), "an alarm of that name elsewhere is no pipeline alarm of this stack");
    }

    /** The recorded event of the pipeline alarm returning to OK, in prod's security account. */
    private static JsonObject runEnded() {
        JsonObject sample = CloudTrailSamples.record("service-events/alarm-state-change-pipeline-run-ended.json");
        return JsonParser.parseString(sample.toString().replace("444455556666", SECURITY_ID)).getAsJsonObject();
    }

    private static JsonObject withStates(JsonObject event, String previous, String current) {
        JsonObject copy = event.deepCopy();
        copy.getAsJsonObject("detail").getAsJsonObject("previousState").addProperty("value", previous);
        copy.getAsJsonObject("detail").getAsJsonObject("state").addProperty("value", current);
        return copy;
    }

    @Test
    void theSummaryRuleMatchesThePipelineAlarmReturningFromAlarmToOkOnly() {
        PlannedResource rule = named(PROD, EventRule.class, COMPONENT + "-rule");
        assertEquals("deletion-guard-summarize-pipeline-run", rule.input("name"));
        assertNull(rule.input("eventBusName"), "the security account's default bus, where its alarms' state changes arrive");
        String pattern = rule.input("eventPattern");
        Map<String, Boolean> decisions = new LinkedHashMap<>();
        decisions.put("ALARM -> OK", EventRuleMatcher.matches(pattern, runEnded()));
        decisions.put("OK -> ALARM", EventRuleMatcher.matches(pattern, withStates(runEnded(), "OK", "ALARM")));
        decisions.put("INSUFFICIENT_DATA -> OK", EventRuleMatcher.matches(pattern, withStates(runEnded(), "INSUFFICIENT_DATA", "OK")));
        JsonObject other = runEnded();
        other.getAsJsonObject("detail").addProperty("alarmName", "deletion-guard-denied-calls");
        decisions.put("the paging alarm ALARM -> OK", EventRuleMatcher.matches(pattern, other));
        JsonObject ceiling = runEnded();
        ceiling.getAsJsonObject("detail").addProperty("alarmName", "deletion-guard-pipeline-denied-calls-sustained");
        decisions.put("the ceiling ALARM -> OK", EventRuleMatcher.matches(pattern, ceiling));
        assertEquals(Map.of("ALARM -> OK", true, "OK -> ALARM", false, "INSUFFICIENT_DATA -> OK", false,
                "the paging alarm ALARM -> OK", false, "the ceiling ALARM -> OK", false), decisions);
    }

    /** The parameters the summary Automation receives, per the summary document's contract. */
    @Test
    void theTargetStartsTheSummaryAutomationWithTheRunsParameters() {
        PlannedResource target = named(PROD, EventTarget.class, COMPONENT + "-to-summary");
        assertEquals("arn:aws:ssm:eu-central-1:" + SECURITY_ID + ":automation-definition/deletion-guard-summarize-events:$DEFAULT",
                target.input("arn"));
        assertEquals("arn:aws:iam::" + SECURITY_ID + ":role/deletion-guard-summary-trigger", target.input("roleArn"));
        JsonObject transformer = target.inputs().getAsJsonObject("inputTransformer");
        JsonObject parameters = JsonParser.parseString(InputTransformer.apply(transformerPaths(transformer),
                transformer.get("inputTemplate").getAsString(), runEnded())).getAsJsonObject();

        Map<String, List<String>> actual = new TreeMap<>();
        parameters.entrySet().forEach(entry -> actual.put(entry.getKey(), texts(entry.getValue().getAsJsonArray())));
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("AutomationAssumeRole", List.of("arn:aws:iam::" + SECURITY_ID + ":role/deletion-guard-summary-automation"));
        expected.put("LogGroupName", List.of("/aws/events/deletion-guard-denied-calls"));
        // When the alarm entered ALARM; the lead of two periods reaches back to the run's first call.
        expected.put("StartTime", List.of("2026-11-20T09:11:40.985+0000"));
        expected.put("LeadMinutes", List.of("10"));
        expected.put("IssuerArns", List.of("arn:aws:iam::444444444444:role/ci/payments-deployer",
                "arn:aws:iam::*:role/ci/platform-deployer"));
        expected.put("Subject", List.of("deletion-guard: a pipeline run hit the guard"));
        expected.put("Heading", List.of("a pipeline run hit the guard"));
        expected.put("Hint", List.of("If these deletions were planned, add an approved deletion for each resource and role"
                + " (deletion-guard:approvedDeletions, README \"Approved deletions\"), run pulumi up and rerun the pipeline."
                + " If not, investigate: who changed the pipeline, and what else its role did."));
        expected.put("TopicArn", List.of("arn:aws:sns:eu-central-1:" + SECURITY_ID + ":deletion-guard-notices"));
        assertEquals(expected, actual);
        assertTrue(actual.get("Subject").get(0).length() <= 100, "SNS subjects are at most 100 characters");
        GoldenFiles.assertMatches("detection/prod/pipeline-run-summary.txt", "rule: " + named(PROD, EventRule.class,
                COMPONENT + "-rule").input("eventPattern") + "\n" + "target: " + target.input("arn") + "\n"
                + transformerText(transformer));
    }

    /**
     * Checked against the shipped summary document: every parameter passed is declared, every one
     * declared without a default is passed, StringList only where a list is declared, and every
     * value fits the declared allowedPattern (which Automation checks before it starts).
     */
    @Test
    void theParametersAreTheOnesTheSummaryDocumentDeclares() {
        Map<String, Object> declared = AutomationDocument.load(PolicyFiles.inProjectRoot().file(PreparedSummary.DOCUMENT_FILE))
                .parameters();
        JsonObject transformer = named(PROD, EventTarget.class, COMPONENT + "-to-summary").inputs()
                .getAsJsonObject("inputTransformer");
        JsonObject passed = JsonParser.parseString(InputTransformer.apply(transformerPaths(transformer),
                transformer.get("inputTemplate").getAsString(), runEnded())).getAsJsonObject();

        assertTrue(declared.keySet().containsAll(passed.keySet()), passed.keySet() + " within " + declared.keySet());
        declared.forEach((name, declaration) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> parameter = (Map<String, Object>) declaration;
            if (!parameter.containsKey("default")) {
                assertTrue(passed.has(name), name + " has no default and must be passed");
            }
            if (!passed.has(name)) {
                return;
            }
            List<String> values = texts(passed.getAsJsonArray(name));
            assertTrue(values.size() == 1 || "StringList".equals(parameter.get("type")), name + ": one value unless a StringList");
            if ("Integer".equals(parameter.get("type"))) {
                values.forEach(value -> assertTrue(value.matches("\\d+"), name + ": " + value));
            }
            Object allowed = parameter.get("allowedPattern");
            if (allowed != null) {
                values.forEach(value -> assertTrue(Pattern.compile(allowed.toString()).matcher(value).find(),
                        name + " " + value + " fits " + allowed));
            }
        });
    }

    /** iam-simulate on prod's summary roles: the pipeline-run rule may start the summary, which may query only the logs it needs. */
    @Test
    void theRunEndedRuleStartsTheSummaryWhichQueriesTheDeniedCalls() {
        RoleDecisions security = RoleDecisions.of(PROD, SECURITY_ID);
        String rule = "arn:aws:events:eu-central-1:" + SECURITY_ID + ":rule/deletion-guard-summarize-pipeline-run";
        String deniedCalls = "arn:aws:logs:eu-central-1:" + SECURITY_ID + ":log-group:/aws/events/deletion-guard-denied-calls";
        assertDecisions("pipeline-run summary", List.of(
                security.assume("the pipeline-run rule assumes the trigger role", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", SECURITY_ID, rule, Allowed),
                security.act("the trigger role starts the summary", role(SECURITY_ID, "deletion-guard-summary-trigger"), "ssm:StartAutomationExecution",
                        named(PROD, EventTarget.class, COMPONENT + "-to-summary").input("arn"), SECURITY_ID, Map.of(), Allowed),
                security.act("the summary queries the denied calls", role(SECURITY_ID, "deletion-guard-summary-automation"), "logs:StartQuery",
                        deniedCalls, SECURITY_ID, Map.of(), Allowed),
                security.act("the summary queries a workload's logs", role(SECURITY_ID, "deletion-guard-summary-automation"), "logs:StartQuery",
                        deniedCalls.replace("/aws/events/deletion-guard-denied-calls", "/aws/lambda/payments-api"), SECURITY_ID,
                        Map.of(), ImplicitlyDenied)));
    }

    private static List<String> texts(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void withoutPipelineRolesNothingChanges() {
        OfflineEngine.Run staging = Deployments.ofStackFile("staging");
        assertTrue(Deployments.components(staging, PipelineRunNotices.TYPE).isEmpty());
        assertEquals(List.of(), Deployments.ofType(staging, MetricAlarm.class).stream()
                .filter(alarm -> alarm.input("name").contains("pipeline")).toList());
    }

    /** The figures the README gives: 7 account-pinned ARNs of 51 characters fit, 8 do not; 9 every-account ones fit. */
    @Test
    void theFilterPatternLimitAdmitsSevenPinnedOrNineEveryAccountRoles() {
        assertEquals(List.of(true, false, true, false), List.of(fits(7, "arn:aws:iam::444444444444:role/ci/payments-deploy%02d"),
                fits(8, "arn:aws:iam::444444444444:role/ci/payments-deploy%02d"), fits(9, "arn:aws:iam::*:role/ci/platform-deploy%02d"),
                fits(10, "arn:aws:iam::*:role/ci/platform-deploy%02d")));
    }

    private static boolean fits(int count, String arnFormat) {
        List<String> roles = IntStream.range(0, count).mapToObj(i -> "\"" + arnFormat.formatted(i) + "\"").toList();
        try {
            PreparedForwarding.prepare(ConfigBuilder.stackFile("prod").set("pipelineRoles", roles.toString()).load(),
                    PolicyFiles.inProjectRoot(), Optional.empty());
            return true;
        } catch (InvalidPolicyException e) {
            assertTrue(e.getMessage().contains("allows 1024"), e.getMessage());
            return false;
        }
    }

    /** Each role costs the paging pattern its ARN and some 60 characters; the 1,024-character limit decides how many fit. */
    @Test
    void morePipelineRolesThanTheFilterPatternHoldsAreRefusedNamingTheLimitAndTheKey() {
        StringBuilder roles = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            roles.append(i == 0 ? "" : ",").append("\"arn:aws:iam::444444444444:role/ci/deployer-").append(i).append('"');
        }
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").set("pipelineRoles", roles.append("]").toString()).run();

        InvalidPolicyException error = run.errors().stream()
                .flatMap(failure -> Stream.iterate((Throwable) failure, Objects::nonNull, Throwable::getCause))
                .filter(InvalidPolicyException.class::isInstance).map(InvalidPolicyException.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no InvalidPolicyException in " + run.errors()));
        // Both filters' sizes at once: the paging one excludes the roles, the pipeline one counts them.
        assertTrue(error.getMessage().contains("metric filter deletion-guard-denied-calls is "), error.getMessage());
        assertTrue(error.getMessage().contains("metric filter deletion-guard-pipeline-denied-calls is "), error.getMessage());
        assertTrue(error.getMessage().contains("CloudWatch Logs (PutMetricFilter) allows 1024"), error.getMessage());
        assertTrue(error.getMessage().contains("list fewer deletion-guard:pipelineRoles"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }
}

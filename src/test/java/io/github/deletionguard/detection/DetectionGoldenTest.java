package io.github.deletionguard.detection;

import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.iam.Role;
import io.github.deletionguard.naming.ForwardingRule;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

import static io.github.deletionguard.testing.PlannedResources.inlinePolicies;
import static io.github.deletionguard.testing.PlannedResources.named;
import static io.github.deletionguard.testing.PlannedResources.transformerText;

/**
 * The documents detection sends to AWS, from both stack files, compared byte for byte with the
 * reviewed files under {@code src/test/resources/golden/detection/}: patterns, message
 * templates, the bus policy, the forwarding role of one account with three regions, and the
 * denied-calls log group's policy, filter and alarm. The hub
 * topic policies, which admit the central rules, are golden files of NotificationTopicPolicyTest.
 */
class DetectionGoldenTest {

    @Test
    void prodDocumentsAreTheReviewedOnes() {
        assertDetectionDocuments("prod", Deployments.ofStackFile("prod"), "444444444444");
    }

    @Test
    void stagingDocumentsAreTheReviewedOnes() {
        assertDetectionDocuments("staging", Deployments.ofStackFile("staging"), "230000000003");
    }

    private static void assertDetectionDocuments(String stack, OfflineEngine.Run run, String account) {
        for (ForwardingRule concern : ForwardingRule.values()) {
            // The deletion events rule keeps the file and the logical name it was released with.
            String file = concern == ForwardingRule.DELETION_EVENTS ? "forwarding-rule-pattern.json"
                    : "forwarding-rule-" + concern.id() + "-pattern.json";
            String logicalName = concern == ForwardingRule.DELETION_EVENTS ? "payments-" + stack + "-eu-central-1-forwarding-rule"
                    : concern.globalServices() ? "payments-" + stack + "-global-services-" + concern.id() + "-rule"
                    : "payments-" + stack + "-eu-central-1-forwarding-" + concern.id() + "-rule";
            GoldenFiles.assertMatches("detection/" + stack + "/" + file, named(run, EventRule.class, logicalName).input("eventPattern"));
        }
        GoldenFiles.assertMatches("detection/" + stack + "/central-bus-policy.json",
                Deployments.ofType(run, EventBusPolicy.class).get(0).input("policy"));
        StringBuilder centralRules = new StringBuilder();
        for (PlannedResource rule : Deployments.ofType(run, EventRule.class)) {
            if (rule.input("eventBusName") == null) {
                continue;
            }
            PlannedResource target = Deployments.ofType(run, EventTarget.class).stream()
                    .filter(candidate -> rule.input("name").equals(candidate.input("rule"))).findFirst().orElseThrow();
            centralRules.append(rule.input("name")).append('\n')
                    .append("  state: ").append(rule.input("state")).append('\n')
                    .append("  pattern: ").append(rule.input("eventPattern")).append('\n')
                    .append("  target: ").append(target.input("arn")).append('\n');
            if (target.inputs().has("inputTransformer")) {
                centralRules.append(transformerText(target.inputs().getAsJsonObject("inputTransformer")).indent(2));
            }
        }
        GoldenFiles.assertMatches("detection/" + stack + "/central-rules.txt", centralRules.toString());
        PlannedResource role = Deployments.ofType(run, Role.class).stream()
                .filter(candidate -> candidate.provider().orElseThrow().account().equals(account))
                .filter(candidate -> "deletion-guard-event-forwarding".equals(candidate.input("name")))
                .findFirst().orElseThrow();
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-payments-trust.json", role.input("assumeRolePolicy"));
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-policy.json", inlinePolicies(role).get("put-events-on-central-bus"));
        StringBuilder deniedCalls = new StringBuilder();
        Deployments.ofType(run, LogResourcePolicy.class).forEach(policy ->
                deniedCalls.append("log group policy: ").append(policy.input("policyDocument")).append('\n'));
        Deployments.ofType(run, LogMetricFilter.class).stream().filter(filter -> filter.name().startsWith("central-events"))
                .forEach(filter -> deniedCalls.append("filter: ").append(filter.input("pattern")).append('\n'));
        Deployments.ofType(run, MetricAlarm.class).stream().filter(alarm -> alarm.name().startsWith("central-events"))
                .forEach(alarm -> deniedCalls.append("alarm: ").append(alarm.input("name")).append('\n')
                        .append("  description: ").append(alarm.input("alarmDescription")).append('\n'));
        GoldenFiles.assertMatches("detection/" + stack + "/denied-calls.txt", deniedCalls.toString());
    }

    /**
     * The staging sandbox's daily digest: the schedule and the parameters it starts the summary
     * Automation with, and the summary roles' documents (the digest's rule is in central-rules.txt,
     * its log group's policy in denied-calls.txt).
     */
    @Test
    void stagingDigestAndSummaryAreTheReviewedOnes() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");
        PlannedResource schedule = named(run, EventRule.class, "ephemeral-digest-schedule");
        PlannedResource target = named(run, EventTarget.class, "ephemeral-digest-schedule-to-summary");
        StringBuilder digest = new StringBuilder()
                .append(schedule.input("name")).append('\n')
                .append("  schedule: ").append(schedule.input("scheduleExpression")).append('\n')
                .append("  target: ").append(target.input("arn")).append('\n')
                .append("  role: ").append(target.input("roleArn")).append('\n')
                .append("  input: ").append(target.input("input")).append('\n');
        for (String roleName : new String[]{"event-summary-automation-role", "event-summary-trigger-role"}) {
            PlannedResource role = named(run, Role.class, roleName);
            digest.append(role.input("name")).append('\n')
                    .append("  trust: ").append(role.input("assumeRolePolicy")).append('\n');
            inlinePolicies(role).forEach((name, policy) -> digest.append("  ").append(name).append(": ").append(policy).append('\n'));
        }
        GoldenFiles.assertMatches("detection/staging/ephemeral-digest.txt", digest.toString());
    }
}

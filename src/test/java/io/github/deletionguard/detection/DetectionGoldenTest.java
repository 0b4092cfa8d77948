package io.github.deletionguard.detection;

import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.iam.Role;
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
 * templates, the bus policy, and the forwarding role of one account with three regions. The hub
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
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-rule-pattern.json",
                named(run, EventRule.class, "payments-" + stack + "-eu-central-1-forwarding-rule").input("eventPattern"));
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
                    .append("  target: ").append(target.input("arn")).append('\n')
                    .append(transformerText(target.inputs().getAsJsonObject("inputTransformer")).indent(2));
        }
        GoldenFiles.assertMatches("detection/" + stack + "/central-rules.txt", centralRules.toString());
        PlannedResource role = Deployments.ofType(run, Role.class).stream()
                .filter(candidate -> candidate.provider().orElseThrow().account().equals(account))
                .filter(candidate -> "deletion-guard-event-forwarding".equals(candidate.input("name")))
                .findFirst().orElseThrow();
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-payments-trust.json", role.input("assumeRolePolicy"));
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-policy.json", inlinePolicies(role).get("put-events-on-central-bus"));
    }
}

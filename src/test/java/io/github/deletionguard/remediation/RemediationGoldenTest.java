package io.github.deletionguard.remediation;

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
 * The documents remediation sends to AWS from the prod stack file, compared byte for byte with
 * the reviewed files under {@code src/test/resources/golden/remediation/}: the rule's pattern,
 * the target's input, and the IAM documents of one account with three regions.
 */
class RemediationGoldenTest {
    private static final String PAYMENTS = "444444444444";

    @Test
    void prodDocumentsAreTheReviewedOnes() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        assertRole("remediation/prod/automation-role-payments-prod", run, "deletion-guard-remediation-automation");
        assertRole("remediation/prod/trigger-role-payments-prod", run, "deletion-guard-remediation-trigger");
        PlannedResource rule = named(run, EventRule.class, "payments-prod-us-east-1-remediation-rule");
        GoldenFiles.assertMatches("remediation/prod/remediation-rule-pattern.json", rule.input("eventPattern"));
        PlannedResource target = named(run, EventTarget.class, "payments-prod-us-east-1-remediation-to-automation");
        GoldenFiles.assertMatches("remediation/prod/remediation-target-input-payments-prod.txt",
                transformerText(target.inputs().getAsJsonObject("inputTransformer")));
    }

    private static void assertRole(String golden, OfflineEngine.Run run, String roleName) {
        PlannedResource role = Deployments.ofType(run, Role.class).stream()
                .filter(candidate -> candidate.provider().orElseThrow().account().equals(PAYMENTS))
                .filter(candidate -> roleName.equals(candidate.input("name")))
                .findFirst().orElseThrow();
        GoldenFiles.assertMatches(golden + "-trust.json", role.input("assumeRolePolicy"));
        inlinePolicies(role).forEach((name, document) -> GoldenFiles.assertMatches(golden + "-" + name + ".json", document));
    }
}

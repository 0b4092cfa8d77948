package io.github.deletionguard.notifications;

import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.DecisionTable;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;

/** The hub topic policies as AWS receives them, and who they let publish, decided by iam-simulate. */
class NotificationTopicPolicyTest {
    private static final String TOPIC = "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications";

    private static String policyIn(OfflineEngine.Run run, String region) {
        return Deployments.ofType(run, TopicPolicy.class).stream()
                .filter(policy -> policy.provider().orElseThrow().region().equals(region))
                .map(policy -> policy.input("policy")).findFirst().orElseThrow();
    }

    @Test
    void renderedPoliciesMatchTheReviewedGoldenFiles() {
        for (String stack : List.of("staging", "prod")) {
            OfflineEngine.Run run = Deployments.ofStackFile(stack);
            for (PlannedResource policy : Deployments.ofType(run, TopicPolicy.class)) {
                String region = policy.provider().orElseThrow().region();
                GoldenFiles.assertMatches("notifications/" + stack + "-topic-policy-" + region + ".json", policy.input("policy"));
            }
        }
    }

    @Test
    void onlyGuardAlarmsOfTheOrganizationsAccountsMayPublish() {
        JsonObject policy = JsonParser.parseString(policyIn(Deployments.ofStackFile("prod"), "eu-central-1")).getAsJsonObject();
        String ourAlarm = "arn:aws:cloudwatch:eu-central-1:111111111111:alarm:deletion-guard-kms-errors";

        new DecisionTable("hub topic policy")
                .expect(Allowed, service("our alarm in a guarded account", "cloudwatch.amazonaws.com", "111111111111", ourAlarm, policy))
                .expect(ImplicitlyDenied, service("our alarm in an account outside the config", "cloudwatch.amazonaws.com",
                        "999999999999", ourAlarm.replace("111111111111", "999999999999"), policy))
                .expect(ImplicitlyDenied, service("someone else's alarm in a guarded account", "cloudwatch.amazonaws.com",
                        "111111111111", "arn:aws:cloudwatch:eu-central-1:111111111111:alarm:billing", policy))
                .expect(ImplicitlyDenied, service("another service", "s3.amazonaws.com", "111111111111", ourAlarm, policy))
                .expect(ImplicitlyDenied, new Case("a role in a guarded account", List.of(IamSimulator.fullAwsAccess()), List.of(), policy,
                        new Request("arn:aws:iam::111111111111:role/Admin", "sns:Publish", TOPIC, Map.of())))
                .expect(Allowed, new Case("the security account's own admin", List.of(IamSimulator.fullAwsAccess()), List.of(), policy,
                        new Request("arn:aws:iam::222222222222:role/Admin", "sns:Publish", TOPIC, Map.of())))
                .assertDecisions();
    }

    private static Case service(String name, String service, String sourceAccount, String sourceArn, JsonObject policy) {
        return new Case(name, List.of(), List.of(), policy, new Request(service, "sns:Publish", TOPIC,
                Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn)));
    }
}

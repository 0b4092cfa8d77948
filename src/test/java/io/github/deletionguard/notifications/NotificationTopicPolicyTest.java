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

    private static final String NOTICES = "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notices";

    private static String policyOf(OfflineEngine.Run run, String policyName) {
        return Deployments.ofType(run, TopicPolicy.class).stream()
                .filter(policy -> policy.name().equals(policyName))
                .map(policy -> policy.input("policy")).findFirst().orElseThrow();
    }

    @Test
    void renderedPoliciesMatchTheReviewedGoldenFiles() {
        for (String stack : List.of("staging", "prod")) {
            OfflineEngine.Run run = Deployments.ofStackFile(stack);
            for (PlannedResource policy : Deployments.ofType(run, TopicPolicy.class)) {
                String region = policy.provider().orElseThrow().region();
                String file = policy.name().startsWith("notices-") ? stack + "-notices-topic-policy.json"
                        : stack + "-topic-policy-" + region + ".json";
                GoldenFiles.assertMatches("notifications/" + file, policy.input("policy"));
            }
        }
    }

    @Test
    void onlyGuardAlarmsOfTheOrganizationsAccountsMayPublish() {
        JsonObject policy = JsonParser.parseString(policyOf(Deployments.ofStackFile("prod"), "notifications-eu-central-1-topic-policy")).getAsJsonObject();
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

    /** Notices page nobody, so only what is meant to be a notice may publish there: the approvals' central rules. */
    @Test
    void onlyTheApprovalNoticeRulesPublishNotices() {
        JsonObject policy = JsonParser.parseString(policyOf(Deployments.ofStackFile("prod"), "notices-topic-policy")).getAsJsonObject();
        String bus = "arn:aws:events:eu-central-1:222222222222:rule/deletion-guard-deletion-events/";

        new DecisionTable("notices topic policy")
                .expect(Allowed, service("the approval's notice rule", "events.amazonaws.com", "222222222222",
                        bus + "deletion-guard-notify-approved-7fcff1fb", policy, NOTICES))
                .expect(ImplicitlyDenied, service("a paging central rule", "events.amazonaws.com", "222222222222",
                        bus + "deletion-guard-notify-key-deletion", policy, NOTICES))
                .expect(ImplicitlyDenied, service("our alarm in a guarded account", "cloudwatch.amazonaws.com", "111111111111",
                        "arn:aws:cloudwatch:eu-central-1:111111111111:alarm:deletion-guard-kms-errors", policy, NOTICES))
                .expect(ImplicitlyDenied, new Case("a role in a guarded account", List.of(IamSimulator.fullAwsAccess()), List.of(),
                        policy, new Request("arn:aws:iam::111111111111:role/Admin", "sns:Publish", NOTICES, Map.of())))
                .assertDecisions();
    }

    private static Case service(String name, String service, String sourceAccount, String sourceArn, JsonObject policy) {
        return service(name, service, sourceAccount, sourceArn, policy, TOPIC);
    }

    private static Case service(String name, String service, String sourceAccount, String sourceArn, JsonObject policy,
                                String topicArn) {
        return new Case(name, List.of(), List.of(), policy, new Request(service, "sns:Publish", topicArn,
                Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn)));
    }
}

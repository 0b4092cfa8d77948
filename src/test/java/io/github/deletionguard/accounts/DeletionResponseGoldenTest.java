package io.github.deletionguard.accounts;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;


/**
 * The documents the response to deletions sends to AWS, from both stack files, compared byte for
 * byte with the reviewed files under {@code src/test/resources/golden/}: patterns, message
 * templates, the bus policy, and the IAM documents of one account with three regions. The hub
 * topic policies, which admit the central rules, are golden files of NotificationTopicPolicyTest.
 */
class DeletionResponseGoldenTest {
    private static final String PAYMENTS = "444444444444";

    @Test
    void prodDocumentsAreTheReviewedOnes() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        assertDetectionDocuments("prod", run);

        assertRole("remediation/prod/automation-role-payments-prod", run, "deletion-guard-remediation-automation");
        assertRole("remediation/prod/trigger-role-payments-prod", run, "deletion-guard-remediation-trigger");
        PlannedResource rule = resource(run, "aws:cloudwatch/eventRule:EventRule", "payments-prod-us-east-1-remediation-rule");
        GoldenFiles.assertMatches("remediation/prod/remediation-rule-pattern.json", rule.input("eventPattern"));
        PlannedResource target = resource(run, "aws:cloudwatch/eventTarget:EventTarget",
                "payments-prod-us-east-1-remediation-to-automation");
        GoldenFiles.assertMatches("remediation/prod/remediation-target-input-payments-prod.txt",
                transformer(target.inputs().getAsJsonObject("inputTransformer")));
    }

    @Test
    void stagingDocumentsAreTheReviewedOnes() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");
        assertDetectionDocuments("staging", run);
    }

    private static void assertDetectionDocuments(String stack, OfflineEngine.Run run) {
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-rule-pattern.json",
                resource(run, "aws:cloudwatch/eventRule:EventRule", "payments-" + stack + "-eu-central-1-forwarding-rule")
                        .input("eventPattern"));
        GoldenFiles.assertMatches("detection/" + stack + "/central-bus-policy.json",
                Deployments.ofType(run, "aws:cloudwatch/eventBusPolicy:EventBusPolicy").get(0).input("policy"));
        StringBuilder centralRules = new StringBuilder();
        for (PlannedResource rule : Deployments.ofType(run, "aws:cloudwatch/eventRule:EventRule")) {
            if (rule.input("eventBusName") == null) {
                continue;
            }
            PlannedResource target = Deployments.ofType(run, "aws:cloudwatch/eventTarget:EventTarget").stream()
                    .filter(candidate -> rule.input("name").equals(candidate.input("rule"))).findFirst().orElseThrow();
            centralRules.append(rule.input("name")).append('\n')
                    .append("  state: ").append(rule.input("state")).append('\n')
                    .append("  pattern: ").append(rule.input("eventPattern")).append('\n')
                    .append("  target: ").append(target.input("arn")).append('\n')
                    .append(transformer(target.inputs().getAsJsonObject("inputTransformer")).indent(2));
        }
        GoldenFiles.assertMatches("detection/" + stack + "/central-rules.txt", centralRules.toString());
        String account = stack.equals("prod") ? PAYMENTS : "230000000003";
        PlannedResource role = Deployments.ofType(run, "aws:iam/role:Role").stream()
                .filter(candidate -> candidate.provider().orElseThrow().account().equals(account))
                .filter(candidate -> "deletion-guard-event-forwarding".equals(candidate.input("name")))
                .findFirst().orElseThrow();
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-payments-trust.json", role.input("assumeRolePolicy"));
        GoldenFiles.assertMatches("detection/" + stack + "/forwarding-role-policy.json", inlinePolicies(role).get("put-events-on-central-bus"));
    }

    private static void assertRole(String golden, OfflineEngine.Run run, String roleName) {
        PlannedResource role = Deployments.ofType(run, "aws:iam/role:Role").stream()
                .filter(candidate -> candidate.provider().orElseThrow().account().equals(PAYMENTS))
                .filter(candidate -> roleName.equals(candidate.input("name")))
                .findFirst().orElseThrow();
        GoldenFiles.assertMatches(golden + "-trust.json", role.input("assumeRolePolicy"));
        inlinePolicies(role).forEach((name, document) -> GoldenFiles.assertMatches(golden + "-" + name + ".json", document));
    }

    private static Map<String, String> inlinePolicies(PlannedResource role) {
        Map<String, String> policies = new TreeMap<>();
        for (JsonElement policy : role.inputs().getAsJsonArray("inlinePolicies")) {
            policies.put(policy.getAsJsonObject().get("name").getAsString(), policy.getAsJsonObject().get("policy").getAsString());
        }
        return policies;
    }

    private static String transformer(JsonObject transformer) {
        StringBuilder text = new StringBuilder("inputPaths:\n");
        new TreeMap<>(transformer.getAsJsonObject("inputPaths").asMap()).forEach((name, path) ->
                text.append("  ").append(name).append(": ").append(path.getAsString()).append('\n'));
        return text.append("inputTemplate: ").append(transformer.get("inputTemplate").getAsString()).append('\n').toString();
    }

    private static PlannedResource resource(OfflineEngine.Run run, String type, String name) {
        return Deployments.ofType(run, type).stream().filter(resource -> resource.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }
}

package io.github.deletionguard.baseline;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.ssm.Document;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.DeletionEventSamples;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.EventRuleMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One account through both engines: the org stack file as it is (StackSets), and the same
 * organization with the security account guarded by the provider engine. Every rule pattern,
 * target, input template, policy document and the Automation document the account gets is the
 * same text, byte for byte; the StackSets' templates are read as CloudFormation would resolve
 * them for that account and each region.
 */
class EngineEquivalenceTest {
    private static final String ACCOUNT = "222222222222";
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1");

    private static OfflineEngine.Run providers;
    private static String globalTemplate;
    private static String regionalTemplate;

    @BeforeAll
    static void deployBoth() {
        providers = Deployments.of(ConfigBuilder.stackFile("org").remove("memberBaseline").load());
        OfflineEngine.Run stackSets = Deployments.ofStackFile("org");
        globalTemplate = StackSetBaseline.templateBody(stackSets, "deletion-guard-member-baseline-global");
        regionalTemplate = StackSetBaseline.templateBody(stackSets, "deletion-guard-member-baseline-regional");
    }

    @Test
    void theRolesAreTheSameDocumentsInBothEngines() {
        Map<String, String> byProviders = new TreeMap<>();
        at(providers, Role.class, ACCOUNT, null).forEach(role -> byProviders.put(role.input("name"), describeRole(role.inputs())));
        Map<String, String> byStackSets = new TreeMap<>();
        StackSetBaseline.roles(globalTemplate, ACCOUNT).forEach((name, role) -> byStackSets.put(name, describeRole(role)));
        assertEquals(3, byProviders.size(), byProviders::toString);
        assertEquals(byProviders, byStackSets);
    }

    @Test
    void everyRegionHasTheSameRulesTargetsAndAutomationDocumentInBothEngines() {
        for (String region : REGIONS) {
            Map<String, String> byProviders = new TreeMap<>();
            for (PlannedResource rule : memberRules(ACCOUNT, region)) {
                PlannedResource target = at(providers, EventTarget.class, ACCOUNT, region).stream()
                        .filter(candidate -> rule.input("name").equals(candidate.input("rule"))).findFirst().orElseThrow();
                byProviders.put(rule.input("name"), String.join("\n", rule.input("description"), rule.input("eventPattern"),
                        rule.input("state"), describeTarget(target.inputs(), "targetId", "arn", "roleArn", "inputTransformer",
                                "inputPaths", "inputTemplate")));
            }
            Map<String, JsonObject> resolved = StackSetBaseline.resolved(regionalTemplate, ACCOUNT, region);
            Map<String, String> byStackSets = new TreeMap<>();
            for (JsonObject rule : StackSetBaseline.ofType(resolved, "AWS::Events::Rule")) {
                assertEquals(1, rule.getAsJsonArray("Targets").size());
                byStackSets.put(rule.get("Name").getAsString(), String.join("\n", rule.get("Description").getAsString(),
                        rule.get("EventPattern").getAsString(), rule.get("State").getAsString(),
                        describeTarget(rule.getAsJsonArray("Targets").get(0).getAsJsonObject(), "Id", "Arn", "RoleArn",
                                "InputTransformer", "InputPathsMap", "InputTemplate")));
            }
            assertEquals(2, byProviders.size(), region + ": " + byProviders.keySet());
            assertEquals(byProviders, byStackSets, region);

            PlannedResource document = at(providers, Document.class, ACCOUNT, region).get(0);
            JsonObject template = StackSetBaseline.ofType(resolved, "AWS::SSM::Document").get(0);
            assertEquals(List.of(document.input("name"), document.input("documentType"), document.input("documentFormat"),
                            document.input("content")),
                    List.of(template.get("Name").getAsString(), template.get("DocumentType").getAsString(),
                            template.get("DocumentFormat").getAsString(), template.get("Content").getAsString()), region);
        }
    }

    /** Event Ruler decides the templates' patterns: each sample deletion event matches in both engines alike, and some do. */
    @Test
    void eventRulerDecidesTheTemplatesPatternsAsTheProviderEnginesOnes() {
        Map<String, String> templatePatterns = new TreeMap<>();
        StackSetBaseline.ofType(StackSetBaseline.resolved(regionalTemplate, ACCOUNT, "us-east-1"), "AWS::Events::Rule")
                .forEach(rule -> templatePatterns.put(rule.get("Name").getAsString(), rule.get("EventPattern").getAsString()));
        Map<String, String> providerPatterns = new TreeMap<>();
        memberRules(ACCOUNT, "us-east-1").forEach(rule -> providerPatterns.put(rule.input("name"), rule.input("eventPattern")));
        boolean anyMatched = false;
        for (Map.Entry<String, JsonObject> sample : DeletionEventSamples.all().entrySet()) {
            var byTemplate = EventRuleMatcher.matching(templatePatterns, sample.getValue());
            assertEquals(EventRuleMatcher.matching(providerPatterns, sample.getValue()), byTemplate, sample.getKey());
            anyMatched |= !byTemplate.isEmpty();
        }
        assertTrue(anyMatched, "no sample event matched: the comparison would prove nothing");
        assertFalse(templatePatterns.isEmpty());
    }

    private static List<PlannedResource> at(OfflineEngine.Run run, Class<? extends com.pulumi.resources.CustomResource> type,
                                            String account, String region) {
        return Deployments.ofType(run, type).stream()
                .filter(resource -> resource.provider().orElseThrow().account().equals(account))
                .filter(resource -> region == null || resource.provider().orElseThrow().region().equals(region)).toList();
    }

    /** The rules on the account's default bus: the security account also has the central bus's. */
    private static List<PlannedResource> memberRules(String account, String region) {
        return at(providers, EventRule.class, account, region).stream().filter(rule -> rule.input("eventBusName") == null).toList();
    }

    private static String describeRole(JsonObject role) {
        StringBuilder text = new StringBuilder(role.get("description").getAsString()).append('\n')
                .append(role.get("assumeRolePolicy").getAsString());
        role.getAsJsonArray("inlinePolicies").forEach(policy -> text.append('\n')
                .append(policy.getAsJsonObject().get("name").getAsString()).append(": ")
                .append(policy.getAsJsonObject().get("policy").getAsString()));
        return text.toString();
    }

    /** A target in field names of either engine: id, ARN, role and, if any, the input transformer's paths (sorted) and template. */
    private static String describeTarget(JsonObject target, String id, String arn, String roleArn, String transformer,
                                         String paths, String template) {
        StringBuilder text = new StringBuilder(target.get(id).getAsString()).append('\n').append(target.get(arn).getAsString())
                .append('\n').append(target.get(roleArn).getAsString());
        if (target.has(transformer)) {
            JsonObject input = target.getAsJsonObject(transformer);
            new TreeMap<>(input.getAsJsonObject(paths).asMap()).forEach((name, path) ->
                    text.append('\n').append(name).append('=').append(path.getAsString()));
            text.append('\n').append(input.get(template).getAsString());
        }
        return text.toString();
    }
}

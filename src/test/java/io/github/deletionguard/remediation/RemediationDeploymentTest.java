package io.github.deletionguard.remediation;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.ssm.Document;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static io.github.deletionguard.testing.ConfigBuilder.MANAGEMENT_ID;
import static io.github.deletionguard.testing.ConfigBuilder.SECURITY_ID;
import static io.github.deletionguard.testing.ConfigBuilder.WORKLOAD_ID;
import static io.github.deletionguard.testing.PlannedResources.at;
import static io.github.deletionguard.testing.PlannedResources.onlyOne;
import static io.github.deletionguard.testing.PlannedResources.onlyTargetOf;
import static io.github.deletionguard.testing.PlannedResources.transformerPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Under mocks, per remediation setting: the documents, rules and targets in every account and region of the sample model. */
class RemediationDeploymentTest {
    private static final List<String> ACCOUNTS = List.of(MANAGEMENT_ID, SECURITY_ID, WORKLOAD_ID);
    private static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1");
    private static final List<RemediationSettings> SETTINGS = List.of(RemediationSettings.off(),
            new RemediationSettings(true, false), new RemediationSettings(false, true), new RemediationSettings(true, true));

    @Test
    void remediationIsDeployedInEveryAccountRegionOnlyWhenSwitchedOn() {
        for (RemediationSettings settings : SETTINGS) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().remediation(settings).load());
            for (String account : ACCOUNTS) {
                for (String region : REGIONS) {
                    ProviderTarget target = new ProviderTarget(account, region);
                    List<PlannedResource> documents = at(run, Document.class, target);
                    List<PlannedResource> rules = at(run, EventRule.class, target).stream()
                            .filter(rule -> "deletion-guard-remediate-deletion".equals(rule.input("name"))).toList();
                    if (!settings.anyEnabled()) {
                        assertEquals(List.of(), documents, settings + " " + target);
                        assertEquals(List.of(), rules, settings + " " + target);
                        continue;
                    }
                    PreparedRemediation remediation = remediation(settings);
                    PlannedResource document = documents.stream().collect(onlyOne());
                    assertEquals("Automation", document.input("documentType"));
                    assertEquals("YAML", document.input("documentFormat"));
                    assertEquals(remediation.document().content(), document.input("content"));
                    PlannedResource rule = rules.stream().collect(onlyOne());
                    assertEquals("ENABLED", rule.input("state"));
                    assertEquals(remediation.pattern(account), rule.input("eventPattern"));
                    PlannedResource toAutomation = onlyTargetOf(run, target, "deletion-guard-remediate-deletion");
                    assertEquals("arn:aws:ssm:" + region + ":" + account
                            + ":automation-definition/deletion-guard-remediate-deletion:$DEFAULT", toAutomation.input("arn"));
                    assertEquals("arn:aws:iam::" + account + ":role/deletion-guard-remediation-trigger",
                            toAutomation.input("roleArn"));
                    JsonObject transformer = toAutomation.inputs().getAsJsonObject("inputTransformer");
                    assertEquals(remediation.inputTemplate(account), transformer.get("inputTemplate").getAsString());
                    assertEquals(new TreeMap<>(remediation.inputPaths()), transformerPaths(transformer));
                }
            }
        }
    }

    private static PreparedRemediation remediation(RemediationSettings settings) {
        return PreparedRemediation.prepare(ConfigBuilder.sample().remediation(settings).load(), PolicyFiles.inProjectRoot())
                .orElseThrow();
    }
}

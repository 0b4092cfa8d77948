package io.github.deletionguard.baseline;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.testing.CloudFormationSchemas;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org stack's baseline templates: reviewed golden files, valid against CloudFormation's schemas, within its size quota. */
class BaselineTemplatesTest {
    private static final List<String> STACK_SETS = List.of("deletion-guard-member-baseline-global",
            "deletion-guard-member-baseline-regional");

    @Test
    void theTemplatesAreTheReviewedOnesAndFitTheQuota() {
        OfflineEngine.Run run = Deployments.ofStackFile("org");
        for (String stackSet : STACK_SETS) {
            String body = StackSetBaseline.templateBody(run, stackSet);
            GoldenFiles.assertMatches("baseline/org/" + stackSet + ".json", body);
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < CloudFormationTemplate.MAX_TEMPLATE_BODY_BYTES / 2, stackSet + " is " + bytes + " bytes");
        }
    }

    @Test
    void everyResourceTypeAndPropertyIsInCloudFormationsSchemas() {
        OfflineEngine.Run run = Deployments.ofStackFile("org");
        String regional = StackSetBaseline.templateBody(run, STACK_SETS.get(1));
        JsonObject misspelt = JsonParser.parseString(regional).getAsJsonObject();
        JsonObject rule = misspelt.getAsJsonObject("Resources").entrySet().iterator().next().getValue().getAsJsonObject();
        rule.getAsJsonObject("Properties").add("EventPatern", rule.getAsJsonObject("Properties").remove("EventPattern"));
        rule.addProperty("Type", "AWS::Events::Rule");

        Map<String, List<String>> problems = CloudFormationSchemas.problems(Map.of(
                "global", StackSetBaseline.templateBody(run, STACK_SETS.get(0)), "regional", regional,
                "misspelt", misspelt.toString()));

        assertEquals(List.of(), problems.get("global"));
        assertEquals(List.of(), problems.get("regional"));
        assertEquals(1, problems.get("misspelt").size(), problems::toString);
        assertTrue(problems.get("misspelt").get(0).startsWith(
                "Resources.ForwardDeletionEventsRule.Properties.EventPatern is not a property"), problems::toString);
    }

    @Test
    void valuesThatDifferPerAccountOrRegionGoThroughFnSubWithOtherVariablesEscaped() {
        assertEquals("\"same everywhere ${literal}\"", CloudFormationTemplate.value("same everywhere ${literal}").toString());
        assertEquals("{\"Fn::Sub\":\"arn:aws:iam::${AWS::AccountId}:role/x in ${AWS::Region}, not ${!aws:username}\"}",
                CloudFormationTemplate.value("arn:aws:iam::${AWS::AccountId}:role/x in ${AWS::Region}, not ${aws:username}").toString());
        assertEquals("RemediateDeletion", CloudFormationTemplate.logicalId("remediate-deletion"));
    }

    @Test
    void aTemplateOverCloudFormationsSizeQuotaStopsTheRunWithTheQuotaNamed() {
        CloudFormationTemplate template = new CloudFormationTemplate("too-big", "x".repeat(CloudFormationTemplate.MAX_TEMPLATE_BODY_BYTES));
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class, template::render);
        assertTrue(error.getMessage().contains("'Template body size in a request' allows 51200"), error.getMessage());
    }
}

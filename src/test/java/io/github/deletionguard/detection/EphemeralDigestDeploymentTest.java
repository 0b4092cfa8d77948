package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.ssm.Document;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.remediation.AutomationDocument;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.PlannedResources.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under mocks: staging's sandbox account gets the digest in the security account's home region
 * (its events' log group, the rule on the central bus, the daily schedule that starts the summary
 * Automation with parameters the document declares) and, with remediation on, no remediation at
 * all; a stack without ephemeral accounts deploys neither the digest nor the summary.
 */
class EphemeralDigestDeploymentTest {
    private static final String SECURITY = "220000000002";
    private static final String SANDBOX = "250000000005";
    private static final String PAYMENTS = "230000000003";
    private static final ProviderTarget HOME = new ProviderTarget(SECURITY, "eu-central-1");

    @Test
    void theDigestLogsOnTheCentralBusAndASchedulePassesTheSummaryItsParameters() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");
        PlannedResource logGroup = named(run, LogGroup.class, "ephemeral-digest-log-group");
        PlannedResource rule = named(run, EventRule.class, "ephemeral-digest-rule");
        PlannedResource toLogGroup = named(run, EventTarget.class, "ephemeral-digest-to-log-group");
        PlannedResource schedule = named(run, EventRule.class, "ephemeral-digest-schedule");
        PlannedResource toSummary = named(run, EventTarget.class, "ephemeral-digest-schedule-to-summary");
        for (PlannedResource resource : List.of(logGroup, rule, toLogGroup, schedule, toSummary,
                named(run, Document.class, "event-summary-document"))) {
            assertEquals(HOME, resource.provider().orElseThrow(), resource.name());
        }
        assertEquals("/aws/events/deletion-guard-ephemeral-events", logGroup.input("name"));
        assertEquals(String.valueOf(PreparedEphemeralDigest.RETENTION_DAYS), logGroup.input("retentionInDays"));
        assertEquals("deletion-guard-deletion-events", rule.input("eventBusName"));
        assertEquals("arn:aws:logs:eu-central-1:" + SECURITY + ":log-group:/aws/events/deletion-guard-ephemeral-events",
                toLogGroup.input("arn"));
        assertTrue(toLogGroup.dependsOn().stream().anyMatch(urn -> urn.endsWith("ephemeral-digest-log-group-policy")),
                toLogGroup.dependsOn().toString());
        // Scheduled rules live on the default bus.
        assertEquals(null, schedule.input("eventBusName"));
        assertEquals("cron(0 6 * * ? *)", schedule.input("scheduleExpression"));
        assertEquals("arn:aws:iam::" + SECURITY + ":role/deletion-guard-summary-trigger", toSummary.input("roleArn"));

        AutomationDocument document = AutomationDocument.load(PolicyFiles.inProjectRoot().file(PreparedSummary.DOCUMENT_FILE));
        JsonObject input = JsonParser.parseString(toSummary.input("input")).getAsJsonObject();
        Set<String> required = document.parameters().entrySet().stream()
                .filter(parameter -> !((Map<?, ?>) parameter.getValue()).containsKey("default"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(document.parameters().keySet().containsAll(input.keySet()), input.keySet() + " are not all parameters");
        assertTrue(input.keySet().containsAll(required), "required " + required + ", given " + input.keySet());
        input.entrySet().forEach(parameter -> assertEquals(1, parameter.getValue().getAsJsonArray().size(), parameter.getKey()));
        assertEquals("arn:aws:sns:eu-central-1:" + SECURITY + ":deletion-guard-notices",
                input.getAsJsonArray("TopicArn").get(0).getAsString());
        assertEquals("1440", input.getAsJsonArray("LookbackMinutes").get(0).getAsString());
        assertTrue(input.getAsJsonArray("Subject").get(0).getAsString().length() < 100);
    }

    @Test
    void nothingIsUndoneInAnEphemeralAccount() {
        OfflineEngine.Run run = ConfigBuilder.stackFile("staging").remediation(new RemediationSettings(true, true)).run();
        assertEquals(List.of(), run.errors());
        assertEquals(Set.of(), remediationIn(run, SANDBOX));
        assertEquals(Set.of("deletion-guard-remediate-deletion", "deletion-guard-remediation-automation",
                "deletion-guard-remediation-trigger"), remediationIn(run, PAYMENTS));
    }

    @Test
    void aStackWithoutEphemeralAccountsDeploysNoDigestAndNoSummary() {
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").remove("pipelineRoles").run();
        assertEquals(List.of(), run.errors());
        assertEquals(List.of(), Deployments.components(run, EphemeralDigest.TYPE));
        assertEquals(List.of(), Deployments.components(run, EventSummary.TYPE));
        // prod's pipeline roles need the summary, not the digest.
        OfflineEngine.Run prod = Deployments.ofStackFile("prod");
        assertEquals(List.of(), Deployments.components(prod, EphemeralDigest.TYPE));
        assertEquals(1, Deployments.components(prod, EventSummary.TYPE).size());
    }

    /** The remediation documents, rules and roles registered in the account, by physical name. */
    private static Set<String> remediationIn(OfflineEngine.Run run, String account) {
        return run.resources().stream()
                .filter(resource -> resource.is(Document.class) || resource.is(EventRule.class) || resource.is(Role.class))
                .filter(resource -> resource.provider().map(target -> target.account().equals(account)).orElse(false))
                .map(resource -> resource.input("name")).filter(name -> name != null && name.contains("remediat"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

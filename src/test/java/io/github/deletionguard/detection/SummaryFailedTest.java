package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.EventBridgeEvents;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.InputTransformer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digest or pipeline-run notice that was never sent is a message of its own: the summary
 * Automation's failed, timed-out or cancelled executions are forwarded and notified, on the hub,
 * in every stack that deploys the summary and only there.
 */
class SummaryFailedTest {
    private static final String SECURITY = "222222222222";
    private static final String HOME = "eu-central-1";

    private static PreparedForwarding forwarding(ConfigBuilder config) {
        GuardConfig loaded = config.load();
        return PreparedForwarding.prepare(loaded, PolicyFiles.inProjectRoot(), Optional.of("deletion-guard-remediate-deletion"));
    }

    @Test
    void theKindExistsExactlyWhereTheSummaryIsDeployed() {
        Map<String, Boolean> notified = new LinkedHashMap<>();
        Map<String, Boolean> deployed = new LinkedHashMap<>();
        for (String stack : List.of("prod", "staging", "org")) {
            notified.put(stack, forwarding(ConfigBuilder.stackFile(stack)).centralRules().stream()
                    .anyMatch(rule -> rule.kind() == NotifiedEvent.SUMMARY_FAILED));
            deployed.put(stack, !Deployments.components(Deployments.ofStackFile(stack), EventSummary.TYPE).isEmpty());
        }

        assertEquals(Map.of("prod", true, "staging", true, "org", false), deployed);
        assertEquals(deployed, notified);
    }

    @Test
    void onlyTheSummarysUnfinishedExecutionsAreNotifiedAndTheyAreForwarded() {
        PreparedForwarding forwarding = forwarding(ConfigBuilder.stackFile("prod"));
        Map<String, String> central = new LinkedHashMap<>();
        forwarding.centralRules().forEach(rule -> central.put(rule.kind().id(), rule.pattern()));

        Map<String, Set<String>> matched = new LinkedHashMap<>();
        for (String status : List.of("Failed", "TimedOut", "Cancelled", "Success", "InProgress")) {
            JsonObject event = EventBridgeEvents.automationStatusChange(SECURITY, HOME, "deletion-guard-summarize-events", status);
            matched.put(status, EventRuleMatcher.matching(central, event));
            if (!matched.get(status).isEmpty()) {
                assertTrue(forwarding.memberRules().stream().anyMatch(rule -> EventRuleMatcher.matches(rule.pattern(), event)),
                        status + " is not forwarded");
            }
        }
        matched.put("remediation Failed", EventRuleMatcher.matching(central,
                EventBridgeEvents.automationStatusChange(SECURITY, HOME, "deletion-guard-remediate-deletion", "Failed")));

        assertEquals(Map.of("Failed", Set.of("summary-failed"), "TimedOut", Set.of("summary-failed"),
                "Cancelled", Set.of("summary-failed"), "Success", Set.of(), "InProgress", Set.of(),
                "remediation Failed", Set.of("remediation-result")), matched);
    }

    @Test
    void theMessageNamesTheExecution() {
        PreparedForwarding.CentralRule rule = forwarding(ConfigBuilder.stackFile("prod")).centralRules().stream()
                .filter(candidate -> candidate.kind() == NotifiedEvent.SUMMARY_FAILED).findFirst().orElseThrow();
        String message = InputTransformer.message(rule.message().orElseThrow().inputPaths(), rule.message().orElseThrow().inputTemplate(),
                EventBridgeEvents.automationStatusChange(SECURITY, HOME, "deletion-guard-summarize-events", "TimedOut"));

        assertTrue(message.startsWith("deletion-guard MEDIUM: summary TimedOut in account 222222222222 (eu-central-1)"), message);
        assertTrue(message.contains("execution 333ba70b-2333-48db-b17e-a5e69c6f4d1c of deletion-guard-summarize-events"), message);
    }
}

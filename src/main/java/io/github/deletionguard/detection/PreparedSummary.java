package io.github.deletionguard.detection;

import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.remediation.AutomationDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary Automation of the security account, prepared before any resource: its reviewed
 * document and the IAM documents of its two roles. Rules of the security account start it to turn
 * the events a log group holds into one notice; its parameters are a contract (see the document).
 *
 * @param names the stack's names, which hold the document's, the roles' and the notices topic's
 */
public record PreparedSummary(ResourceNames names, AutomationDocument document, PolicyTemplate automationRoleTrust,
                              PolicyTemplate automationRolePolicy, PolicyTemplate triggerRoleTrust,
                              PolicyTemplate triggerRolePolicy) {

    public static final String DOCUMENT_FILE = "automation/summarize-events.yaml";

    public static PreparedSummary prepare(ResourceNames names, PolicyFiles policyFiles) {
        return new PreparedSummary(names,
                AutomationDocument.load(policyFiles.file(DOCUMENT_FILE)),
                // The remediation role's trust says the same for the security account: only its own Automations.
                policyFiles.load("remediation-automation-role-trust.json"),
                policyFiles.load("summary-automation-role-policy.json"),
                policyFiles.load("summary-trigger-role-trust.json"),
                policyFiles.load("summary-trigger-role-policy.json"));
    }

    /** The summary document's default version in the security account's home region, as rules target it. */
    public String automationDefinitionArn() {
        return Arns.automationDefinition(names.homeRegion(), names.securityAccountId(), names.summaryDocument());
    }

    public String renderAutomationRoleTrust() {
        return automationRoleTrust.render(Map.of(
                "accountId", names.securityAccountId(),
                "automationExecutionArns", List.of(Arns.automationExecutions(names.homeRegion(), names.securityAccountId()))));
    }

    /**
     * The automation role may start queries on exactly the summarized log groups (IAM names a log
     * group for StartQuery with and without the {@code :*} of its streams, so both), read and stop
     * queries (which have no resource), and publish to the notices topic, nothing else.
     */
    public String renderAutomationRolePolicy(List<String> logGroupArns) {
        if (logGroupArns.isEmpty()) {
            throw new IllegalArgumentException("the summary Automation needs at least one log group to summarize");
        }
        List<String> resources = new ArrayList<>();
        logGroupArns.stream().sorted().distinct().forEach(arn -> {
            resources.add(arn);
            resources.add(arn + ":*");
        });
        return automationRolePolicy.render(Map.of("logGroupArns", resources, "noticeTopicArn", names.noticeTopicArn()));
    }

    /**
     * The trigger role is for the program's own rules in the security account's home region: by
     * name on the default bus (schedules, alarm state changes), and on the central bus, whose name
     * starts with the prefix too, so the one pattern covers its rules. Creating another rule that
     * uses the role takes iam:PassRole of it as well.
     */
    public String renderTriggerRoleTrust() {
        return triggerRoleTrust.render(Map.of(
                "accountId", names.securityAccountId(),
                "ruleArns", List.of(Arns.eventRule(names.homeRegion(), names.securityAccountId(), names.anyName()))));
    }

    public String renderTriggerRolePolicy() {
        return triggerRolePolicy.render(Map.of(
                "automationDefinitionArn", automationDefinitionArn(),
                "automationRoleArn", names.summaryAutomationRoleArn()));
    }
}

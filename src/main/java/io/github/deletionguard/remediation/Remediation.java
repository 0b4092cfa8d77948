package io.github.deletionguard.remediation;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.detection.NotifiedEvent;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.exists;
import static io.github.deletionguard.patterns.EventPattern.Match.noneOfWildcards;

/**
 * What every account and region needs to undo deletions, prepared once per run before any
 * resource: the Automation document, the rule pattern, names and IAM documents. Present only when
 * the stack switches at least one remediation on.
 *
 * @param pattern the remediation rule's pattern: the enabled deletions, succeeded, by anyone but a break-glass role
 */
public record Remediation(
        RemediationSettings settings,
        String documentName,
        AutomationDocument document,
        String ruleName,
        String pattern,
        Map<String, String> inputPaths,
        String automationRoleName,
        String triggerRoleName,
        PolicyTemplate automationRoleTrust,
        PolicyTemplate keyPolicy,
        PolicyTemplate secretPolicy,
        PolicyTemplate triggerRoleTrust,
        PolicyTemplate triggerRolePolicy) {

    public static final String DOCUMENT_FILE = "automation/remediate-deletion.yaml";
    /** Where each Automation parameter comes from in the deletion event. */
    private static final Map<String, String> PARAMETER_PATHS = Map.of(
            "EventName", "$.detail.eventName",
            // The ARN KMS answered with, whether the caller named the key by id, ARN or alias.
            "KeyArn", "$.detail.responseElements.keyId",
            "ScheduledAt", "$.detail.eventTime",
            "SecretId", "$.detail.requestParameters.secretId");

    public Remediation {
        inputPaths = Map.copyOf(inputPaths);
    }

    public static String documentName(String resourcePrefix) {
        return resourcePrefix + "-remediate-deletion";
    }

    public static Optional<Remediation> prepare(GuardConfig config, PolicyFiles policyFiles) {
        RemediationSettings settings = config.remediation();
        if (!settings.anyEnabled()) {
            return Optional.empty();
        }
        String prefix = config.resourcePrefix();
        String ruleName = prefix + "-remediate-deletion";
        return Optional.of(new Remediation(
                settings,
                documentName(prefix),
                AutomationDocument.load(policyFiles.file(DOCUMENT_FILE)),
                ruleName,
                EventForwarding.checkedLength(ruleName, pattern(settings, config.organization().breakGlassRoles()).render()),
                PARAMETER_PATHS,
                prefix + "-remediation-automation",
                prefix + "-remediation-trigger",
                policyFiles.load("remediation-automation-role-trust.json"),
                policyFiles.load("remediation-automation-key-policy.json"),
                policyFiles.load("remediation-automation-secret-policy.json"),
                policyFiles.load("remediation-trigger-role-trust.json"),
                policyFiles.load("remediation-trigger-role-policy.json")));
    }

    /** Deletions that succeeded, of the kinds switched on, by anyone but a break-glass role. */
    static EventPattern pattern(RemediationSettings settings, List<BreakGlassRole> breakGlassRoles) {
        List<EventPattern> undone = new ArrayList<>();
        if (settings.cancelKeyDeletion()) {
            undone.add(EventPattern.apiCall("aws.kms").with("detail.eventName", equalTo("ScheduleKeyDeletion")));
        }
        if (settings.restoreSecret()) {
            undone.add(NotifiedEvent.recoverableSecretDeletion());
        }
        List<EventPattern> notByBreakGlass = undone.stream()
                .map(deletion -> exemptBreakGlass(deletion.with("detail.errorCode", exists(false)), breakGlassRoles))
                .toList();
        return notByBreakGlass.size() == 1 ? notByBreakGlass.get(0) : EventPattern.anyOf(notByBreakGlass);
    }

    /**
     * Break-glass deletions are intended. The role is recognised by the session issuer's ARN,
     * which keeps the role's path (the assumed-role ARN in userIdentity.arn does not). Callers
     * without a session issuer (IAM users, the root user) are never exempt; they need their own
     * branch because anything-but never matches an absent field.
     */
    private static EventPattern exemptBreakGlass(EventPattern deletion, List<BreakGlassRole> breakGlassRoles) {
        if (breakGlassRoles.isEmpty()) {
            return deletion;
        }
        String issuer = "sessionContext.sessionIssuer.arn";
        return deletion.withAnyOf("detail.userIdentity", List.of(
                EventPattern.empty().with(issuer, exists(false)),
                EventPattern.empty().with(issuer, noneOfWildcards(
                        breakGlassRoles.stream().map(BreakGlassRole::arnInAnyAccount).toList()))));
    }

    /** The Automation parameters for one account, as the target's input transformer template. */
    public String inputTemplate(String accountId) {
        JsonObject parameters = new JsonObject();
        parameters.add("AutomationAssumeRole", single(Arns.iamRole(accountId, automationRoleName)));
        inputPaths.keySet().stream().sorted().forEach(name -> parameters.add(name, single("<" + name + ">")));
        return PolicyTemplate.minify(parameters);
    }

    public String renderAutomationRoleTrust(String accountId, List<String> regions) {
        return automationRoleTrust.render(Map.of(
                "accountId", accountId,
                "automationExecutionArns", sorted(regions).stream()
                        .map(region -> Arns.automationExecutions(region, accountId)).toList()));
    }

    public String renderKeyPolicy(String accountId, List<String> regions) {
        return keyPolicy.render(Map.of(
                "keyArns", sorted(regions).stream().map(region -> Arns.kmsKeys(region, accountId)).toList(),
                "regions", sorted(regions)));
    }

    public String renderSecretPolicy(String accountId, List<String> regions) {
        return secretPolicy.render(Map.of(
                "secretArns", sorted(regions).stream().map(region -> Arns.secrets(region, accountId)).toList()));
    }

    public String renderTriggerRoleTrust(String accountId, List<String> regions) {
        return triggerRoleTrust.render(Map.of(
                "accountId", accountId,
                "remediationRuleArns", sorted(regions).stream()
                        .map(region -> Arns.eventRule(region, accountId, ruleName)).toList()));
    }

    public String renderTriggerRolePolicy(String accountId, List<String> regions) {
        return triggerRolePolicy.render(Map.of(
                "automationDefinitionArns", sorted(regions).stream()
                        .map(region -> Arns.automationDefinition(region, accountId, documentName)).toList(),
                "automationRoleArn", Arns.iamRole(accountId, automationRoleName)));
    }

    private static JsonArray single(String value) {
        JsonArray array = new JsonArray();
        array.add(value);
        return array;
    }

    private static List<String> sorted(List<String> regions) {
        return regions.stream().sorted().toList();
    }
}

package io.github.deletionguard.remediation;

import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.AutomationInput;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.ApprovedCalls;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.patterns.PatternLimits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;


/**
 * What every account and region needs to undo deletions, prepared once per run before any
 * resource: the Automation document, the rule pattern, names and IAM documents. Present only when
 * the stack switches at least one remediation on.
 *
 * @param breakGlassRoles the roles whose deletions are intended, exempt in the account they belong to
 * @param approvals       the approved deletions in force on the run's date, exempt in their resource's account
 */
public record PreparedRemediation(
        RemediationSettings settings,
        ResourceNames names,
        AutomationDocument document,
        List<BreakGlassRole> breakGlassRoles,
        List<ApprovedDeletion> approvals,
        Map<String, String> inputPaths,
        PolicyTemplate automationRoleTrust,
        PolicyTemplate keyPolicy,
        PolicyTemplate secretPolicy,
        PolicyTemplate triggerRoleTrust,
        PolicyTemplate triggerRolePolicy) {

    public static final String DOCUMENT_FILE = "automation/remediate-deletion.yaml";
    /** Where each Automation parameter comes from in the deletion event. */
    private static final Map<String, EventField> PARAMETER_FIELDS = Map.of(
            "EventName", EventField.EVENT_NAME,
            // Event history showing this id proves it has caught up with the deletion.
            "EventId", EventField.EVENT_ID,
            "KeyArn", EventField.RESPONSE_KEY_ID,
            "ScheduledAt", EventField.EVENT_TIME,
            "SecretId", EventField.REQUEST_SECRET_ID);

    /** Every account id has 12 digits, so every account's pattern has this one's length. */
    private static final String ANY_ACCOUNT_ID = "000000000000";

    public PreparedRemediation {
        breakGlassRoles = List.copyOf(breakGlassRoles);
        approvals = List.copyOf(approvals);
        inputPaths = Collections.unmodifiableMap(new TreeMap<>(inputPaths));
    }

    public static Optional<PreparedRemediation> prepare(GuardConfig config, PolicyFiles policyFiles) {
        RemediationSettings settings = config.remediation();
        if (!settings.anyEnabled()) {
            return Optional.empty();
        }
        ResourceNames names = ResourceNames.of(config);
        Map<String, String> inputPaths = new TreeMap<>();
        PARAMETER_FIELDS.forEach((parameter, field) -> inputPaths.put(parameter, field.inputPath()));
        List<BreakGlassRole> breakGlassRoles = config.organization().breakGlassRoles();
        List<ApprovedDeletion> approvals = config.deletionExceptions().active();
        // Every account's pattern has every approval and an account id of the same length.
        PatternLimits.checked(names.remediationRule(), pattern(settings, breakGlassRoles, approvals, ANY_ACCOUNT_ID));
        return Optional.of(new PreparedRemediation(
                settings,
                names,
                AutomationDocument.load(policyFiles.file(DOCUMENT_FILE)),
                breakGlassRoles,
                approvals,
                inputPaths,
                policyFiles.load("remediation-automation-role-trust.json"),
                policyFiles.load("remediation-automation-key-policy.json"),
                policyFiles.load("remediation-automation-secret-policy.json"),
                policyFiles.load("remediation-trigger-role-trust.json"),
                policyFiles.load("remediation-trigger-role-policy.json")));
    }

    /**
     * The remediation rule's pattern in one account (or {@code ${AWS::AccountId}} in a StackSet
     * template): the deletions switched on, succeeded, by anyone but that account's break-glass
     * roles, and not an approved deletion. Every account's rule carries every approval: an
     * approval's role and resource ARNs name their own account, so another account's events never
     * match them, and a StackSet template, which is the same for every account, skips the approved
     * deletions of the accounts it reaches like the provider engine does.
     */
    public String pattern(String accountId) {
        return pattern(settings, breakGlassRoles, approvals, accountId).render();
    }

    /**
     * Deletions that succeeded in the account, of the kinds switched on, by anyone but its
     * break-glass roles, and not an approved deletion (see {@link ApprovedCalls#exceptExempt}).
     * Break-glass roles are compared by the exact ARNs of the account's own roles: a wildcard for
     * the account would also match a role whose path ends in {@code :role/}, which the SCP's
     * ArnLike does not exempt.
     */
    static EventPattern pattern(RemediationSettings settings, List<BreakGlassRole> breakGlassRoles,
                                List<ApprovedDeletion> approvals, String accountId) {
        List<String> breakGlass = breakGlassRoles.stream().map(role -> role.arnIn(accountId)).toList();
        List<EventPattern> undone = new ArrayList<>();
        if (settings.cancelKeyDeletion()) {
            undone.add(exempting(ApprovedResource.Kind.KEY, breakGlass, approvals));
        }
        if (settings.restoreSecret()) {
            undone.add(exempting(ApprovedResource.Kind.SECRET, breakGlass, approvals));
        }
        return undone.size() == 1 ? undone.get(0) : EventPattern.anyOf(undone);
    }

    private static EventPattern exempting(ApprovedResource.Kind kind, List<String> breakGlass, List<ApprovedDeletion> approvals) {
        return ApprovedCalls.exceptExempt(ApprovedCalls.undoableDeletion(kind), breakGlass, ApprovedCalls.ofKind(approvals, kind),
                ApprovedCalls.resourceField(kind));
    }

    /** The Automation parameters for one account, as the target's input transformer template. */
    public String inputTemplate(String accountId) {
        AutomationInput parameters = new AutomationInput().put("AutomationAssumeRole", names.automationRoleArn(accountId));
        inputPaths.keySet().stream().sorted().forEach(name -> parameters.put(name, "<" + name + ">"));
        return parameters.render();
    }

    public String renderAutomationRoleTrust(String accountId, List<String> regions) {
        return automationRoleTrust.render(Map.of(
                "accountId", accountId,
                "automationExecutionArns", sorted(regions).stream()
                        .map(region -> Arns.automationExecutions(region, accountId)).toList()));
    }

    /** The automation role's inline policies by name: only the remediations switched on. */
    public Map<String, String> automationRolePermissions(String accountId, List<String> regions) {
        Map<String, String> permissions = new LinkedHashMap<>();
        if (settings.cancelKeyDeletion()) {
            permissions.put("cancel-key-deletion", renderKeyPolicy(accountId, regions));
        }
        if (settings.restoreSecret()) {
            permissions.put("restore-secret", renderSecretPolicy(accountId, regions));
        }
        return permissions;
    }

    private String renderKeyPolicy(String accountId, List<String> regions) {
        return keyPolicy.render(Map.of(
                "keyArns", sorted(regions).stream().map(region -> Arns.kmsKeys(region, accountId)).toList(),
                "regions", sorted(regions)));
    }

    private String renderSecretPolicy(String accountId, List<String> regions) {
        return secretPolicy.render(Map.of(
                "secretArns", sorted(regions).stream().map(region -> Arns.secrets(region, accountId)).toList()));
    }

    public String renderTriggerRoleTrust(String accountId, List<String> regions) {
        return triggerRoleTrust.render(Map.of(
                "accountId", accountId,
                "remediationRuleArns", sorted(regions).stream()
                        .map(region -> names.remediationRuleArn(region, accountId)).toList()));
    }

    public String renderTriggerRolePolicy(String accountId, List<String> regions) {
        return triggerRolePolicy.render(Map.of(
                "automationDefinitionArns", sorted(regions).stream()
                        .map(region -> Arns.automationDefinition(region, accountId, names.remediationDocument())).toList(),
                "automationRoleArn", names.automationRoleArn(accountId)));
    }


    private static List<String> sorted(List<String> regions) {
        return regions.stream().sorted().toList();
    }
}

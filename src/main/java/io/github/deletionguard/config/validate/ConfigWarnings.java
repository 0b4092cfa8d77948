package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.EphemeralScope;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;

import java.util.ArrayList;
import java.util.List;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * What a valid config leaves unwatched, said before deploying: either may be meant (a stack
 * that relies on EventBridge only, a security account guarded by a sibling stack), so neither
 * stops the deployment.
 */
public final class ConfigWarnings {
    private ConfigWarnings() {
    }

    public static List<ConfigIssue> of(GuardConfig config) {
        List<ConfigIssue> warnings = new ArrayList<>();
        if (config.accounts().stream().allMatch(member -> member.cloudTrailLogGroup().isEmpty())) {
            warnings.add(new ConfigIssue(qualified("accounts"),
                    "no account has a cloudTrailLogGroup, so no CloudWatch alarm is deployed at all: only the"
                            + " EventBridge notifications watch keys and secrets.",
                    "set cloudTrailLogGroup on the account whose CloudWatch Logs log group the organization trail delivers to."));
        }
        String securityId = config.securityAccount().account().id();
        // An OU stack leaves the security account to the stack that owns the central resources.
        List<MemberAccount> watching = config.stackScope().ownsCentralResources() ? config.guardedAccounts() : config.accounts();
        if (watching.stream().noneMatch(member -> member.id().equals(securityId))) {
            warnings.add(new ConfigIssue(qualified("securityAccount.id"),
                    "'" + securityId + "' is not among the accounts " + (config.stackScope().ownsCentralResources()
                            ? "this stack guards" : "of " + qualified("accounts"))
                            + ", so nothing watches the account that holds the critical keys and secrets and receives every notification.",
                    "add the security account to " + qualified("accounts") + (config.stackScope().ownsCentralResources()
                            ? " and to this stack's stackScope." : ".")));
        }
        // Validation cannot refuse this: a stack switched to access-only keeps its list for the day it switches back.
        if (!config.pipelineRoles().isEmpty() && config.alarmMode() == AlarmMode.ACCESS_ONLY) {
            warnings.add(new ConfigIssue(qualified("pipelineRoles"), "is set, but alarmMode access-only counts no denied"
                            + " deletion attempts, so the pipeline roles change nothing.",
                    "remove it, or set alarmMode to any-deletion, where their denied attempts become one notice per run."));
        }
        expiredApprovals(config, warnings);
        warnings.addAll(baselineCoverage(config));
        ephemeralScopes(config, warnings);
        return warnings;
    }

    /**
     * The central bus knows an ephemeral account only from the config, so a scope without a
     * configured account has its deletions paged one by one; and a StackSet cannot tell a sandbox
     * from its OU siblings, so targeting the scope, or an OU above it, deploys remediation there.
     */
    private static void ephemeralScopes(GuardConfig config, List<ConfigIssue> warnings) {
        List<EphemeralScope> scopes = config.deletionExceptions().ephemeralScopes();
        for (int i = 0; i < scopes.size(); i++) {
            EphemeralScope scope = scopes.get(i);
            String path = qualified("ephemeralScopes[" + i + "]");
            boolean configured = config.ephemeralAccounts().stream()
                    .anyMatch(member -> config.ephemeralScopeOf(member).filter(scope::equals).isPresent());
            if (!configured) {
                warnings.add(new ConfigIssue(path + ".organizationalUnitPath", "no account of " + qualified("accounts")
                        + " has organizationalUnit " + scope.organizationalUnitId() + ", so the central bus cannot tell '"
                        + scope.name() + "' apart: its deletions page one by one instead of reaching the daily digest.",
                        "add the scope's accounts to " + qualified("accounts") + " with organizationalUnit "
                                + scope.organizationalUnitId() + " (also those in OUs below it)."));
            }
            List<String> pathUnits = List.of(scope.organizationalUnitPath().split("/"));
            if (config.memberBaseline().usesStackSets() && config.remediation().anyEnabled()) {
                config.memberBaseline().organizationalUnits().stream().filter(pathUnits::contains).forEach(unit ->
                        warnings.add(new ConfigIssue(qualified("memberBaseline.organizationalUnits"), "'" + unit
                                + "' contains the ephemeral scope '" + scope.name() + "', and a StackSet deploys to every"
                                + " account below its targets: remediation there undoes the sandboxes' teardowns,"
                                + " which the SCP lets them do.",
                                "target the OUs beside " + scope.organizationalUnitId() + " instead of " + unit
                                        + ", and guard the sandboxes' accounts with the provider engine"
                                        + " (which deploys no remediation to them), or turn remediation off.")));
            }
        }
    }

    /**
     * With StackSets, the config cannot see the organization: an account without an OU may be in
     * one of the StackSets' OUs (then both engines deploy the same roles, and the StackSet's stack
     * fails there), and a StackSet account's regions beyond the StackSets' are guarded by neither.
     */
    public static List<ConfigIssue> baselineCoverage(GuardConfig config) {
        List<ConfigIssue> warnings = new ArrayList<>();
        if (!config.memberBaseline().usesStackSets()) {
            return warnings;
        }
        List<String> baselineRegions = config.memberBaseline().regions();
        String managementId = config.organization().managementAccount().id();
        for (int i = 0; i < config.accounts().size(); i++) {
            MemberAccount member = config.accounts().get(i);
            String path = qualified("accounts[" + i + "]");
            if (config.baselineByStackSets(member)) {
                List<String> uncovered = member.regions().stream().filter(region -> !baselineRegions.contains(region)).toList();
                if (!uncovered.isEmpty()) {
                    warnings.add(new ConfigIssue(path + ".regions", "'" + member.name() + "' is in the StackSets' OUs, which"
                            + " deploy to " + baselineRegions + " only: " + uncovered + " is guarded by neither engine.",
                            "add " + uncovered + " to " + qualified("memberBaseline.regions") + ", or drop them here."));
                }
            } else if (!member.id().equals(managementId) && member.organizationalUnit().isEmpty()) {
                warnings.add(new ConfigIssue(path + ".organizationalUnit", "'" + member.name() + "' has no OU, so the"
                        + " provider engine guards it; if it is in one of " + config.memberBaseline().organizationalUnits()
                        + " (or below), the StackSets deploy the same roles there and their stack fails.",
                        "set organizationalUnit to the targeted OU it is in (or above), or to its own OU if it is outside them."));
            }
        }
        return warnings;
    }

    /** An approval past its date exempts nothing any more, in AWS or here; the file should say so too. */
    private static void expiredApprovals(GuardConfig config, List<ConfigIssue> warnings) {
        List<ApprovedDeletion> approvals = config.deletionExceptions().approvedDeletions();
        for (int i = 0; i < approvals.size(); i++) {
            ApprovedDeletion approval = approvals.get(i);
            if (!approval.isActiveOn(config.deletionExceptions().evaluatedOn())) {
                warnings.add(new ConfigIssue(qualified("approvedDeletions[" + i + "]"),
                        "expired at " + approval.expiresAt() + " (ticket " + approval.ticket() + ", " + approval.resource().arn()
                                + "): AWS denies the deletion again and this run renders no exemption for it.",
                        "remove the entry; if the deletion is still to happen, renew it under a new ticket with a new until."));
            }
        }
    }
}

package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.PolicyRollout;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.ServiceControlPolicySettings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks {@code deletion-guard:serviceControlPolicy} against what AWS Organizations accepts and
 * against what the policy needs from the rest of the config, before anything is deployed.
 */
public final class ServiceControlPolicyValidator {
    private static final String PATH = qualified("serviceControlPolicy");
    /**
     * AWS Organizations quota "Maximum number of SCPs attached to a root, OU or account": 10 since
     * 15 May 2026 (5 before, as older documentation still says).
     */
    public static final int MAX_POLICIES_PER_TARGET = 10;
    /**
     * AWS Organizations quota "Maximum number of RCPs attached to a root, OU or account": 5,
     * RCPFullAWSAccess included; the May 2026 change raised the SCP figures only.
     */
    public static final int MAX_RCPS_PER_TARGET = 5;

    private final ConfigIssues issues;

    private ServiceControlPolicyValidator(ConfigIssues issues) {
        this.issues = issues;
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        config.serviceControlPolicy().ifPresent(settings -> {
            ServiceControlPolicyValidator validator = new ServiceControlPolicyValidator(issues);
            config.organization().ifPresent(validator::checkBreakGlassRoles);
            Checks.deletionWindow(issues, PATH + ".minimumWindowDays", settings.minimumWindowDays(), OptionalInt.empty());
            validator.checkTargets(settings, config.organization().map(Organization::managementAccount));
        });
    }

    private void checkBreakGlassRoles(Organization organization) {
        if (organization.breakGlassRoles().isEmpty()) {
            issues.add(qualified("organization.breakGlassRoles"),
                    "is empty, but the service control policy leaves key and secret deletion to break-glass roles:"
                            + " nobody could delete one on purpose.",
                    "list at least one break-glass role (BreakGlass or /path/BreakGlass).");
        }
    }

    private void checkTargets(ServiceControlPolicySettings settings, Optional<NamedAccount> management) {
        List<PolicyTarget> targets = settings.targets();
        if (targets.isEmpty()) {
            issues.add(PATH + ".targets", "is missing or empty: the policy would bind no account.",
                    "list the root (r-...), OUs (ou-...-...) or account ids to attach it to.");
        }
        if (settings.rollout() == PolicyRollout.TEST_OU && targets.size() > 1) {
            issues.add(PATH + ".targets", "lists " + targets.size() + " targets, but rollout test-ou attaches to one OU only.",
                    "keep the one test OU, or set rollout to full once the policy has proven itself there.");
        }
        for (int i = 0; i < targets.size(); i++) {
            String targetPath = PATH + ".targets[" + i + "]";
            checkTargetId(targetPath + ".id", targets.get(i), settings.rollout(), management);
            checkAttachedCount(targetPath + ".alreadyAttached", targets.get(i).alreadyAttached());
            checkAttachedRcpCount(targetPath + ".alreadyAttachedRcps", targets.get(i).alreadyAttachedRcps());
        }
        Checks.listedOnce(issues, targets.stream().map(Optional::of).toList(), index -> PATH + ".targets[" + index + "].id",
                PolicyTarget::id, PolicyTarget::id, "list each target once.");
    }

    private void checkTargetId(String path, PolicyTarget target, PolicyRollout rollout, Optional<NamedAccount> management) {
        PolicyTarget.Kind kind = target.kind();
        if (kind == PolicyTarget.Kind.UNRECOGNISED) {
            issues.add(path, "'" + target.id() + "' is not a root, OU or account id.",
                    "copy the id from AWS Organizations: r-... for the root, ou-...-... for an OU, 12 digits for an account.");
        } else if (rollout == PolicyRollout.TEST_OU && kind != PolicyTarget.Kind.ORGANIZATIONAL_UNIT) {
            issues.add(path, "'" + target.id() + "' is not an OU, but rollout test-ou attaches to one OU of test accounts only.",
                    "attach to the test OU (ou-...-...), or set rollout to full to reach the root or single accounts.");
        } else if (management.filter(account -> account.id().equals(target.id())).isPresent()) {
            issues.add(path, "'" + target.id() + "' is the management account, which no SCP ever restricts.",
                    "remove it; its keys and secrets are covered by the deletion alarms only.");
        }
    }

    private void checkAttachedCount(String path, int alreadyAttached) {
        if (alreadyAttached < 1) {
            issues.add(path, alreadyAttached + " cannot be right: AWS keeps at least one SCP (FullAWSAccess by default)"
                    + " on every root, OU and account.", "count the SCPs the target has now, FullAWSAccess included.");
        } else if (alreadyAttached + 1 > MAX_POLICIES_PER_TARGET) {
            issues.add(path, alreadyAttached + " SCPs are attached already; with this program's policy there would be "
                            + (alreadyAttached + 1) + ", and AWS allows " + MAX_POLICIES_PER_TARGET + " per root, OU or account.",
                    "merge or detach one of the existing SCPs first, or attach this one to a different target.");
        }
    }

    private void checkAttachedRcpCount(String path, int alreadyAttached) {
        if (alreadyAttached < PolicyTarget.DEFAULT_ATTACHED_RCPS) {
            issues.add(path, alreadyAttached + " cannot be right: AWS keeps RCPFullAWSAccess on every root, OU and account"
                    + " once RCPs are enabled.", "count the RCPs the target has now, RCPFullAWSAccess included (1 when it has no other).");
        } else if (alreadyAttached + 1 > MAX_RCPS_PER_TARGET) {
            issues.add(path, alreadyAttached + " RCPs are attached already; with this program's resource control policy there"
                            + " would be " + (alreadyAttached + 1) + ", and AWS allows " + MAX_RCPS_PER_TARGET
                            + " RCPs per root, OU or account (quota \"Maximum number of RCPs attached\").",
                    "merge or detach one of the existing RCPs first (aws organizations list-policies-for-target --filter"
                            + " RESOURCE_CONTROL_POLICY --target-id <id>), or attach to a different target.");
        }
    }
}

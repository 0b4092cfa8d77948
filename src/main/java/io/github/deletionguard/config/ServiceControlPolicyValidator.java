package io.github.deletionguard.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code deletion-guard:serviceControlPolicy} against what AWS Organizations accepts and
 * against what the policy needs from the rest of the config, before anything is deployed.
 */
public final class ServiceControlPolicyValidator {
    private static final String PATH = StackConfigLoader.NAMESPACE + ":serviceControlPolicy";
    /**
     * AWS Organizations quota of SCPs on one root, OU or account, as the issue that specified this
     * check gives it (older AWS documentation says 5; a target near the limit deserves a look).
     */
    public static final int MAX_POLICIES_PER_TARGET = 10;
    /** KMS pending windows and Secrets Manager recovery windows both run from 7 to 30 days. */
    static final int SHORTEST_WINDOW_DAYS = 7;
    static final int LONGEST_WINDOW_DAYS = 30;

    private final ConfigIssues issues;

    private ServiceControlPolicyValidator(ConfigIssues issues) {
        this.issues = issues;
    }

    static void validate(GuardConfig config, ConfigIssues issues) {
        config.serviceControlPolicy().ifPresent(settings -> {
            ServiceControlPolicyValidator validator = new ServiceControlPolicyValidator(issues);
            validator.checkBreakGlassRoles(config.organization());
            validator.checkMinimumWindow(settings.minimumWindowDays());
            validator.checkTargets(settings, config.organization().managementAccount());
        });
    }

    private void checkBreakGlassRoles(Organization organization) {
        if (organization.breakGlassRoles().isEmpty()) {
            issues.add(StackConfigLoader.NAMESPACE + ":organization.breakGlassRoles",
                    "is empty, but the service control policy leaves key and secret deletion to break-glass roles:"
                            + " nobody could delete one on purpose.",
                    "list at least one break-glass role (BreakGlass or /path/BreakGlass).");
        }
    }

    private void checkMinimumWindow(int days) {
        if (days < SHORTEST_WINDOW_DAYS || days > LONGEST_WINDOW_DAYS) {
            issues.add(PATH + ".minimumWindowDays", days + " is outside the windows KMS and Secrets Manager accept.",
                    "use " + SHORTEST_WINDOW_DAYS + " to " + LONGEST_WINDOW_DAYS + " days.");
        }
    }

    private void checkTargets(ServiceControlPolicySettings settings, NamedAccount management) {
        List<PolicyTarget> targets = settings.targets();
        if (targets.isEmpty()) {
            issues.add(PATH + ".targets", "is missing or empty: the policy would bind no account.",
                    "list the root (r-...), OUs (ou-...-...) or account ids to attach it to.");
        }
        if (settings.rollout() == PolicyRollout.TEST_OU && targets.size() > 1) {
            issues.add(PATH + ".targets", "lists " + targets.size() + " targets, but rollout test-ou attaches to one OU only.",
                    "keep the one test OU, or set rollout to full once the policy has proven itself there.");
        }
        Map<String, Integer> firstById = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            PolicyTarget target = targets.get(i);
            String targetPath = PATH + ".targets[" + i + "]";
            // An empty id was reported while reading (missing, or a number that lost its zeros).
            if (!target.id().isEmpty()) {
                checkTargetId(targetPath + ".id", target, settings.rollout(), management);
                Integer sameId = firstById.putIfAbsent(target.id(), i);
                if (sameId != null) {
                    issues.add(targetPath + ".id", "'" + target.id() + "' is already " + PATH + ".targets[" + sameId + "].",
                            "list each target once.");
                }
            }
            checkAttachedCount(targetPath + ".alreadyAttached", target.alreadyAttached());
        }
    }

    private void checkTargetId(String path, PolicyTarget target, PolicyRollout rollout, NamedAccount management) {
        PolicyTarget.Kind kind = target.kind();
        if (kind == PolicyTarget.Kind.UNRECOGNISED) {
            issues.add(path, "'" + target.id() + "' is not a root, OU or account id.",
                    "copy the id from AWS Organizations: r-... for the root, ou-...-... for an OU, 12 digits for an account.");
        } else if (rollout == PolicyRollout.TEST_OU && kind != PolicyTarget.Kind.ORGANIZATIONAL_UNIT) {
            issues.add(path, "'" + target.id() + "' is not an OU, but rollout test-ou attaches to one OU of test accounts only.",
                    "attach to the test OU (ou-...-...), or set rollout to full to reach the root or single accounts.");
        } else if (target.id().equals(management.id())) {
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
}

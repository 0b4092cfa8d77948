package io.github.deletionguard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code deletion-guard:serviceControlPolicy}; its absence means no SCP is deployed.
 * Missing and unreadable values are reported here, and valid stand-ins are returned for them so
 * the validator does not report the same field a second time (nothing deploys either way).
 */
final class ServiceControlPolicyReader {
    private static final String COUNT_FIX = "count the SCPs on the target before this program's own, FullAWSAccess"
            + " included: aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY --target-id <id>.";
    private static final int STAND_IN_WINDOW_DAYS = 30;
    private static final int STAND_IN_ATTACHED_COUNT = 1;

    private final ConfigIssues issues;

    private ServiceControlPolicyReader(ConfigIssues issues) {
        this.issues = issues;
    }

    static Optional<ServiceControlPolicySettings> read(Optional<ConfigNode> written, ConfigIssues issues) {
        ServiceControlPolicyReader reader = new ServiceControlPolicyReader(issues);
        return written.map(reader::read);
    }

    private ServiceControlPolicySettings read(ConfigNode written) {
        ConfigNode node = written.requireObject("write serviceControlPolicy as {rollout, minimumWindowDays, targets}.");
        node.allowOnlyFields("rollout", "minimumWindowDays", "targets");
        int minimumWindowDays = required(node, "minimumWindowDays",
                "set the shortest deletion window to allow, 7 to 30 days.", STAND_IN_WINDOW_DAYS);
        // No targets at all is the validator's to report, like an empty list.
        List<PolicyTarget> targets = node.field("targets").map(this::readTargets).orElse(List.of());
        return new ServiceControlPolicySettings(readRollout(node), minimumWindowDays, targets);
    }

    /**
     * An unknown rollout is read as full, which puts no limit on the targets, so the one typo is
     * not reported again as a problem with every target.
     */
    private PolicyRollout readRollout(ConfigNode node) {
        String fix = "set it to test-ou (one OU of test accounts) or full (every listed target).";
        String written = node.requiredText("rollout", fix);
        Optional<PolicyRollout> rollout = PolicyRollout.fromConfigValue(written);
        if (rollout.isEmpty() && !written.isEmpty()) {
            issues.add(node.path() + ".rollout", "'" + written + "' is not a rollout.", fix);
        }
        return rollout.orElse(PolicyRollout.FULL);
    }

    private List<PolicyTarget> readTargets(ConfigNode list) {
        List<PolicyTarget> targets = new ArrayList<>();
        for (ConfigNode element : list.elements()) {
            ConfigNode node = element.requireObject("write each target as {id, alreadyAttached}.");
            node.allowOnlyFields("id", "alreadyAttached");
            // An account id written without quotes arrives as a number; accountId() catches lost zeros.
            String id = node.field("id").map(ConfigNode::accountId).orElseGet(() -> {
                issues.add(node.path() + ".id", "is missing.",
                        "set the root (r-...), OU (ou-...-...) or 12-digit account id, quoted.");
                return "";
            });
            targets.add(new PolicyTarget(id, required(node, "alreadyAttached", COUNT_FIX, STAND_IN_ATTACHED_COUNT)));
        }
        return targets;
    }

    private int required(ConfigNode node, String field, String fix, int standIn) {
        Optional<ConfigNode> value = node.field(field);
        if (value.isEmpty()) {
            issues.add(node.path() + "." + field, "is missing.", fix);
            return standIn;
        }
        return value.get().wholeNumber().orElse(standIn);
    }
}

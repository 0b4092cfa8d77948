package io.github.deletionguard.config.read;

import io.github.deletionguard.config.PolicyRollout;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.ServiceControlPolicySettings;

import java.util.List;
import java.util.Optional;

import static io.github.deletionguard.config.read.ConfigNode.allRead;

/** Reads {@code deletion-guard:serviceControlPolicy}; its absence means no SCP is deployed. */
final class ServiceControlPolicyReader {
    private static final String COUNT_FIX = "count the SCPs on the target before this program's own, FullAWSAccess"
            + " included: aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY --target-id <id>.";
    private static final String ROLLOUT_FIX = "set it to test-ou (one OU of test accounts) or full (every listed target).";

    private ServiceControlPolicyReader() {
    }

    static Optional<ServiceControlPolicySettings> read(ConfigNode written) {
        return written.object("write serviceControlPolicy as {rollout, minimumWindowDays, targets}.").flatMap(node -> {
            node.allowOnlyFields("rollout", "minimumWindowDays", "targets");
            Optional<PolicyRollout> rollout = node.required("rollout", ROLLOUT_FIX, ServiceControlPolicyReader::readRollout);
            Optional<Integer> minimumWindowDays = node.required("minimumWindowDays",
                    "set the shortest deletion window to allow, 7 to 30 days.", ConfigNode::wholeNumber);
            // No targets at all is validation's to report, like an empty list.
            Optional<List<PolicyTarget>> targets = node.withDefault("targets",
                    list -> list.list(ServiceControlPolicyReader::readTarget), List.of());
            return allRead(rollout, minimumWindowDays, targets)
                    ? Optional.of(new ServiceControlPolicySettings(rollout.get(), minimumWindowDays.get(), targets.get()))
                    : Optional.empty();
        });
    }

    private static Optional<PolicyRollout> readRollout(ConfigNode node) {
        return node.text().flatMap(written -> {
            Optional<PolicyRollout> rollout = PolicyRollout.fromConfigValue(written);
            if (rollout.isEmpty()) {
                node.reportIssue("'" + written + "' is not a rollout.", ROLLOUT_FIX);
            }
            return rollout;
        });
    }

    private static Optional<PolicyTarget> readTarget(ConfigNode element) {
        return element.object("write each target as {id, alreadyAttached, alreadyAttachedRcps}.").flatMap(node -> {
            node.allowOnlyFields("id", "alreadyAttached", "alreadyAttachedRcps");
            // An account id written without quotes arrives as a number; accountId() catches lost zeros.
            Optional<String> id = node.required("id", "set the root (r-...), OU (ou-...-...) or 12-digit account id, quoted.",
                    ConfigNode::accountId);
            Optional<Integer> alreadyAttached = node.required("alreadyAttached", COUNT_FIX, ConfigNode::wholeNumber);
            Optional<Integer> alreadyAttachedRcps = node.withDefault("alreadyAttachedRcps", ConfigNode::wholeNumber,
                    PolicyTarget.DEFAULT_ATTACHED_RCPS);
            return allRead(id, alreadyAttached, alreadyAttachedRcps)
                    ? Optional.of(new PolicyTarget(id.get(), alreadyAttached.get(), alreadyAttachedRcps.get()))
                    : Optional.empty();
        });
    }
}

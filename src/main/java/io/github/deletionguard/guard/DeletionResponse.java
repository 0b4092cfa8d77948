package io.github.deletionguard.guard;

import com.pulumi.core.Output;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.remediation.Remediation;

import java.util.List;
import java.util.Optional;

/**
 * The stack-wide parts of the response to deletions, of which every account guard deploys its
 * share: forwarding in every account and region, and remediation where the stack switches it on.
 *
 * @param centralBusArn      the central bus, so forwarding targets are created after it
 * @param preferredIamRegion the security account's home region: each account's IAM roles are
 *                           deployed through its provider there when the account has that region
 */
public record DeletionResponse(
        EventForwarding forwarding,
        Output<String> centralBusArn,
        Optional<Remediation> remediation,
        String preferredIamRegion) {

    /**
     * The region whose provider holds an account's IAM roles. IAM is global, but a resource needs
     * one provider, and moving a role to another provider replaces it. The preferred region, when
     * the account has it, never changes as regions are added, removed or reordered around it;
     * otherwise the first region in sorted order changes only when a region sorting before it is
     * added or it is removed itself. Position in the config list is never used.
     */
    public String iamRegion(List<String> accountRegions) {
        if (accountRegions.contains(preferredIamRegion)) {
            return preferredIamRegion;
        }
        return accountRegions.stream().sorted().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("an account without regions has no IAM region"));
    }
}

package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;

import java.util.List;

/**
 * @param provider the account's provider that holds its IAM resources
 * @param regions  the account's regions, each with a forwarding rule that may assume the role
 */
public record EventForwardingRoleArgs(Provider provider, String accountId, List<String> regions,
                                      PreparedForwarding forwarding) {
    public EventForwardingRoleArgs {
        regions = List.copyOf(regions);
    }
}

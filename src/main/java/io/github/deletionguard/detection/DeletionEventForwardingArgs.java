package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param provider      the account's provider in the rules' region
 * @param rules         the forwarding rules of that region ({@link PreparedForwarding#regionalRules} or
 *                      {@link PreparedForwarding#globalServiceRules})
 * @param roleArn       the account's forwarding role
 * @param centralBusArn the central bus, the rules' target
 */
public record DeletionEventForwardingArgs(Provider provider, List<PreparedForwarding.MemberRule> rules, Output<String> roleArn,
                                          Output<String> centralBusArn) {
    public DeletionEventForwardingArgs {
        rules = List.copyOf(rules);
    }
}

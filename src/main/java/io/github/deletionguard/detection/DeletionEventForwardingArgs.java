package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * @param provider      the account's provider in its region
 * @param roleArn       the account's forwarding role
 * @param centralBusArn the central bus, the rule's target
 */
public record DeletionEventForwardingArgs(Provider provider, PreparedForwarding forwarding, Output<String> roleArn,
                                          Output<String> centralBusArn) {
}

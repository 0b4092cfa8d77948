package io.github.deletionguard.accounts;

import com.pulumi.core.Output;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.remediation.Remediation;

import java.util.Optional;

/**
 * The stack-wide parts of the response to deletions, of which every account guard deploys its
 * share: forwarding in every account and region, and remediation where the stack switches it on.
 *
 * @param centralBusArn the central bus, so forwarding targets are created after it
 */
public record DeletionResponse(
        EventForwarding forwarding,
        Output<String> centralBusArn,
        Optional<Remediation> remediation) {

}

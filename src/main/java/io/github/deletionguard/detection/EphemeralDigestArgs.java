package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * @param provider     the security account's provider in its home region, the central bus's
 * @param centralBus   the central bus's name, which the digest's rule reads
 * @param summary      the summary Automation the schedule starts
 */
public record EphemeralDigestArgs(Provider provider, PreparedEphemeralDigest digest, Output<String> centralBus,
                                  EventSummary summary) {
}

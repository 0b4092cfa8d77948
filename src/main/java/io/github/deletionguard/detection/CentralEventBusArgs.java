package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * @param provider       the security account's provider in its home region
 * @param hubTopicArn    the notification hub topic of the home region, for what pages
 * @param noticeTopicArn the notices topic, for approved deletions
 */
public record CentralEventBusArgs(Provider provider, PreparedForwarding forwarding, Output<String> hubTopicArn,
                                  Output<String> noticeTopicArn) {
}

package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * @param provider    the security account's provider in its home region, the central bus's
 * @param hubTopicArn the notification hub topic of the home region, which the alarm notifies
 * @param logGroupArn the log group's ARN, from its name ({@link io.github.deletionguard.naming.ResourceNames#deniedCallsLogGroupArn})
 */
public record DeniedCallsCounterArgs(Provider provider, PreparedForwarding.DeniedCalls deniedCalls,
                                     Output<String> hubTopicArn, String logGroupArn) {
}

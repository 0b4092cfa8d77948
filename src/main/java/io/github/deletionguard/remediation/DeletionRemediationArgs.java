package io.github.deletionguard.remediation;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * @param provider       the account's provider in {@code region}
 * @param triggerRoleArn the role the rule uses to start the Automation
 */
public record DeletionRemediationArgs(Provider provider, String region, String accountId, PreparedRemediation remediation,
                                      Output<String> triggerRoleArn) {
}

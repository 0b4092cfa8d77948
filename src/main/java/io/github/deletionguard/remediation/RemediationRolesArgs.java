package io.github.deletionguard.remediation;

import com.pulumi.aws.Provider;

import java.util.List;

/**
 * @param provider the account's provider that holds its IAM resources
 * @param regions  the account's regions, each with a remediation rule and document
 */
public record RemediationRolesArgs(Provider provider, String accountId, List<String> regions,
                                   PreparedRemediation remediation) {
    public RemediationRolesArgs {
        regions = List.copyOf(regions);
    }
}

package io.github.deletionguard.prevention;

import com.pulumi.aws.Provider;

import java.util.List;

/**
 * @param provider   the management account's provider in the region of the Organizations API
 * @param policyName the SCP's name in AWS Organizations
 * @param document   the rendered, size-checked SCP
 * @param targetIds  the root, OUs and accounts to attach it to
 */
public record OrganizationGuardrailArgs(
        Provider provider,
        String policyName,
        ServiceControlPolicyDocument document,
        List<String> targetIds) {

    public OrganizationGuardrailArgs {
        targetIds = List.copyOf(targetIds);
    }
}

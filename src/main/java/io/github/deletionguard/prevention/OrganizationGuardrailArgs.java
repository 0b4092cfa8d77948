package io.github.deletionguard.prevention;

import com.pulumi.aws.Provider;
import io.github.deletionguard.naming.ResourceNames;

import java.util.List;

/**
 * @param provider               the management account's provider in the region of the Organizations API
 * @param names                  the names of the policies in AWS Organizations
 * @param serviceControlPolicy   the rendered, size-checked SCP, in one or more parts
 * @param resourceControlPolicy  the rendered, size-checked RCP
 * @param targetIds              the root, OUs and accounts to attach both to
 */
public record OrganizationGuardrailArgs(
        Provider provider,
        ResourceNames names,
        ServiceControlPolicyDocument serviceControlPolicy,
        ResourceControlPolicyDocument resourceControlPolicy,
        List<String> targetIds) {

    public OrganizationGuardrailArgs {
        targetIds = List.copyOf(targetIds);
    }
}

package io.github.deletionguard.prevention;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.PolicyFiles;

import java.util.Optional;

/**
 * The organization guardrail's two documents, rendered and checked against AWS's quotas together,
 * before anything is registered.
 */
public record OrganizationPolicies(ServiceControlPolicyDocument serviceControlPolicy,
                                   ResourceControlPolicyDocument resourceControlPolicy,
                                   DeletionExemptions deletionExemptions) {

    /**
     * Empty when the stack configures no organization guardrail. Call it before the first
     * resource is registered: a file that does not parse or a document AWS would refuse then
     * stops the run with nothing deployed.
     */
    public static Optional<OrganizationPolicies> renderFor(GuardConfig config, PolicyFiles files) {
        return config.serviceControlPolicy().map(settings -> {
            DeletionExemptions exemptions = DeletionExemptions.of(config.deletionExceptions(),
                    ServiceControlPolicyDocument.destructionActions(), files);
            return new OrganizationPolicies(
                    ServiceControlPolicyDocument.render(files.load(ServiceControlPolicyDocument.FILE), config, settings, exemptions),
                    ResourceControlPolicyDocument.render(files.load(ResourceControlPolicyDocument.FILE), config, exemptions),
                    exemptions);
        });
    }
}

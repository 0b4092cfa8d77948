package io.github.deletionguard.operate;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.validate.ServiceControlPolicyValidator;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.prevention.OrganizationPolicies;
import software.amazon.awssdk.services.organizations.model.PolicyType;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * An organization policy the stack attaches (the SCP, in as many parts as it was split into, and
 * the RCP), to which targets, and how many policies of its type AWS lets a root, OU or account
 * carry. Preflight reads each target's attached policies against the quota; status checks that
 * every part is still attached.
 *
 * @param names        the policy's names, one per part
 * @param maxPerTarget AWS's per-target quota for the type, the stack's own parts included
 */
public record OrganizationPolicy(PolicyType type, List<String> names, List<PolicyTarget> targets, int maxPerTarget) {

    public OrganizationPolicy {
        names = List.copyOf(names);
        targets = List.copyOf(targets);
    }

    /** What the stack attaches, rendered as {@code pulumi up} renders it: both policies go to the SCP's targets. */
    public static List<OrganizationPolicy> configured(GuardConfig config, ResourceNames names, PolicyFiles policyFiles) {
        return OrganizationPolicies.renderFor(config, policyFiles).map(policies -> {
            List<PolicyTarget> targets = config.serviceControlPolicy().orElseThrow().targets();
            List<String> parts = IntStream.rangeClosed(1, policies.serviceControlPolicy().parts().size())
                    .mapToObj(names::serviceControlPolicy).toList();
            return List.of(
                    new OrganizationPolicy(PolicyType.SERVICE_CONTROL_POLICY, parts, targets, ServiceControlPolicyValidator.MAX_POLICIES_PER_TARGET),
                    new OrganizationPolicy(PolicyType.RESOURCE_CONTROL_POLICY, List.of(names.resourceControlPolicy()), targets,
                            ServiceControlPolicyValidator.MAX_RCPS_PER_TARGET));
        }).orElse(List.of());
    }

    /** What the stack file says the target carries before this program's policies of the type. */
    public int alreadyAttached(PolicyTarget target) {
        return type == PolicyType.SERVICE_CONTROL_POLICY ? target.alreadyAttached() : target.alreadyAttachedRcps();
    }

    /** The stack file's field for {@link #alreadyAttached}. */
    public String alreadyAttachedField() {
        return type == PolicyType.SERVICE_CONTROL_POLICY ? "alreadyAttached" : "alreadyAttachedRcps";
    }

    /** "scp" or "rcp", for check names. */
    public String shortName() {
        return type == PolicyType.SERVICE_CONTROL_POLICY ? "scp" : "rcp";
    }

    public String typeName() {
        return shortName().toUpperCase(Locale.ROOT);
    }
}

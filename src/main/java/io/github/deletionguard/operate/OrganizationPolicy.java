package io.github.deletionguard.operate;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.validate.ServiceControlPolicyValidator;
import io.github.deletionguard.naming.ResourceNames;
import software.amazon.awssdk.services.organizations.model.PolicyType;

import java.util.List;
import java.util.Locale;

/**
 * An organization policy the stack attaches, where, and how many policies of its type AWS lets a
 * root, OU or account carry. Preflight reads each target's attached policies against the quota;
 * status checks that the policy is still attached.
 *
 * @param maxPerTarget AWS's per-target quota for the type, the stack's own policy included
 */
public record OrganizationPolicy(PolicyType type, String name, List<PolicyTarget> targets, int maxPerTarget) {
    public OrganizationPolicy {
        targets = List.copyOf(targets);
    }

    /**
     * What the stack attaches: the SCP to its configured targets and, with it, the RCP to the same
     * targets (the prevention layer deploys the two together). The one place to change if the RCP
     * gets targets of its own.
     */
    public static List<OrganizationPolicy> configured(GuardConfig config, ResourceNames names) {
        return config.serviceControlPolicy().map(scp -> List.of(
                new OrganizationPolicy(PolicyType.SERVICE_CONTROL_POLICY, names.serviceControlPolicy(), scp.targets(),
                        ServiceControlPolicyValidator.MAX_POLICIES_PER_TARGET),
                new OrganizationPolicy(PolicyType.RESOURCE_CONTROL_POLICY, names.resourceControlPolicy(), scp.targets(),
                        ServiceControlPolicyValidator.MAX_RCPS_PER_TARGET))).orElse(List.of());
    }

    /** "scp" or "rcp", for check names. */
    public String shortName() {
        return type == PolicyType.SERVICE_CONTROL_POLICY ? "scp" : "rcp";
    }

    public String typeName() {
        return shortName().toUpperCase(Locale.ROOT);
    }
}

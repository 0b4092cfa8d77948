package io.github.deletionguard.prevention;

import com.pulumi.aws.Provider;
import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyArgs;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.aws.organizations.PolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.deletionguard.awsapi.OrganizationPolicyType;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.providers.Protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organization-wide guardrail, created in the management account: a service control policy
 * (in as many parts as its size needs) that leaves key and secret deletion to break-glass roles
 * and the guardrails to the deployer, a resource control policy that keeps principals outside the
 * organization from destroying keys and secrets, and their attachments. SCPs never restrict the
 * management account or service-linked roles, so the deletion alarms stay needed.
 *
 * <p>Every policy and attachment is protected and retained ({@link Protection}): a config change
 * that would detach or delete one makes {@code pulumi up} fail until someone unprotects it on
 * purpose, and even then the detachment in AWS stays a deliberate call of its own.
 */
public final class OrganizationGuardrail extends ComponentResource {
    /** Keeps the package name the component was first released under: the token is part of every child's URN. */
    public static final String TYPE = "deletion-guard:orgpolicy:OrganizationGuardrail";
    /** AWS Organizations is a global service whose API is served from us-east-1 only. */
    public static final String ORGANIZATIONS_REGION = "us-east-1";

    private final Output<String> serviceControlPolicyId;
    private final Output<String> resourceControlPolicyId;

    public OrganizationGuardrail(String name, OrganizationGuardrailArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        CustomResourceOptions protectedChild = Protection.of(this, provider);

        List<String> parts = args.serviceControlPolicy().parts();
        List<Output<String>> partIds = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            int part = index + 1;
            // The first part keeps the logical names of the single policy it was, so nothing existing is replaced.
            String suffix = part == 1 ? "" : "-part" + part;
            Policy policy = new Policy(name + "-policy" + suffix, PolicyArgs.builder()
                    .name(args.names().serviceControlPolicy(part))
                    .description("Leaves KMS key and Secrets Manager secret deletion to break-glass roles and the"
                            + " guardrails to the deployer" + (parts.size() == 1 ? "." : " (part " + part + " of " + parts.size() + ")."))
                    .type(OrganizationPolicyType.SERVICE_CONTROL_POLICY.name())
                    .content(parts.get(index))
                    .build(), protectedChild);
            partIds.add(policy.id());
            attach(policy, name + "-attach" + suffix + "-", args.targetIds(), protectedChild);
        }

        this.serviceControlPolicyId = partIds.get(0);

        Policy resourcePolicy = new Policy(name + "-rcp", PolicyArgs.builder()
                .name(args.names().resourceControlPolicy())
                .description("Keeps principals outside the organization from deleting or reconfiguring KMS keys and"
                        + " Secrets Manager secrets, and everyone from deleting a secret without recovery.")
                .type(OrganizationPolicyType.RESOURCE_CONTROL_POLICY.name())
                .content(args.resourceControlPolicy().text())
                .build(), protectedChild);
        this.resourceControlPolicyId = resourcePolicy.id();
        attach(resourcePolicy, name + "-rcp-attach-", args.targetIds(), protectedChild);

        registerOutputs(new TreeMap<>(Map.of(
                "policyId", serviceControlPolicyId,
                "resourceControlPolicyId", resourceControlPolicyId)));
    }

    /** Named by target id, not position, so reordering the targets in config replaces nothing. */
    private void attach(Policy policy, String namePrefix, List<String> targetIds, CustomResourceOptions options) {
        for (String targetId : targetIds) {
            new PolicyAttachment(namePrefix + targetId, PolicyAttachmentArgs.builder()
                    .policyId(policy.id())
                    .targetId(targetId)
                    .build(), options);
        }
    }

    /** The SCP's first part: the whole SCP unless it had to be split. */
    public Output<String> policyId() {
        return serviceControlPolicyId;
    }

    public Output<String> resourceControlPolicyId() {
        return resourceControlPolicyId;
    }
}

package io.github.deletionguard.prevention;

import com.pulumi.aws.Provider;
import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyArgs;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.aws.organizations.PolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;
import java.util.TreeMap;

/**
 * The organization-wide guardrail: a service control policy, created in the management account,
 * that leaves key and secret deletion to break-glass roles, and its attachments. SCPs never
 * restrict the management account or service-linked roles, so the deletion alarms stay needed.
 */
public final class OrganizationGuardrail extends ComponentResource {
    /** Keeps the package name the component was first released under: the token is part of every child's URN. */
    public static final String TYPE = "deletion-guard:orgpolicy:OrganizationGuardrail";
    /** AWS Organizations is a global service whose API is served from us-east-1 only. */
    public static final String ORGANIZATIONS_REGION = "us-east-1";

    private final Output<String> policyId;
    private final Output<String> document;

    public OrganizationGuardrail(String name, OrganizationGuardrailArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);

        Policy policy = new Policy(name + "-policy", PolicyArgs.builder()
                .name(args.policyName())
                .description("Leaves KMS key and Secrets Manager secret deletion to break-glass roles and keeps"
                        + " everyone else from disabling deletion-guard's alarms, rules and trails.")
                .type("SERVICE_CONTROL_POLICY")
                .content(args.document().text())
                .build(), ChildOptions.of(this, provider));
        this.policyId = policy.id();

        // Named by target id, not position, so reordering the targets in config replaces nothing.
        for (String targetId : args.targetIds()) {
            new PolicyAttachment(name + "-attach-" + targetId, PolicyAttachmentArgs.builder()
                    .policyId(policy.id())
                    .targetId(targetId)
                    .build(), ChildOptions.of(this, provider));
        }

        this.document = Output.of(args.document().text());
        registerOutputs(new TreeMap<>(Map.of("policyId", policyId, "document", document)));
    }

    public Output<String> policyId() {
        return policyId;
    }

    /** The SCP exactly as AWS Organizations receives it. */
    public Output<String> document() {
        return document;
    }
}

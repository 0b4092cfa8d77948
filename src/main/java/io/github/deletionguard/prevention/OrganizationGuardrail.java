package io.github.deletionguard.prevention;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyArgs;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.aws.organizations.PolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.PolicyTarget;

import java.util.Map;

/**
 * The organization-wide guardrail: a service control policy, created in the management account,
 * that leaves key and secret deletion to break-glass roles, and its attachments. SCPs never
 * restrict the management account or service-linked roles, so the deletion alarms stay needed.
 */
public final class OrganizationGuardrail extends ComponentResource {
    public static final String TYPE = "deletion-guard:orgpolicy:OrganizationGuardrail";
    /** AWS Organizations is a global service whose API is served from us-east-1 only. */
    public static final String ORGANIZATIONS_REGION = "us-east-1";

    private final Output<String> policyId;

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

        registerOutputs(Map.of("policyId", policyId, "document", Output.of(args.document().text())));
    }

    /** Deploys the stack's guardrail through the management account and exports its id and document. */
    public static void deploy(Context ctx, GuardConfig config, AccountProviders providers,
                              ServiceControlPolicyDocument document) {
        OrganizationGuardrail guardrail = new OrganizationGuardrail("organization-guardrail", new OrganizationGuardrailArgs(
                providers.forRegion(config.organization().managementAccount(), ORGANIZATIONS_REGION),
                config.resourcePrefix() + "-deny-key-and-secret-deletion",
                document,
                config.serviceControlPolicy().orElseThrow().targets().stream().map(PolicyTarget::id).toList()),
                ComponentResourceOptions.builder().build());
        ctx.export("serviceControlPolicyId", guardrail.policyId());
        ctx.export("serviceControlPolicyDocument", Output.of(document.text()));
    }

    public Output<String> policyId() {
        return policyId;
    }
}

package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;

/**
 * The role one account's forwarding rules use to put events on the central bus. IAM is global,
 * so there is one per account, whatever the number of regions.
 */
public final class EventForwardingRole extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:EventForwardingRole";
    public static final String DESCRIPTION = "Lets this account's deletion-guard forwarding rules put events on the central bus";
    /** The role's one inline policy. */
    public static final String PERMISSIONS_POLICY = "put-events-on-central-bus";

    private final Output<String> roleArn;

    public EventForwardingRole(String name, EventForwardingRoleArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedForwarding forwarding = args.forwarding();
        Role role = new Role(name + "-role", RoleArgs.builder()
                .name(forwarding.names().forwardingRole())
                .description(DESCRIPTION)
                .assumeRolePolicy(forwarding.renderRoleTrust(args.accountId(), args.regions()))
                .inlinePolicies(RoleInlinePolicyArgs.builder()
                        .name(PERMISSIONS_POLICY)
                        .policy(forwarding.rolePolicy())
                        .build())
                .build(), ChildOptions.ofFixedName(this, provider));
        this.roleArn = role.name().applyValue(roleName -> Arns.iamRole(args.accountId(), roleName));
        registerOutputs(Map.of("roleArn", roleArn));
    }

    public Output<String> roleArn() {
        return roleArn;
    }
}

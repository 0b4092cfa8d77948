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

import java.util.List;
import java.util.Map;

/**
 * The role one account's forwarding rules use to put events on the central bus. IAM is global,
 * so there is one per account, whatever the number of regions.
 */
public final class EventForwardingRole extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:EventForwardingRole";

    private final Output<String> roleArn;

    /**
     * @param provider  the account's provider in the region that holds its IAM resources
     * @param regions   the account's regions, each with a forwarding rule that may assume the role
     */
    public record Args(Provider provider, String accountId, List<String> regions, EventForwarding forwarding) {
        public Args {
            regions = List.copyOf(regions);
        }
    }

    public EventForwardingRole(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        EventForwarding forwarding = args.forwarding();
        Role role = new Role(name + "-role", RoleArgs.builder()
                .name(forwarding.roleName())
                .description("Lets this account's deletion-guard forwarding rules put events on the central bus")
                .assumeRolePolicy(forwarding.renderRoleTrust(args.accountId(), args.regions()))
                .inlinePolicies(RoleInlinePolicyArgs.builder()
                        .name("put-events-on-central-bus")
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

package io.github.deletionguard.remediation;

import com.pulumi.aws.Provider;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.providers.ChildOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One account's remediation roles (IAM is global, so once per account): the role Automation
 * assumes to undo a deletion, allowed only the remediations switched on, and the role the
 * remediation rules use to start that Automation document and pass it the first role.
 */
public final class RemediationRoles extends ComponentResource {
    public static final String TYPE = "deletion-guard:remediation:RemediationRoles";

    private final Output<String> automationRoleArn;
    private final Output<String> triggerRoleArn;

    /**
     * @param provider the account's provider in the region that holds its IAM resources
     * @param regions  the account's regions, each with a remediation rule and document
     */
    public record Args(Provider provider, String accountId, List<String> regions, Remediation remediation) {
        public Args {
            regions = List.copyOf(regions);
        }
    }

    public RemediationRoles(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        Remediation remediation = args.remediation();
        String accountId = args.accountId();

        List<RoleInlinePolicyArgs> permissions = new ArrayList<>();
        if (remediation.settings().cancelKeyDeletion()) {
            permissions.add(inlinePolicy("cancel-key-deletion", remediation.renderKeyPolicy(accountId, args.regions())));
        }
        if (remediation.settings().restoreSecret()) {
            permissions.add(inlinePolicy("restore-secret", remediation.renderSecretPolicy(accountId, args.regions())));
        }
        Role automationRole = new Role(name + "-automation-role", RoleArgs.builder()
                .name(remediation.automationRoleName())
                .description("Assumed by deletion-guard's remediation Automation to undo a deletion in this account")
                .assumeRolePolicy(remediation.renderAutomationRoleTrust(accountId, args.regions()))
                .inlinePolicies(permissions)
                .build(), ChildOptions.ofFixedName(this, provider));
        Role triggerRole = new Role(name + "-trigger-role", RoleArgs.builder()
                .name(remediation.triggerRoleName())
                .description("Lets this account's deletion-guard remediation rules start the remediation Automation")
                .assumeRolePolicy(remediation.renderTriggerRoleTrust(accountId, args.regions()))
                .inlinePolicies(inlinePolicy("start-remediation",
                        remediation.renderTriggerRolePolicy(accountId, args.regions())))
                .build(), ChildOptions.ofFixedName(this, provider));

        this.automationRoleArn = automationRole.name().applyValue(roleName -> Arns.iamRole(accountId, roleName));
        this.triggerRoleArn = triggerRole.name().applyValue(roleName -> Arns.iamRole(accountId, roleName));
        registerOutputs(Map.of("automationRoleArn", automationRoleArn, "triggerRoleArn", triggerRoleArn));
    }

    private static RoleInlinePolicyArgs inlinePolicy(String name, String document) {
        return RoleInlinePolicyArgs.builder().name(name).policy(document).build();
    }

    public Output<String> automationRoleArn() {
        return automationRoleArn;
    }

    public Output<String> triggerRoleArn() {
        return triggerRoleArn;
    }
}

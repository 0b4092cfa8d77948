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
import java.util.TreeMap;

/**
 * One account's remediation roles (IAM is global, so once per account): the role Automation
 * assumes to undo a deletion, allowed only the remediations switched on, and the role the
 * remediation rules use to start that Automation document and pass it the first role.
 */
public final class RemediationRoles extends ComponentResource {
    public static final String TYPE = "deletion-guard:remediation:RemediationRoles";
    public static final String AUTOMATION_ROLE_DESCRIPTION = "Assumed by deletion-guard's remediation Automation to undo a deletion in this account";
    public static final String TRIGGER_ROLE_DESCRIPTION = "Lets this account's deletion-guard remediation rules start the remediation Automation";
    /** The trigger role's one inline policy. */
    public static final String TRIGGER_POLICY = "start-remediation";

    private final Output<String> automationRoleArn;
    private final Output<String> triggerRoleArn;

    public RemediationRoles(String name, RemediationRolesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedRemediation remediation = args.remediation();
        String accountId = args.accountId();

        List<RoleInlinePolicyArgs> permissions = new ArrayList<>();
        remediation.automationRolePermissions(accountId, args.regions())
                .forEach((policyName, document) -> permissions.add(inlinePolicy(policyName, document)));
        Role automationRole = new Role(name + "-automation-role", RoleArgs.builder()
                .name(remediation.names().automationRole())
                .description(AUTOMATION_ROLE_DESCRIPTION)
                .assumeRolePolicy(remediation.renderAutomationRoleTrust(accountId, args.regions()))
                .inlinePolicies(permissions)
                .build(), ChildOptions.ofFixedName(this, provider));
        Role triggerRole = new Role(name + "-trigger-role", RoleArgs.builder()
                .name(remediation.names().triggerRole())
                .description(TRIGGER_ROLE_DESCRIPTION)
                .assumeRolePolicy(remediation.renderTriggerRoleTrust(accountId, args.regions()))
                .inlinePolicies(inlinePolicy(TRIGGER_POLICY,
                        remediation.renderTriggerRolePolicy(accountId, args.regions())))
                .build(), ChildOptions.ofFixedName(this, provider));

        this.automationRoleArn = automationRole.name().applyValue(roleName -> Arns.iamRole(accountId, roleName));
        this.triggerRoleArn = triggerRole.name().applyValue(roleName -> Arns.iamRole(accountId, roleName));
        registerOutputs(new TreeMap<>(Map.of("automationRoleArn", automationRoleArn, "triggerRoleArn", triggerRoleArn)));
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

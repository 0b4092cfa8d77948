package io.github.deletionguard.config;

import java.util.List;

/**
 * The AWS organization the stack guards. {@code accessRoleName} is the role the program assumes
 * in every account (and so the deployment role that guardrails exempt).
 *
 * @param breakGlassRoles  roles that may delete keys and secrets on purpose
 * @param provisionerRoles roles that create the break-glass, deployer and program roles in new
 *                         accounts (Control Tower's or StackSets' execution roles); besides the
 *                         deployer, only they may create or change those roles
 */
public record Organization(
        String id,
        NamedAccount managementAccount,
        String accessRoleName,
        List<BreakGlassRole> breakGlassRoles,
        List<BreakGlassRole> provisionerRoles) {

    public static final String DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";

    public Organization {
        breakGlassRoles = List.copyOf(breakGlassRoles);
        provisionerRoles = List.copyOf(provisionerRoles);
    }
}

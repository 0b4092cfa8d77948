package io.github.deletionguard.config;

import java.util.List;

/**
 * The AWS organization the stack guards. {@code accessRoleName} is the role the program assumes
 * in every account (and so the deployment role that guardrails exempt).
 */
public record Organization(
        String id,
        NamedAccount managementAccount,
        String accessRoleName,
        List<BreakGlassRole> breakGlassRoles) {

    public static final String DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";

    public Organization {
        breakGlassRoles = List.copyOf(breakGlassRoles);
    }
}

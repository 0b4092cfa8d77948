package io.github.deletionguard.prevention;

import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.naming.Arns;

import java.util.List;
import java.util.TreeSet;

/**
 * Who the organization policies trust, as {@code aws:PrincipalArn} patterns that match in every
 * account: break-glass roles delete on purpose; the deployer (the access role) maintains the
 * guardrails and runs the drill; provisioner roles create the protected roles in new accounts.
 * Each list is sorted so the rendered documents are stable.
 */
record GuardrailPrincipals(List<String> breakGlass, String deployer, List<String> provisioners) {

    static GuardrailPrincipals of(Organization organization) {
        return new GuardrailPrincipals(arns(organization.breakGlassRoles()),
                Arns.iamRole("*", organization.accessRoleName()), arns(organization.provisionerRoles()));
    }

    /** The roles trusted with keys and secrets: they may delete, and nobody else may create or loosen one. */
    List<String> breakGlassAndDeployer() {
        return union(breakGlass, deployer);
    }

    /** Who may create and change the break-glass, deployer and program roles. */
    List<String> roleProvisioners() {
        return union(provisioners, deployer);
    }

    private static List<String> arns(List<BreakGlassRole> roles) {
        return roles.stream().map(BreakGlassRole::arnInAnyAccount).sorted().distinct().toList();
    }

    private static List<String> union(List<String> roles, String role) {
        TreeSet<String> all = new TreeSet<>(roles);
        all.add(role);
        return List.copyOf(all);
    }
}

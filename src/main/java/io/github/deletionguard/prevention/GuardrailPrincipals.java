package io.github.deletionguard.prevention;

import io.github.deletionguard.awsapi.ServiceManagedRoles;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.naming.Arns;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who the organization policies trust, as {@code aws:PrincipalArn} patterns that match in every
 * account: break-glass roles delete on purpose; the deployer (the access role) maintains the
 * guardrails and runs the drill; provisioner roles create the protected roles in new accounts;
 * with the StackSets engine, the StackSets' execution role creates and updates the member
 * baseline (its rules, targets, documents and roles) in every account of the chosen OUs.
 * Each list is sorted so the rendered documents are stable.
 *
 * @param stackSetsExecution the StackSets' execution role in any account, only with the StackSets engine
 */
record GuardrailPrincipals(List<String> breakGlass, String deployer, List<String> provisioners,
                           Optional<String> stackSetsExecution) {

    static GuardrailPrincipals of(Organization organization, MemberBaseline memberBaseline) {
        Optional<String> stackSetsExecution = memberBaseline.usesStackSets()
                ? Optional.of(Arns.iamRole("*", ServiceManagedRoles.STACKSETS_EXECUTION_NAMES))
                : Optional.empty();
        return new GuardrailPrincipals(arns(organization.breakGlassRoles()),
                Arns.iamRole("*", organization.accessRoleName()), arns(organization.provisionerRoles()), stackSetsExecution);
    }

    /** The roles trusted with keys and secrets: they may delete, and nobody else may create or loosen one. */
    List<String> breakGlassAndDeployer() {
        return union(breakGlass, List.of(deployer));
    }

    /**
     * Who may create and change the break-glass, deployer and program roles, and the StackSets'
     * execution role itself: only the management account can act as that role (its trust policy
     * is among what this list guards), and it creates the program's roles in new accounts.
     */
    List<String> roleProvisioners() {
        return union(provisioners, guardrailMaintainers());
    }

    /** Who may change the guardrails themselves: the deployer, and the StackSets that deploy the member baseline. */
    List<String> guardrailMaintainers() {
        return union(stackSetsExecution.stream().toList(), List.of(deployer));
    }

    private static List<String> arns(List<BreakGlassRole> roles) {
        return roles.stream().map(BreakGlassRole::arnInAnyAccount).sorted().distinct().toList();
    }

    private static List<String> union(List<String> roles, List<String> more) {
        TreeSet<String> all = new TreeSet<>(roles);
        all.addAll(more);
        return List.copyOf(all);
    }
}

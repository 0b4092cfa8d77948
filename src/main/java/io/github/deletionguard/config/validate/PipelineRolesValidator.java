package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.PipelineRole;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks {@code deletion-guard:pipelineRoles}: each a role ARN in a listed account or in every
 * account, listed once, and none of the roles whose denied attempts must always page: break-glass
 * roles, provisioner roles and the access role that deploys the guardrails. How many fit is the
 * metric filter pattern's limit, which detection checks on the rendered patterns.
 */
final class PipelineRolesValidator {
    private static final String PIPELINE_ROLES = qualified("pipelineRoles");

    private final PartialConfig config;
    private final ConfigIssues issues;

    private PipelineRolesValidator(PartialConfig config, ConfigIssues issues) {
        this.config = config;
        this.issues = issues;
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        PipelineRolesValidator validator = new PipelineRolesValidator(config, issues);
        config.pipelineRoles().ifPresent(written -> validator.check(written, config.parsedPipelineRoles().orElseThrow()));
    }

    private void check(List<String> written, List<Optional<PipelineRole>> roles) {
        for (int i = 0; i < roles.size(); i++) {
            String path = PIPELINE_ROLES + "[" + i + "]";
            Optional<PipelineRole> role = roles.get(i);
            if (role.isEmpty()) {
                issues.add(path, "'" + written.get(i) + "' is not a role ARN with a 12-digit or * account.",
                        "write arn:aws:iam::<12-digit account or *>:role/<path/>name, path included as CloudTrail's session"
                                + " issuer shows it; * as the account is the role in every account, and no other wildcard is allowed.");
            } else {
                checkRole(path, role.get());
            }
        }
        checkListedOnce(roles);
    }

    private void checkRole(String path, PipelineRole role) {
        Optional<Set<String>> listed = config.completeAccounts()
                .map(accounts -> accounts.stream().map(MemberAccount::id).collect(Collectors.toSet()));
        if (!role.inAnyAccount() && listed.isPresent() && !listed.get().contains(role.account())) {
            issues.add(path, "names account " + role.account() + ", which is not in " + qualified("accounts")
                            + ": no denied call of it reaches the security account.",
                    "name a role of a listed account, or * for the role in every account.");
        }
        config.organization().ifPresent(organization -> checkNotAGuardRole(path, role, organization));
    }

    /** Denied attempts of these roles are never pipeline noise: they must keep paging. */
    private void checkNotAGuardRole(String path, PipelineRole role, Organization organization) {
        String fix = "list only the pipeline's own deployment role; its denied attempts are the ones a notice summarizes.";
        if (matchesAny(role, organization.breakGlassRoles())) {
            issues.add(path, "is a break-glass role (" + qualified("organization.breakGlassRoles")
                    + "): its denied attempts would page nobody until its run ends.", fix);
        }
        if (matchesAny(role, organization.provisionerRoles())) {
            issues.add(path, "is a provisioner role (" + qualified("organization.provisionerRoles")
                    + "), which rewrites the roles that guard the keys: its denied attempts must page.", fix);
        }
        if (role.pathAndName().equals("/" + organization.accessRoleName())) {
            issues.add(path, "is the access role " + organization.accessRoleName() + " ("
                    + qualified("organization.accessRoleName") + "), which deploys the guardrails: its denied attempts must page.", fix);
        }
    }

    private static boolean matchesAny(PipelineRole role, List<BreakGlassRole> roles) {
        return roles.stream().anyMatch(listed -> role.pathAndName().equals(listed.path() + listed.name()));
    }

    /** The same role twice, or a role of one account that an entry for every account covers already. */
    private void checkListedOnce(List<Optional<PipelineRole>> roles) {
        for (int i = 0; i < roles.size(); i++) {
            for (int j = 0; j < roles.size(); j++) {
                if (i == j || roles.get(i).isEmpty() || roles.get(j).isEmpty()) {
                    continue;
                }
                PipelineRole role = roles.get(i).get();
                PipelineRole other = roles.get(j).get();
                boolean sameEntry = role.arn().equals(other.arn());
                if (sameEntry ? j < i : other.covers(role)) {
                    issues.add(PIPELINE_ROLES + "[" + i + "]", "'" + role.written() + "' is "
                                    + (sameEntry ? "listed twice" : "covered by " + other.written()) + ": it is already "
                                    + PIPELINE_ROLES + "[" + j + "].",
                            "remove the duplicate.");
                    break;
                }
            }
        }
    }
}

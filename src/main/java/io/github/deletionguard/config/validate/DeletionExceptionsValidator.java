package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.AwsIdentifiers;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.EphemeralScope;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks {@code deletion-guard:approvedDeletions} and {@code deletion-guard:ephemeralScopes}: an
 * approval must name one real resource of a guarded account, a role of that account, a ticket and
 * an end date no more than {@link #LONGEST_APPROVAL_DAYS} ahead; an ephemeral OU must be a path in
 * this organization that does not hold the security account. An approval whose date has passed is
 * no error (AWS ignores it already, and a daily {@code pulumi up} must not break the day after): it
 * is left out of every document and reported as a warning, see {@link ConfigWarnings}.
 */
public final class DeletionExceptionsValidator {
    /** The longest an approval may run: long enough for a decommissioning, short enough to be reviewed again. */
    public static final int LONGEST_APPROVAL_DAYS = 30;
    private static final String APPROVALS = qualified("approvedDeletions");
    private static final String SCOPES = qualified("ephemeralScopes");
    /** A ticket is also literal text of the approval's notice: no angle brackets (see {@link #checkNoticeText}). */
    private static final Pattern TICKET = Pattern.compile("[^\\s<>]{2,64}");
    private static final int MAX_APPROVED_BY_CHARACTERS = 128;
    private static final int MAX_REASON_CHARACTERS = 512;
    private static final Pattern SCOPE_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern ORG_PATH = Pattern.compile("(o-[a-z0-9]{10,32})/r-[0-9a-z]{4,32}/((?:ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}/)+)");

    private final ConfigIssues issues;
    private final PartialConfig config;

    private DeletionExceptionsValidator(PartialConfig config, ConfigIssues issues) {
        this.config = config;
        this.issues = issues;
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        DeletionExceptionsValidator validator = new DeletionExceptionsValidator(config, issues);
        config.approvedDeletions().ifPresent(validator::checkApprovals);
        config.ephemeralScopes().ifPresent(validator::checkScopes);
    }

    private void checkApprovals(List<Optional<ApprovedDeletion>> approvals) {
        if (!approvals.isEmpty()) {
            requireServiceControlPolicy(APPROVALS, "approved deletions are exemptions from it");
        }
        Checks.forEachRead(approvals, (i, approval) -> checkApproval(APPROVALS + "[" + i + "]", approval));
        Checks.listedOnce(issues, approvals, index -> APPROVALS + "[" + index + "].resource",
                approval -> approval.resource().arn() + " " + approval.principal(),
                approval -> approval.resource().arn(), "list each resource once per principal; extend the one entry's until.");
    }

    private void checkApproval(String path, ApprovedDeletion approval) {
        ApprovedResource resource = approval.resource();
        resource.nameProblem().ifPresent(problem -> issues.add(path + ".resource", problem, resource.kind() == ApprovedResource.Kind.KEY
                ? "write the key ARN as 'aws kms describe-key' shows it, arn:aws:kms:<region>:<account>:key/<key id>."
                : "write the secret's ARN, or its name followed by -?????? for the random suffix (e.g. secret:ci/pr-42/db-??????),"
                + " or a pattern with a fixed name part (secret:ci/pr-42/*)."));
        Checks.region(issues, path + ".resource", resource.region());
        checkAccount(path + ".resource", resource.account(), "the resource");
        checkUntil(path + ".until", approval.until());
        if (!TICKET.matcher(approval.ticket()).matches()) {
            issues.add(path + ".ticket", "'" + approval.ticket() + "' is not a change reference.",
                    "write the ticket id the approval is recorded under, 2-64 characters without spaces or angle brackets (e.g. CHG-1234).");
        }
        if (approval.approvedBy().isBlank()) {
            issues.add(path + ".approvedBy", "is blank.", "name the person or board who approved the deletion.");
        }
        if (approval.reason().isBlank()) {
            issues.add(path + ".reason", "is blank.", "say why the resource is deleted, for whoever reviews the file.");
        }
        checkNoticeText(path + ".approvedBy", approval.approvedBy(), MAX_APPROVED_BY_CHARACTERS);
        checkNoticeText(path + ".reason", approval.reason(), MAX_REASON_CHARACTERS);
        checkPrincipal(path + ".principal", approval.principal(), resource.account());
    }

    /**
     * The ticket, approver and reason are literal text of the approval's notice, an EventBridge
     * input template: EventBridge reads {@code <name>} there as a placeholder and refuses the
     * target when no input path has that name. The lengths keep every notice well inside the
     * template's 8,192-character quota and readable in a mail.
     */
    private void checkNoticeText(String path, String text, int maxCharacters) {
        if (text.contains("<") || text.contains(">")) {
            issues.add(path, "contains '<' or '>', which EventBridge would read as a placeholder of the approval's notice.",
                    "write it without angle brackets.");
        }
        if (text.length() > maxCharacters) {
            issues.add(path, "is " + text.length() + " characters; the approval's notice takes at most " + maxCharacters + ".",
                    "shorten it and put the details in the ticket.");
        }
    }

    private void checkUntil(String path, LocalDate until) {
        LocalDate latest = config.evaluatedOn().plusDays(LONGEST_APPROVAL_DAYS);
        if (until.isAfter(latest)) {
            issues.add(path, until + " is more than " + LONGEST_APPROVAL_DAYS + " days after today (" + config.evaluatedOn()
                            + "): approvals are short on purpose.",
                    "set " + latest + " or earlier, and renew the approval when it runs out.");
        }
    }

    private void checkPrincipal(String path, String principal, String resourceAccount) {
        Matcher role = AwsIdentifiers.ROLE_ARN.matcher(principal);
        if (!role.matches()) {
            issues.add(path, "'" + principal + "' is not an IAM role ARN.",
                    "write the deleting role's ARN without wildcards, arn:aws:iam::<account>:role/<path/name>, as aws:PrincipalArn names it.");
            return;
        }
        if (!checkAccount(path, role.group(1), "the principal")) {
            return;
        }
        if (AwsIdentifiers.isAccountId(resourceAccount) && !role.group(1).equals(resourceAccount)) {
            issues.add(path, "is a role of account " + role.group(1) + ", but the resource is in account " + resourceAccount
                            + ": KMS schedules deletions for the key's own account only, and the SCP exempts callers by their own account.",
                    "approve a role of account " + resourceAccount + ".");
        }
        config.organization().map(Organization::breakGlassRoles).ifPresent(roles -> roles.stream()
                .filter(breakGlass -> role.group(2).equals(breakGlass.path() + breakGlass.name()))
                .findFirst().ifPresent(breakGlass -> issues.add(path, "is the break-glass role " + breakGlass.written()
                        + ", which may delete already.", "approve the role that deletes as part of the change, e.g. its pipeline role.")));
    }

    /** The account must be one the config lists and an SCP binds: the management account is bound by none. */
    private boolean checkAccount(String path, String account, String what) {
        if (!AwsIdentifiers.isAccountId(account)) {
            issues.add(path, "names account '" + account + "', which is not a 12-digit account id.",
                    "write the account id of " + what + " without wildcards: an approval is for one account.");
            return false;
        }
        Optional<Set<String>> configured = config.completeAccounts()
                .map(accounts -> accounts.stream().map(MemberAccount::id).collect(Collectors.toSet()));
        if (configured.isPresent() && !configured.get().contains(account)) {
            issues.add(path, "names account " + account + ", which is not in " + qualified("accounts") + ".",
                    "approve only resources and roles of the organization's listed accounts, or add the account there.");
            return false;
        }
        if (config.organization().filter(org -> org.managementAccount().id().equals(account)).isPresent()) {
            issues.add(path, "names the management account " + account + ", which no SCP binds: there is nothing to exempt.",
                    "delete there with the deletion alarms watching; approvals are for member accounts.");
            return false;
        }
        return true;
    }

    private void checkScopes(List<Optional<EphemeralScope>> scopes) {
        if (!scopes.isEmpty()) {
            requireServiceControlPolicy(SCOPES, "ephemeral scopes are exemptions from it");
        }
        Checks.forEachRead(scopes, (i, scope) -> checkScope(SCOPES + "[" + i + "]", scope));
        Checks.listedOnce(issues, scopes, index -> SCOPES + "[" + index + "].organizationalUnitPath",
                EphemeralScope::organizationalUnitPath, EphemeralScope::organizationalUnitPath, "list each OU once.");
        Checks.listedOnce(issues, scopes, index -> SCOPES + "[" + index + "].name", EphemeralScope::name, EphemeralScope::name,
                "give every scope its own name.");
    }

    private void checkScope(String path, EphemeralScope scope) {
        if (!SCOPE_NAME.matcher(scope.name()).matches()) {
            issues.add(path + ".name", "'" + scope.name() + "' cannot be part of resource names.",
                    "use 1-32 lowercase letters, digits and inner hyphens (e.g. sandboxes).");
        }
        Matcher orgPath = ORG_PATH.matcher(scope.organizationalUnitPath());
        if (!orgPath.matches()) {
            issues.add(path + ".organizationalUnitPath", "'" + scope.organizationalUnitPath() + "' is not an OU path.",
                    "write it as aws:PrincipalOrgPaths does, o-<org>/r-<root>/ou-<...>/ with every OU from the root down and a"
                            + " trailing slash; the root itself cannot be ephemeral.");
            return;
        }
        config.organization().map(Organization::id).filter(id -> !id.equals(orgPath.group(1))).ifPresent(id ->
                issues.add(path + ".organizationalUnitPath", "starts with organization " + orgPath.group(1) + ", not this one (" + id + ").",
                        "copy the path of an OU of " + id + "."));
        List<String> units = List.of(orgPath.group(2).split("/"));
        Function<String, Optional<MemberAccount>> account = id -> config.completeAccounts()
                .flatMap(accounts -> accounts.stream().filter(member -> member.id().equals(id)).findFirst());
        config.securityAccount().flatMap(security -> account.apply(security.account().id()))
                .filter(security -> security.organizationalUnit().filter(units::contains).isPresent())
                .ifPresent(security -> issues.add(path + ".organizationalUnitPath", "contains the security account's OU "
                                + security.organizationalUnit().get() + ", whose critical keys and secrets must keep their windows.",
                        "make only the sandbox OU ephemeral, or move the security account out of it."));
    }

    private void requireServiceControlPolicy(String path, String why) {
        if (config.serviceControlPolicy().isEmpty()) {
            issues.add(path, "is set, but the stack deploys no " + qualified("serviceControlPolicy") + ", and " + why + ".",
                    "remove it, or configure the service control policy.");
        }
    }
}

package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.config.AwsIdentifiers;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.SecurityAccount;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks values and the relations between them, over what could be read. Every rule reports to
 * {@link ConfigIssues} and validation goes on, so the user fixes everything in one edit; a rule
 * that needs a part that could not be read is skipped, since reading reported that part already.
 */
public final class ConfigValidator {
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");
    private static final Pattern LOG_GROUP_NAME = Pattern.compile("[\\w.\\-/#]{1,512}");
    private static final Pattern RESOURCE_PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    private static final int ONE_DAY_SECONDS = 86_400;

    private final ConfigIssues issues;

    private ConfigValidator(ConfigIssues issues) {
        this.issues = issues;
    }

    public static void validate(PartialConfig config, ConfigIssues issues) {
        ConfigValidator validator = new ConfigValidator(issues);
        validator.checkResourcePrefix(config.resourcePrefix());
        config.organization().ifPresent(validator::checkOrganization);
        config.securityAccount().ifPresent(validator::checkSecurityAccount);
        config.defaultRegions().ifPresent(regions -> validator.checkRegionList(qualified("regions"), regions, true));
        config.accounts().ifPresent(accounts -> validator.checkAccounts(config, accounts));
        config.alarmSettingsByMode().forEach(validator::checkAlarmSettings);
        CriticalResourcesValidator.validate(config, issues);
        ServiceControlPolicyValidator.validate(config, issues);
        StackScopeValidator.validate(config, issues);
        RemediationValidation.check(config, issues);
        NotificationEndpointsValidator.validate(config, issues);
        MemberBaselineValidator.validate(config, issues);
        DeletionExceptionsValidator.validate(config, issues);
        PipelineRolesValidator.validate(config, issues);
    }

    private void checkResourcePrefix(String prefix) {
        if (!RESOURCE_PREFIX.matcher(prefix).matches()) {
            issues.add(qualified("resourcePrefix"), "'" + prefix + "' cannot start AWS resource names.",
                    "use 2-31 lowercase letters, digits or hyphens, starting with a letter.");
        }
    }

    private void checkOrganization(Organization organization) {
        String path = qualified("organization");
        if (!AwsIdentifiers.isOrganizationId(organization.id())) {
            issues.add(path + ".id", "'" + organization.id() + "' is not an organization id.",
                    "write it as AWS shows it, 'o-' followed by 10 to 32 lowercase letters or digits.");
        }
        checkNamedAccount(path + ".managementAccount", organization.managementAccount());
        if (!AwsIdentifiers.isRoleName(organization.accessRoleName())) {
            issues.add(path + ".accessRoleName", "'" + organization.accessRoleName() + "' is not an IAM role name.",
                    "use the name of the role the program assumes in every account, e.g. "
                            + Organization.DEFAULT_ACCESS_ROLE + ".");
        }
        checkRoles(path + ".breakGlassRoles", organization.breakGlassRoles(), "BreakGlass", "/emergency/BreakGlass");
        checkRoles(path + ".provisionerRoles", organization.provisionerRoles(), "AWSControlTowerExecution",
                "/provisioning/AccountBaseline");
        List<String> breakGlass = organization.breakGlassRoles().stream().map(BreakGlassRole::written).toList();
        List<BreakGlassRole> provisioners = organization.provisionerRoles();
        for (int i = 0; i < provisioners.size(); i++) {
            if (breakGlass.contains(provisioners.get(i).written())) {
                issues.add(path + ".provisionerRoles[" + i + "]", "'" + provisioners.get(i).written()
                                + "' is a break-glass role too: one role would both delete keys and rewrite the roles that guard them.",
                        "keep the role in one of the two lists.");
            }
        }
        if (breakGlass.contains(organization.accessRoleName())) {
            issues.add(path + ".breakGlassRoles", "lists the access role '" + organization.accessRoleName()
                            + "', which deploys the guardrails: it would also be allowed to delete every key and secret.",
                    "give break-glass its own role, used by people only in an emergency.");
        }
    }

    /** Role lists are written as names or paths and names, each once. */
    private void checkRoles(String path, List<BreakGlassRole> roles, String exampleName, String examplePath) {
        for (int i = 0; i < roles.size(); i++) {
            if (!isRole(roles.get(i))) {
                issues.add(path + "[" + i + "]", "'" + roles.get(i).written() + "' is not a role name or /path/name.",
                        "write the role name (" + exampleName + ") or its path and name (" + examplePath + "), no ARN.");
            }
        }
        Checks.listedOnce(issues, roles.stream().map(role -> Optional.of(role).filter(ConfigValidator::isRole)).toList(),
                index -> path + "[" + index + "]", BreakGlassRole::written, BreakGlassRole::written,
                "remove the duplicate.");
    }

    private static boolean isRole(BreakGlassRole role) {
        return AwsIdentifiers.isRoleName(role.name()) && AwsIdentifiers.isRolePath(role.path());
    }

    private void checkSecurityAccount(SecurityAccount security) {
        String path = qualified("securityAccount");
        checkNamedAccount(path, security.account());
        Checks.region(issues, path + ".homeRegion", security.homeRegion());
        List<String> emails = security.notificationEmails();
        if (emails.isEmpty() && security.notificationEndpoints().isEmpty()) {
            issues.add(path + ".notificationEmails", "is empty, and so is notificationEndpoints: nobody would be told"
                            + " when a key or secret is at risk.",
                    "list at least one address that a person reads.");
        }
        for (int i = 0; i < emails.size(); i++) {
            if (!EMAIL.matcher(emails.get(i)).matches()) {
                issues.add(path + ".notificationEmails[" + i + "]", "'" + emails.get(i) + "' is not an e-mail address.",
                        "write it as name@example.com.");
            }
        }
        Checks.listedOnce(issues, emails.stream().map(email -> Optional.of(email).filter(EMAIL.asMatchPredicate())).toList(),
                index -> path + ".notificationEmails[" + index + "]", String::toLowerCase, email -> email,
                "remove the duplicate.");
    }

    private void checkNamedAccount(String path, NamedAccount account) {
        if (!AwsIdentifiers.isAccountId(account.id())) {
            issues.add(path + ".id", "'" + account.id() + "' is not an AWS account id.", "write the 12-digit account id, quoted.");
        }
        if (!ACCOUNT_NAME.matcher(account.name()).matches()) {
            issues.add(path + ".name", "'" + account.name() + "' cannot be part of resource names.",
                    "use 1-32 lowercase letters, digits and inner hyphens (e.g. payments-prod).");
        }
    }

    private void checkRegionList(String path, List<String> regions, boolean mayBeEmpty) {
        if (regions.isEmpty() && !mayBeEmpty) {
            issues.add(path, "has no regions: nothing would be guarded in this account.",
                    "list regions here, or set a stack-wide " + qualified("regions") + ".");
        }
        for (int i = 0; i < regions.size(); i++) {
            Checks.region(issues, path + "[" + i + "]", regions.get(i));
        }
        Checks.listedOnce(issues, regions, path, region -> true);
    }

    private void checkAccounts(PartialConfig config, List<Optional<MemberAccount>> accounts) {
        String path = qualified("accounts");
        if (accounts.isEmpty()) {
            issues.add(path, "is empty: nothing would be guarded.", "list at least one account with id and name.");
        }
        Optional<List<String>> defaultRegions = config.defaultRegions();
        Checks.forEachRead(accounts, (i, member) -> {
            String accountPath = path + "[" + i + "]";
            checkNamedAccount(accountPath, member.account());
            // Regions taken over from the stack-wide list are checked there, once.
            if (member.regions().isEmpty() || !defaultRegions.map(member.regions()::equals).orElse(false)) {
                checkRegionList(accountPath + ".regions", member.regions(), false);
            }
            member.cloudTrailLogGroup().ifPresent(group -> checkLogGroup(accountPath + ".cloudTrailLogGroup", group, member));
        });
        Checks.listedOnce(issues, accounts, index -> path + "[" + index + "].id", MemberAccount::id, MemberAccount::id,
                "list each account once.");
        Checks.listedOnce(issues, accounts, index -> path + "[" + index + "].name", MemberAccount::name, MemberAccount::name,
                "give every account its own name: names are part of resource identities.");
        config.securityAccount().ifPresent(security ->
                checkSameNameAsListed(qualified("securityAccount"), security.account(), accounts));
        config.organization().ifPresent(organization ->
                checkSameNameAsListed(qualified("organization.managementAccount"), organization.managementAccount(), accounts));
    }

    private void checkLogGroup(String path, LogGroupLocation group, MemberAccount member) {
        if (!LOG_GROUP_NAME.matcher(group.name()).matches()) {
            issues.add(path + ".name", "'" + group.name() + "' is not a CloudWatch Logs log group name.",
                    "copy the log group name from the trail's CloudWatch Logs setting.");
        }
        // An account without regions is reported as such; its log group has no region to be in.
        if (!member.regions().isEmpty() && !member.regions().contains(group.region())) {
            issues.add(path + ".region", "'" + group.region() + "' is not one of the account's regions "
                            + member.regions() + ", so no provider could create its alarms.",
                    "add " + group.region() + " to the account's regions, or correct the log group region.");
        }
    }

    /** The same account must carry the same name everywhere, or it would get two providers. */
    private void checkSameNameAsListed(String path, NamedAccount account, List<Optional<MemberAccount>> accounts) {
        // The first entry with the id decides: a second one is reported as listed twice already.
        accounts.stream().flatMap(Optional::stream).filter(listed -> listed.id().equals(account.id())).findFirst()
                .filter(listed -> !listed.name().equals(account.name()))
                .ifPresent(listed -> issues.add(path + ".name", "'" + account.name() + "' differs from the name '"
                                + listed.name() + "' of the same account in " + qualified("accounts[" + accounts.indexOf(Optional.of(listed)) + "]") + ".",
                        "use one name for the account in both places."));
    }

    private void checkAlarmSettings(AlarmMode mode, AlarmSettings settings) {
        String path = qualified("alarms." + mode.configValue());
        int period = settings.periodSeconds();
        // Metrics from metric filters are standard resolution: alarm periods are whole minutes.
        if (period < 60 || period % 60 != 0 || period > ONE_DAY_SECONDS) {
            issues.add(path + ".periodSeconds", period + " is not a period CloudWatch accepts for these metrics.",
                    "use a multiple of 60 from 60 to 86400.");
        }
        if (settings.evaluationPeriods() < 1) {
            issues.add(path + ".evaluationPeriods", settings.evaluationPeriods() + " is below 1.", "use 1 or more.");
        } else if (period >= 60 && (long) period * settings.evaluationPeriods() > ONE_DAY_SECONDS) {
            issues.add(path + ".evaluationPeriods", settings.evaluationPeriods() + " periods of " + period
                            + " s exceed the one day CloudWatch can evaluate.",
                    "keep periodSeconds x evaluationPeriods at or below 86400.");
        }
        if (settings.threshold() < 1 || settings.threshold() > 1000) {
            issues.add(path + ".threshold", settings.threshold() + " is out of range: the alarms count events.",
                    "use a count from 1 (alarm on the first event) to 1000.");
        }
        if (settings.kmsErrorThreshold() < 1 || settings.kmsErrorThreshold() > 100_000) {
            issues.add(path + ".kmsErrorThreshold", settings.kmsErrorThreshold() + " is out of range.",
                    "use a count of failed KMS calls per period from 1 to 100000.");
        }
    }
}

package io.github.deletionguard.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks values and the relations between them. Every rule reports to {@link ConfigIssues} and
 * validation goes on, so the user fixes everything in one edit.
 */
public final class ConfigValidator {
    private static final String NS = StackConfigLoader.NAMESPACE + ":";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_PATH = Pattern.compile("/(?:[\\x21-\\x2E\\x30-\\x7E]+/)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");
    private static final Pattern LOG_GROUP_NAME = Pattern.compile("[\\w.\\-/#]{1,512}");
    private static final Pattern RESOURCE_PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    private static final int ONE_DAY_SECONDS = 86_400;

    private final ConfigIssues issues;

    private ConfigValidator(ConfigIssues issues) {
        this.issues = issues;
    }

    public static void validate(GuardConfig config, ConfigIssues issues) {
        ConfigValidator validator = new ConfigValidator(issues);
        validator.checkResourcePrefix(config.resourcePrefix());
        validator.checkOrganization(config.organization());
        validator.checkSecurityAccount(config.securityAccount());
        validator.checkRegionList(NS + "regions", config.defaultRegions(), true);
        validator.checkAccounts(config);
        config.alarmSettingsByMode().forEach(validator::checkAlarmSettings);
        CriticalResourcesValidator.validate(config, issues);
        ServiceControlPolicyValidator.validate(config, issues);
        StackScopeValidator.validate(config, issues);
        RemediationValidation.check(config, issues);
    }

    private void checkResourcePrefix(String prefix) {
        if (!RESOURCE_PREFIX.matcher(prefix).matches()) {
            issues.add(NS + "resourcePrefix", "'" + prefix + "' cannot start AWS resource names.",
                    "use 2-31 lowercase letters, digits or hyphens, starting with a letter.");
        }
    }

    private void checkOrganization(Organization organization) {
        String path = NS + "organization";
        if (!organization.id().isEmpty() && !ORGANIZATION_ID.matcher(organization.id()).matches()) {
            issues.add(path + ".id", "'" + organization.id() + "' is not an organization id.",
                    "write it as AWS shows it, 'o-' followed by 10 to 32 lowercase letters or digits.");
        }
        checkNamedAccount(path + ".managementAccount", organization.managementAccount());
        if (!ROLE_NAME.matcher(organization.accessRoleName()).matches()) {
            issues.add(path + ".accessRoleName", "'" + organization.accessRoleName() + "' is not an IAM role name.",
                    "use the name of the role the program assumes in every account, e.g. "
                            + Organization.DEFAULT_ACCESS_ROLE + ".");
        }
        Set<String> seen = new HashSet<>();
        List<BreakGlassRole> roles = organization.breakGlassRoles();
        for (int i = 0; i < roles.size(); i++) {
            BreakGlassRole role = roles.get(i);
            String rolePath = path + ".breakGlassRoles[" + i + "]";
            if (!ROLE_NAME.matcher(role.name()).matches() || !ROLE_PATH.matcher(role.path()).matches()) {
                issues.add(rolePath, "'" + role.written() + "' is not a role name or /path/name.",
                        "write the role name (BreakGlass) or its path and name (/emergency/BreakGlass), no ARN.");
            } else if (!seen.add(role.written())) {
                issues.add(rolePath, "'" + role.written() + "' is listed twice.", "remove the duplicate.");
            }
        }
    }

    private void checkSecurityAccount(SecurityAccount security) {
        String path = NS + "securityAccount";
        checkNamedAccount(path, security.account());
        if (!security.homeRegion().isEmpty()) {
            checkRegion(path + ".homeRegion", security.homeRegion());
        }
        // An empty id means the section is missing, which the loader reported already.
        if (security.notificationEmails().isEmpty() && !security.account().id().isEmpty()) {
            issues.add(path + ".notificationEmails", "is empty: nobody would be told when a key or secret is at risk.",
                    "list at least one address that a person reads.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < security.notificationEmails().size(); i++) {
            String email = security.notificationEmails().get(i);
            String emailPath = path + ".notificationEmails[" + i + "]";
            if (!EMAIL.matcher(email).matches()) {
                issues.add(emailPath, "'" + email + "' is not an e-mail address.", "write it as name@example.com.");
            } else if (!seen.add(email.toLowerCase())) {
                issues.add(emailPath, "'" + email + "' is listed twice.", "remove the duplicate.");
            }
        }
    }

    private void checkNamedAccount(String path, NamedAccount account) {
        checkAccountId(path + ".id", account.id());
        checkAccountName(path + ".name", account.name());
    }

    private void checkAccountId(String path, String id) {
        // An empty id was already reported by the loader (missing, or a number that lost zeros).
        if (!id.isEmpty() && !ACCOUNT_ID.matcher(id).matches()) {
            issues.add(path, "'" + id + "' is not an AWS account id.", "write the 12-digit account id, quoted.");
        }
    }

    private void checkAccountName(String path, String name) {
        if (!name.isEmpty() && !ACCOUNT_NAME.matcher(name).matches()) {
            issues.add(path, "'" + name + "' cannot be part of resource names.",
                    "use 1-32 lowercase letters, digits and inner hyphens (e.g. payments-prod).");
        }
    }

    private void checkRegionList(String path, List<String> regions, boolean mayBeEmpty) {
        if (regions.isEmpty() && !mayBeEmpty) {
            issues.add(path, "has no regions: nothing would be guarded in this account.",
                    "list regions here, or set a stack-wide " + NS + "regions.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            checkRegion(path + "[" + i + "]", regions.get(i));
            if (!seen.add(regions.get(i))) {
                issues.add(path + "[" + i + "]", "'" + regions.get(i) + "' is listed twice.", "remove the duplicate.");
            }
        }
    }

    private void checkRegion(String path, String region) {
        if (AwsRegions.isOtherPartition(region)) {
            issues.add(path, "'" + region + "' is outside the commercial aws partition, which is all this program supports.",
                    "guard GovCloud or China accounts from a separate program build for that partition.");
        } else if (!AwsRegions.isCommercial(region)) {
            issues.add(path, "'" + region + "' is not an AWS region code.", "use a code such as eu-central-1 or us-east-1.");
        }
    }

    private void checkAccounts(GuardConfig config) {
        String path = NS + "accounts";
        List<MemberAccount> accounts = config.accounts();
        if (accounts.isEmpty()) {
            issues.add(path, "is empty: nothing would be guarded.", "list at least one account with id and name.");
        }
        Map<String, Integer> firstById = new HashMap<>();
        Map<String, Integer> firstByName = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            MemberAccount member = accounts.get(i);
            String accountPath = path + "[" + i + "]";
            checkNamedAccount(accountPath, member.account());
            Integer sameId = firstById.putIfAbsent(member.id(), i);
            if (sameId != null && !member.id().isEmpty()) {
                issues.add(accountPath + ".id", "'" + member.id() + "' is already " + path + "[" + sameId + "].",
                        "list each account once.");
            }
            Integer sameName = firstByName.putIfAbsent(member.name(), i);
            if (sameName != null && !member.name().isEmpty()) {
                issues.add(accountPath + ".name", "'" + member.name() + "' is already the name of " + path + "[" + sameName + "].",
                        "give every account its own name: names are part of resource identities.");
            }
            if (member.regions().isEmpty() || !member.regions().equals(config.defaultRegions())) {
                checkRegionList(accountPath + ".regions", member.regions(), false);
            }
            member.cloudTrailLogGroup().ifPresent(group -> checkLogGroup(accountPath + ".cloudTrailLogGroup", group, member));
        }
        checkSameNameAsListed(NS + "securityAccount", config.securityAccount().account(), accounts);
        checkSameNameAsListed(NS + "organization.managementAccount", config.organization().managementAccount(), accounts);
    }

    private void checkLogGroup(String path, LogGroupLocation group, MemberAccount member) {
        if (!LOG_GROUP_NAME.matcher(group.name()).matches()) {
            issues.add(path + ".name", "'" + group.name() + "' is not a CloudWatch Logs log group name.",
                    "copy the log group name from the trail's CloudWatch Logs setting.");
        }
        if (!group.region().isEmpty() && !member.regions().contains(group.region())) {
            issues.add(path + ".region", "'" + group.region() + "' is not one of the account's regions "
                            + member.regions() + ", so no provider could create its alarms.",
                    "add " + group.region() + " to the account's regions, or correct the log group region.");
        }
    }

    /** The same account must carry the same name everywhere, or it would get two providers. */
    private void checkSameNameAsListed(String path, NamedAccount account, List<MemberAccount> accounts) {
        for (int i = 0; i < accounts.size(); i++) {
            NamedAccount listed = accounts.get(i).account();
            if (listed.id().equals(account.id()) && !account.id().isEmpty()) {
                if (!listed.name().equals(account.name())) {
                    issues.add(path + ".name", "'" + account.name() + "' differs from the name '" + listed.name()
                                    + "' of the same account in " + NS + "accounts[" + i + "].",
                            "use one name for the account in both places.");
                }
                return; // a second entry with the same id is reported as a duplicate already
            }
        }
    }

    private void checkAlarmSettings(AlarmMode mode, AlarmSettings settings) {
        String path = NS + "alarms." + mode.configValue();
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

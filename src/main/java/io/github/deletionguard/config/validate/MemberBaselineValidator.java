package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.AwsIdentifiers;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.StackScope;
import io.github.deletionguard.config.StackSetOperationPreferences;

import java.util.List;
import java.util.Optional;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/** Checks {@code deletion-guard:memberBaseline} and what the StackSets need from the rest of the config. */
final class MemberBaselineValidator {
    private static final String PATH = qualified("memberBaseline");

    private MemberBaselineValidator() {
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        config.memberBaseline().ifPresent(baseline -> {
            if (baseline.usesStackSets()) {
                checkStackSets(config, baseline, issues);
            } else {
                checkProviders(baseline, issues);
            }
        });
    }

    /** Fields that only the StackSets read would silently do nothing. */
    private static void checkProviders(MemberBaseline baseline, ConfigIssues issues) {
        String fix = "set engine: stacksets to deploy through StackSets, or remove the field.";
        if (!baseline.organizationalUnits().isEmpty()) {
            issues.add(PATH + ".organizationalUnits", "is set, but engine providers deploys only to " + qualified("accounts")
                    + ".", fix);
        }
        if (baseline.delegatedAdministrator().isPresent() || !baseline.callAs().equals(MemberBaseline.SELF)) {
            issues.add(PATH + ".callAs", "is set, but engine providers creates no StackSet.", fix);
        }
    }

    private static void checkStackSets(PartialConfig config, MemberBaseline baseline, ConfigIssues issues) {
        List<String> units = baseline.organizationalUnits();
        if (units.isEmpty()) {
            issues.add(PATH + ".organizationalUnits", "is empty: the StackSets would reach no account.",
                    "list the OUs (ou-...-...) whose accounts, now and later, get the baseline, or the root (r-...).");
        }
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            if (!AwsIdentifiers.isOrganizationalUnitId(unit) && !AwsIdentifiers.isRootId(unit)) {
                issues.add(PATH + ".organizationalUnits[" + i + "]", "'" + unit + "' is not an OU or root id.",
                        "write it as Organizations shows it, e.g. ou-ab12-cdef3456 or r-ab12.");
            }
        }
        Checks.listedOnce(issues, units, PATH + ".organizationalUnits",
                unit -> AwsIdentifiers.isOrganizationalUnitId(unit) || AwsIdentifiers.isRootId(unit));
        checkRegions(baseline.regions(), issues);
        checkPreferences(baseline.operationPreferences(), issues);
        checkCaller(config, baseline, issues);
        if (!config.stackScope().map(StackScope::ownsCentralResources).orElse(true)) {
            issues.add(PATH + ".engine", "is stacksets in a stack whose stackScope.ownsCentralResources is false:"
                            + " the StackSets belong with the SCP, in the management account's stack.",
                    "deploy the StackSets from the stack that owns the central resources; split stacks are the"
                            + " provider engine's way to scale.");
        }
    }

    private static void checkRegions(List<String> regions, ConfigIssues issues) {
        String path = PATH + ".regions";
        if (regions.isEmpty()) {
            issues.add(path, "is empty: the regional StackSet would deploy nowhere.",
                    "list the regions to guard in every account of the OUs, or set a stack-wide " + qualified("regions") + ".");
        }
        for (int i = 0; i < regions.size(); i++) {
            Checks.region(issues, path + "[" + i + "]", regions.get(i));
        }
        Checks.listedOnce(issues, regions, path, region -> true);
    }

    private static void checkPreferences(StackSetOperationPreferences preferences, ConfigIssues issues) {
        String path = PATH + ".operationPreferences";
        if (!StackSetOperationPreferences.REGION_CONCURRENCY_TYPES.contains(preferences.regionConcurrencyType())) {
            issues.add(path + ".regionConcurrencyType", "'" + preferences.regionConcurrencyType() + "' is not a region concurrency type.",
                    "use PARALLEL (every region at once) or SEQUENTIAL (one region after the other).");
        }
        if (!StackSetOperationPreferences.CONCURRENCY_MODES.contains(preferences.concurrencyMode())) {
            issues.add(path + ".concurrencyMode", "'" + preferences.concurrencyMode() + "' is not a concurrency mode.",
                    "use SOFT_FAILURE_TOLERANCE (maxConcurrentPercentage applies) or STRICT_FAILURE_TOLERANCE"
                            + " (concurrency never above the failure tolerance + 1 account).");
        }
        if (preferences.failureTolerancePercentage() < 0 || preferences.failureTolerancePercentage() > 100) {
            issues.add(path + ".failureTolerancePercentage", preferences.failureTolerancePercentage()
                    + " is not a percentage CloudFormation accepts.", "use 0 to 100.");
        }
        if (preferences.maxConcurrentPercentage() < 1 || preferences.maxConcurrentPercentage() > 100) {
            issues.add(path + ".maxConcurrentPercentage", preferences.maxConcurrentPercentage()
                    + " is not a percentage CloudFormation accepts.", "use 1 to 100.");
        }
    }

    /** The StackSets live in the management account, or in a delegated administrator that is a configured account. */
    private static void checkCaller(PartialConfig config, MemberBaseline baseline, ConfigIssues issues) {
        if (!MemberBaseline.CALL_AS.contains(baseline.callAs())) {
            issues.add(PATH + ".callAs", "'" + baseline.callAs() + "' is not a caller.",
                    "use SELF (the management account) or DELEGATED_ADMIN (a delegated administrator for StackSets).");
            return;
        }
        Optional<String> administrator = baseline.delegatedAdministrator();
        if (baseline.callAs().equals(MemberBaseline.SELF)) {
            administrator.ifPresent(id -> issues.add(PATH + ".delegatedAdministrator", "is set, but callAs is SELF:"
                    + " the StackSets are created in the management account.", "set callAs: DELEGATED_ADMIN, or remove it."));
            return;
        }
        if (administrator.isEmpty()) {
            issues.add(PATH + ".delegatedAdministrator", "is missing: callAs DELEGATED_ADMIN needs the account that"
                            + " administers StackSets for the organization.",
                    "set the 12-digit id of the account 'aws organizations list-delegated-administrators"
                            + " --service-principal member.org.stacksets.cloudformation.amazonaws.com' shows.");
            return;
        }
        String id = administrator.get();
        boolean configured = config.securityAccount().filter(security -> security.account().id().equals(id)).isPresent()
                || config.completeAccounts().map(all -> all.stream().map(MemberAccount::id).anyMatch(id::equals)).orElse(true);
        if (!AwsIdentifiers.isAccountId(id)) {
            issues.add(PATH + ".delegatedAdministrator", "'" + id + "' is not an AWS account id.", "write the 12-digit account id, quoted.");
        } else if (config.organization().filter(organization -> organization.managementAccount().id().equals(id)).isPresent()) {
            issues.add(PATH + ".delegatedAdministrator", "'" + id + "' is the management account, which is never a"
                    + " delegated administrator.", "use callAs: SELF for the management account.");
        } else if (!configured) {
            issues.add(PATH + ".delegatedAdministrator", "'" + id + "' is neither the security account nor in "
                            + qualified("accounts") + ", so the program has no provider for it.",
                    "add the delegated administrator to " + qualified("accounts") + ".");
        }
    }
}

package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.AwsIdentifiers;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.StackScope;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/** Checks {@code deletion-guard:stackScope} and the OUs accounts name, against the account list. */
final class StackScopeValidator {
    private static final String PATH = qualified("stackScope");
    private static final String OU_FIX = "write it as Organizations shows it, e.g. ou-ab12-cdef3456.";

    private StackScopeValidator() {
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        config.accounts().ifPresent(accounts -> Checks.forEachRead(accounts, (i, member) ->
                member.organizationalUnit().filter(unit -> !AwsIdentifiers.isOrganizationalUnitId(unit)).ifPresent(unit ->
                        issues.add(qualified("accounts[" + i + "].organizationalUnit"), "'" + unit + "' is not an OU id.", OU_FIX))));
        config.stackScope().ifPresent(scope -> {
            // What the scope selects is known only when every account could be read.
            Optional<List<MemberAccount>> accounts = config.completeAccounts();
            Optional<Set<String>> unitsInUse = accounts.map(all -> all.stream()
                    .flatMap(member -> member.organizationalUnit().stream()).collect(Collectors.toSet()));
            List<String> units = scope.organizationalUnits();
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(i);
                if (!AwsIdentifiers.isOrganizationalUnitId(unit)) {
                    issues.add(PATH + ".organizationalUnits[" + i + "]", "'" + unit + "' is not an OU id.", OU_FIX);
                } else if (unitsInUse.filter(inUse -> !inUse.contains(unit)).isPresent()) {
                    issues.add(PATH + ".organizationalUnits[" + i + "]", "no account in " + qualified("accounts")
                                    + " is in " + unit + ".",
                            "set organizationalUnit on the accounts of that OU, or remove it here.");
                }
            }
            accounts.ifPresent(all -> checkSelection(scope, all, issues));
            if (!scope.ownsCentralResources()) {
                rejectCentral(issues, "criticalKeys", config.criticalKeys().filter(keys -> !keys.isEmpty()).isPresent());
                rejectCentral(issues, "criticalSecrets", config.criticalSecrets().filter(secrets -> !secrets.isEmpty()).isPresent());
                rejectCentral(issues, "serviceControlPolicy", config.serviceControlPolicy().isPresent());
            }
        });
    }

    private static void checkSelection(StackScope scope, List<MemberAccount> accounts, ConfigIssues issues) {
        Set<String> names = accounts.stream().map(MemberAccount::name).collect(Collectors.toSet());
        List<String> selectedNames = scope.accountNames();
        for (int i = 0; i < selectedNames.size(); i++) {
            if (!names.contains(selectedNames.get(i))) {
                issues.add(PATH + ".accounts[" + i + "]", "'" + selectedNames.get(i) + "' is not the name of a configured account.",
                        "use a name from " + qualified("accounts") + ".");
            }
        }
        Optional<String> filters = scope.describeFilters();
        if (!accounts.isEmpty() && accounts.stream().noneMatch(scope::selects) && filters.isPresent()) {
            issues.add(PATH, "selects no account (" + filters.get() + ").",
                    "select at least one configured account, or remove the filters.");
        }
    }

    private static void rejectCentral(ConfigIssues issues, String key, boolean configured) {
        if (configured) {
            issues.add(qualified(key), "is set, but this stack's stackScope.ownsCentralResources"
                            + " is false, so it would not be deployed.",
                    "move it to the stack that owns the central resources.");
        }
    }
}

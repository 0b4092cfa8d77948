package io.github.deletionguard.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks {@code deletion-guard:stackScope} and the OUs accounts name, against the account list. */
final class StackScopeValidator {
    private static final String PATH = StackConfigLoader.NAMESPACE + ":stackScope";
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");

    private StackScopeValidator() {
    }

    static void validate(GuardConfig config, ConfigIssues issues) {
        List<MemberAccount> accounts = config.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            int index = i;
            accounts.get(i).organizationalUnit().filter(unit -> !OU_ID.matcher(unit).matches()).ifPresent(unit ->
                    issues.add(StackConfigLoader.NAMESPACE + ":accounts[" + index + "].organizationalUnit",
                            "'" + unit + "' is not an OU id.", "write it as Organizations shows it, e.g. ou-ab12-cdef3456."));
        }
        StackScope scope = config.stackScope();
        List<String> units = scope.organizationalUnits();
        Set<String> unitsInUse = accounts.stream().flatMap(member -> member.organizationalUnit().stream())
                .collect(Collectors.toSet());
        for (int i = 0; i < units.size(); i++) {
            if (!OU_ID.matcher(units.get(i)).matches()) {
                issues.add(PATH + ".organizationalUnits[" + i + "]", "'" + units.get(i) + "' is not an OU id.",
                        "write it as Organizations shows it, e.g. ou-ab12-cdef3456.");
            } else if (!unitsInUse.contains(units.get(i))) {
                issues.add(PATH + ".organizationalUnits[" + i + "]", "no account in " + StackConfigLoader.NAMESPACE
                                + ":accounts is in " + units.get(i) + ".",
                        "set organizationalUnit on the accounts of that OU, or remove it here.");
            }
        }
        Set<String> names = accounts.stream().map(MemberAccount::name).collect(Collectors.toSet());
        List<String> selectedNames = scope.accountNames();
        for (int i = 0; i < selectedNames.size(); i++) {
            if (!names.contains(selectedNames.get(i))) {
                issues.add(PATH + ".accounts[" + i + "]", "'" + selectedNames.get(i) + "' is not the name of a configured account.",
                        "use a name from " + StackConfigLoader.NAMESPACE + ":accounts.");
            }
        }
        if (!accounts.isEmpty() && config.guardedAccounts().isEmpty() && scope.describeFilters().isPresent()) {
            issues.add(PATH, "selects no account (" + scope.describeFilters().get() + ").",
                    "select at least one configured account, or remove the filters.");
        }
        if (!scope.ownsCentralResources()) {
            rejectCentral(issues, "criticalKeys", !config.criticalResources().keys().isEmpty());
            rejectCentral(issues, "criticalSecrets", !config.criticalResources().secrets().isEmpty());
            rejectCentral(issues, "serviceControlPolicy", config.serviceControlPolicy().isPresent());
        }
    }

    private static void rejectCentral(ConfigIssues issues, String key, boolean configured) {
        if (configured) {
            issues.add(StackConfigLoader.NAMESPACE + ":" + key, "is set, but this stack's stackScope.ownsCentralResources"
                            + " is false, so it would not be deployed.",
                    "move it to the stack that owns the central resources.");
        }
    }
}

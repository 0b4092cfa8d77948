package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/**
 * Which of the configured accounts this stack guards, and whether it owns the organization-wide
 * resources (notification hub, critical keys and secrets, SCP). A large organization is split
 * into several stacks that share one account list: one stack owns the central resources, each
 * stack guards the accounts of some OUs (or a list of names), so no single {@code pulumi up}
 * grows past what it handles well.
 *
 * @param organizationalUnits guard only accounts whose {@code organizationalUnit} is listed (empty: no OU filter)
 * @param accountNames        guard only the accounts with these names (empty: no name filter)
 */
public record StackScope(List<String> organizationalUnits, List<String> accountNames, boolean ownsCentralResources) {

    public StackScope {
        organizationalUnits = List.copyOf(organizationalUnits);
        accountNames = List.copyOf(accountNames);
    }

    /** The whole organization in one stack: every account, and the central resources. */
    public static StackScope wholeOrganization() {
        return new StackScope(List.of(), List.of(), true);
    }

    /** An account is guarded when it passes every filter the stack sets. */
    public boolean selects(MemberAccount member) {
        boolean byUnit = organizationalUnits.isEmpty()
                || member.organizationalUnit().map(organizationalUnits::contains).orElse(false);
        boolean byName = accountNames.isEmpty() || accountNames.contains(member.name());
        return byUnit && byName;
    }

    public Optional<String> describeFilters() {
        if (organizationalUnits.isEmpty() && accountNames.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("OUs " + organizationalUnits + ", accounts " + accountNames);
    }
}

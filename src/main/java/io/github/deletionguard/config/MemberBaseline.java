package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/**
 * Which engine deploys the member baseline, set by {@code deletion-guard:memberBaseline}. With
 * {@link BaselineEngine#STACKSETS}, two service-managed StackSets reach every account of
 * {@code organizationalUnits} (and of their child OUs), now and later; the provider engine keeps
 * what they cannot reach: the management account, configured accounts outside those OUs, and
 * the alarms of accounts with a log group of their own.
 *
 * <p>A configured account belongs to the StackSets when its {@code organizationalUnit} is one of
 * {@code organizationalUnits} (set it to the targeted OU for an account in a child OU), or when
 * the organization root is among them; never the management account, where a service-managed
 * StackSet never deploys.
 *
 * @param organizationalUnits    the OUs (or the root) the StackSets target; empty with providers
 * @param regions                the regions of the regional StackSet
 * @param retainStacksOnAccountRemoval keep the stacks (and so the guard) in an account that leaves the OUs
 * @param callAs                 {@code SELF} (the management account) or {@code DELEGATED_ADMIN}
 * @param delegatedAdministrator the delegated administrator account for StackSets, with {@code DELEGATED_ADMIN}
 */
public record MemberBaseline(BaselineEngine engine, List<String> organizationalUnits, List<String> regions,
                             StackSetOperationPreferences operationPreferences, boolean retainStacksOnAccountRemoval,
                             String callAs, Optional<String> delegatedAdministrator) {
    public static final String SELF = "SELF";
    public static final String DELEGATED_ADMIN = "DELEGATED_ADMIN";
    public static final List<String> CALL_AS = List.of(SELF, DELEGATED_ADMIN);

    public MemberBaseline {
        organizationalUnits = List.copyOf(organizationalUnits);
        regions = List.copyOf(regions);
    }

    /** Every account on the provider engine, as before StackSets. */
    public static MemberBaseline providers(List<String> regions) {
        return new MemberBaseline(BaselineEngine.PROVIDERS, List.of(), regions, StackSetOperationPreferences.defaults(),
                false, SELF, Optional.empty());
    }

    public boolean usesStackSets() {
        return engine == BaselineEngine.STACKSETS;
    }

    /** True when the StackSets, not the providers, deploy the baseline to this configured account. */
    public boolean coversWithStackSets(MemberAccount member, String managementAccountId) {
        if (!usesStackSets() || member.id().equals(managementAccountId)) {
            return false;
        }
        return organizationalUnits.stream().anyMatch(AwsIdentifiers::isRootId)
                || member.organizationalUnit().map(organizationalUnits::contains).orElse(false);
    }
}

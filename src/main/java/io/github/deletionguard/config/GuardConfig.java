package io.github.deletionguard.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole validated stack configuration. Built only from a {@link PartialConfig} that
 * validation found no issue in, so the deployment code never sees a value that failed validation. {@code serviceControlPolicy}
 * is empty when the stack deploys no organization SCP. {@code accounts} lists every account the
 * organization guards; {@link #guardedAccounts()} those this stack deploys to. {@code deletionExceptions}
 * are the approved deletions and ephemeral OUs, with the date the run judges them by.
 * {@code pipelineRoles} are the deployment pipelines' roles whose denied deletion attempts are
 * summarized once per run as a notice instead of paging.
 */
public record GuardConfig(
        AlarmMode alarmMode,
        String resourcePrefix,
        List<String> defaultRegions,
        Organization organization,
        SecurityAccount securityAccount,
        List<MemberAccount> accounts,
        Map<AlarmMode, AlarmSettings> alarmSettingsByMode,
        CriticalResources criticalResources,
        Optional<ServiceControlPolicySettings> serviceControlPolicy,
        StackScope stackScope,
        RemediationSettings remediation,
        MemberBaseline memberBaseline,
        DeletionExceptions deletionExceptions,
        List<PipelineRole> pipelineRoles) {

    public static final String DEFAULT_RESOURCE_PREFIX = "deletion-guard";

    public GuardConfig {
        defaultRegions = List.copyOf(defaultRegions);
        accounts = List.copyOf(accounts);
        pipelineRoles = List.copyOf(pipelineRoles);
        alarmSettingsByMode = Collections.unmodifiableMap(new EnumMap<>(alarmSettingsByMode));
    }

    /** The settings of the stack's own mode; the other mode's are kept only to be validated. */
    public AlarmSettings alarmSettings() {
        return alarmSettingsByMode.get(alarmMode);
    }

    /**
     * Regions that need a notification topic: CloudWatch alarms can only publish to a topic in
     * their own region, so every region with an alarm gets one, plus the security home region.
     */
    public SortedSet<String> notificationRegions() {
        SortedSet<String> regions = new TreeSet<>();
        regions.add(securityAccount.homeRegion());
        accounts.forEach(member -> member.cloudTrailLogGroup().ifPresent(group -> regions.add(group.region())));
        return regions;
    }

    /** Ids of every configured account (guarded here or by a sibling stack), sorted, for conditions that admit only them. */
    public List<String> configuredAccountIds() {
        return accounts.stream().map(MemberAccount::id).sorted().distinct().toList();
    }

    /**
     * The configured accounts in an ephemeral scope: those whose {@code organizationalUnit} is the
     * scope's OU. The SCP lets the whole subtree off, but the config knows an account's OU only by
     * id, not by path, so an account in an OU below the scope names the scope's OU, as accounts may
     * name any OU they are in or under. Their deletions are digested, not paged, and not undone.
     */
    public List<MemberAccount> ephemeralAccounts() {
        return accounts.stream().filter(this::isEphemeral).toList();
    }

    public boolean isEphemeral(MemberAccount member) {
        return ephemeralScopeOf(member).isPresent();
    }

    /** The scope an account is in by its {@code organizationalUnit}, if any. */
    public Optional<EphemeralScope> ephemeralScopeOf(MemberAccount member) {
        return member.organizationalUnit().flatMap(unit -> deletionExceptions.ephemeralScopes().stream()
                .filter(scope -> scope.organizationalUnitId().equals(unit)).findFirst());
    }

    /** The same stack with other deletion exceptions, e.g. none, to measure what they add. */
    public GuardConfig withDeletionExceptions(DeletionExceptions exceptions) {
        return new GuardConfig(alarmMode, resourcePrefix, defaultRegions, organization, securityAccount, accounts,
                alarmSettingsByMode, criticalResources, serviceControlPolicy, stackScope, remediation, memberBaseline, exceptions,
                pipelineRoles);
    }

    /** True when the StackSets, not this stack's providers, deploy the member baseline to the account. */
    public boolean baselineByStackSets(MemberAccount member) {
        return memberBaseline.coversWithStackSets(member, organization.managementAccount().id());
    }

    /**
     * The account the StackSets are created in: the delegated administrator when the baseline
     * calls as one (validation made sure it is the security account or a configured account),
     * else the management account.
     */
    public NamedAccount stackSetAdministrator() {
        return memberBaseline.delegatedAdministrator()
                .map(id -> securityAccount.account().id().equals(id) ? securityAccount.account()
                        : accounts.stream().filter(member -> member.id().equals(id)).findFirst().orElseThrow().account())
                .orElse(organization.managementAccount());
    }

    /** The accounts this stack deploys guards to. */
    public List<MemberAccount> guardedAccounts() {
        return accounts.stream().filter(stackScope::selects).toList();
    }
}

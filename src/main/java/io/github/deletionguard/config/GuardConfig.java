package io.github.deletionguard.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole validated stack configuration. Built only by {@link StackConfigLoader} (or by tests),
 * so the deployment code never sees a value that failed validation.
 */
public record GuardConfig(
        AlarmMode alarmMode,
        String resourcePrefix,
        List<String> defaultRegions,
        Organization organization,
        SecurityAccount securityAccount,
        List<MemberAccount> accounts,
        Map<AlarmMode, AlarmSettings> alarmSettingsByMode,
        RemediationSettings remediation) {

    public static final String DEFAULT_RESOURCE_PREFIX = "deletion-guard";

    public GuardConfig {
        defaultRegions = List.copyOf(defaultRegions);
        accounts = List.copyOf(accounts);
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

    /** Ids of every guarded account, sorted, for conditions that admit only our own accounts. */
    public List<String> guardedAccountIds() {
        return accounts.stream().map(MemberAccount::id).sorted().distinct().toList();
    }
}

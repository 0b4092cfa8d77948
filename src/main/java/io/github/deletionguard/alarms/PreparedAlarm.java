package io.github.deletionguard.alarms;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.PatternLimits;

import java.util.List;
import java.util.Optional;

/**
 * One alarm of the stack's mode with its metric filter pattern, rendered and checked against
 * CloudWatch Logs' limit before any resource is registered.
 */
public record PreparedAlarm(AlarmDefinition definition, String filterPattern) {
    /** The stack's alarms; none when no account names a CloudTrail log group, as nothing could read one. */
    public static List<PreparedAlarm> prepareAll(GuardConfig config) {
        List<String> logGroups = config.accounts().stream().map(MemberAccount::cloudTrailLogGroup)
                .flatMap(Optional::stream).map(LogGroupLocation::name).toList();
        if (logGroups.isEmpty()) {
            return List.of();
        }
        ResourceNames names = ResourceNames.of(config);
        AlarmDefinition.Scope scope = new AlarmDefinition.Scope(names, logGroups,
                config.ephemeralAccounts().stream().map(MemberAccount::id).toList());
        return AlarmDefinition.forMode(config.alarmMode()).stream()
                .map(alarm -> new PreparedAlarm(alarm, PatternLimits.checked(names.alarm(alarm.id()), alarm.filterPattern(scope),
                        "shorten or list fewer cloudTrailLogGroup names, which the pattern watches for deletion,"
                                + " or fewer accounts in ephemeral scopes, which the deletion alarms leave out.")))
                .toList();
    }
}

package io.github.deletionguard.alarms;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.naming.ResourceNames;

import java.util.List;
import java.util.Optional;

/**
 * One alarm of the stack's mode with its metric filter pattern, rendered and checked against
 * CloudWatch Logs' limit before any resource is registered.
 */
public record PreparedAlarm(AlarmDefinition definition, String filterPattern) {
    /** CloudWatch Logs API reference, PutMetricFilter: filterPattern is at most 1,024 characters. */
    public static final int MAX_FILTER_PATTERN_CHARACTERS = 1024;

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
                .map(alarm -> new PreparedAlarm(alarm, checked(names.alarm(alarm.id()), alarm.filterPattern(scope).render())))
                .toList();
    }

    private static String checked(String filterName, String pattern) {
        if (pattern.length() > MAX_FILTER_PATTERN_CHARACTERS) {
            throw new InvalidPolicyException("the filter pattern of metric filter " + filterName + " is " + pattern.length()
                    + " characters; CloudWatch Logs (PutMetricFilter) allows " + MAX_FILTER_PATTERN_CHARACTERS
                    + ". Fix: shorten or list fewer cloudTrailLogGroup names, which the pattern watches for deletion,"
                    + " or fewer accounts in ephemeral scopes, which the deletion alarms leave out.");
        }
        return pattern;
    }
}

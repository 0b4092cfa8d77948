package io.github.deletionguard.alarms;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.naming.ResourceNames;

import java.util.List;

/**
 * @param provider     the provider of the account and region that hold the log group
 * @param logGroupName the CloudTrail log group the metric filters read
 * @param names        names every metric filter and alarm
 * @param alarmTopicArn the notification hub topic of the same region
 */
public record DeletionAlarmsArgs(
        Provider provider,
        String logGroupName,
        ResourceNames names,
        List<PreparedAlarm> alarms,
        AlarmSettings settings,
        Output<String> alarmTopicArn) {

    public DeletionAlarmsArgs {
        alarms = List.copyOf(alarms);
    }
}

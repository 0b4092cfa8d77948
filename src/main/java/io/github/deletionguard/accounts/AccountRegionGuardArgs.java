package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.alarms.PreparedAlarm;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.remediation.PreparedRemediation;

import java.util.List;
import java.util.Optional;

/**
 * @param provider          the account's provider in this region
 * @param cloudTrailLogGroup the log group the alarms read, present only where the account's trail delivers in this region
 * @param hubTopicArn       the notification topic of this region, present where alarms may publish
 * @param baseline          the member baseline, absent where the StackSets deploy it instead
 */
public record AccountRegionGuardArgs(
        Provider provider,
        String region,
        String accountId,
        Optional<String> cloudTrailLogGroup,
        ResourceNames names,
        List<PreparedAlarm> alarms,
        AlarmSettings alarmSettings,
        Optional<Output<String>> hubTopicArn,
        Optional<Baseline> baseline) {

    /**
     * The forwarding rules and remediation of one account and region.
     *
     * @param forwardingRoleArn the account's forwarding role
     * @param centralBusArn     the forwarding rule's target
     * @param remediation       present only when the stack switches remediation on
     * @param triggerRoleArn    the account's remediation trigger role, present with remediation
     */
    public record Baseline(PreparedForwarding forwarding, Output<String> forwardingRoleArn, Output<String> centralBusArn,
                           Optional<PreparedRemediation> remediation, Optional<Output<String>> triggerRoleArn) {
    }

    public AccountRegionGuardArgs {
        alarms = List.copyOf(alarms);
    }
}

package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.alarms.PreparedAlarm;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.remediation.PreparedRemediation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * @param regionProviders the account's provider in each of its regions ({@link AccountGuard#providersOf})
 * @param iamProvider     the provider of the account's IAM roles ({@link AccountGuard#providersOf})
 * @param hubTopicArns    the notification topic of each region that has one
 * @param forwarding      forwarding, deployed in every region of the account
 * @param centralBusArn   the central bus, so forwarding targets are created after it
 * @param remediation     present only when the stack switches remediation on
 * @param baselineByStackSets the StackSets deploy the account's roles, rules and remediation: only its alarms are left here
 */
public record AccountGuardArgs(
        MemberAccount account,
        Map<String, Provider> regionProviders,
        Provider iamProvider,
        ResourceNames names,
        List<PreparedAlarm> alarms,
        AlarmSettings alarmSettings,
        Map<String, Output<String>> hubTopicArns,
        PreparedForwarding forwarding,
        Output<String> centralBusArn,
        Optional<PreparedRemediation> remediation,
        boolean baselineByStackSets) {

    public AccountGuardArgs {
        regionProviders = Map.copyOf(regionProviders);
        alarms = List.copyOf(alarms);
        hubTopicArns = Map.copyOf(hubTopicArns);
    }
}

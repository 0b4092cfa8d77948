package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.alarms.DeletionAlarm;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.config.MemberAccount;

import java.util.List;
import java.util.Map;

/**
 * @param regionProviders the account's provider in each of its regions
 * @param iamProvider     the provider for the account's IAM roles (IAM is global; see DeletionGuardStack)
 * @param hubTopicArns    the notification topic of each region that has one
 * @param response        forwarding and remediation, deployed in every region of the account
 */
public record AccountGuardArgs(
        MemberAccount account,
        Map<String, Provider> regionProviders,
        Provider iamProvider,
        String namePrefix,
        List<DeletionAlarm> alarms,
        AlarmSettings alarmSettings,
        Map<String, Output<String>> hubTopicArns,
        DeletionResponse response) {

    public AccountGuardArgs {
        regionProviders = Map.copyOf(regionProviders);
        alarms = List.copyOf(alarms);
        hubTopicArns = Map.copyOf(hubTopicArns);
    }
}

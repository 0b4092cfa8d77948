package io.github.deletionguard;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.accounts.AccountProviders;
import io.github.deletionguard.alarms.DeletionAlarm;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.detection.CentralEventBus;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.guard.AccountGuard;
import io.github.deletionguard.guard.AccountGuardArgs;
import io.github.deletionguard.guard.DeletionResponse;
import io.github.deletionguard.notifications.NotificationHub;
import io.github.deletionguard.notifications.EventRulePublishers;
import io.github.deletionguard.notifications.NotificationHubArgs;
import io.github.deletionguard.policy.PolicyFiles;
import io.github.deletionguard.policy.PolicyTemplate;
import io.github.deletionguard.remediation.Remediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Deploys a validated configuration: the notification hub, the central event bus, then a guard for
 * every account.
 */
public final class DeletionGuardStack {
    private DeletionGuardStack() {
    }

    public static void deploy(Context ctx, GuardConfig config, PolicyFiles policyFiles) {
        // Every document is loaded before the first resource, so a broken file deploys nothing.
        PolicyTemplate topicPolicy = policyFiles.load("notification-topic-policy.json");
        Optional<Remediation> remediation = Remediation.prepare(config, policyFiles);
        EventForwarding forwarding = EventForwarding.prepare(config, policyFiles, remediation.map(Remediation::documentName));

        AccountProviders providers = new AccountProviders(config.organization().accessRoleName(), ctx.stackName());
        NamedAccount security = config.securityAccount().account();
        String topicName = config.resourcePrefix() + "-notifications";
        List<String> publishers = publisherAccounts(config);

        String homeRegion = config.securityAccount().homeRegion();
        Map<String, Output<String>> hubTopicArns = new TreeMap<>();
        for (String region : config.notificationRegions()) {
            // The central bus's rules publish to the topic of their own region, the home region.
            Optional<EventRulePublishers> eventRules = region.equals(homeRegion)
                    ? Optional.of(new EventRulePublishers(forwarding.topicStatement(), forwarding.centralRuleArns()))
                    : Optional.empty();
            NotificationHub hub = new NotificationHub("notifications-" + region, new NotificationHubArgs(
                    providers.forRegion(security, region), region, security.id(), topicName, publishers,
                    config.resourcePrefix(), config.securityAccount().notificationEmails(), topicPolicy, eventRules),
                    ComponentResourceOptions.builder().build());
            hubTopicArns.put(region, hub.topicArn());
        }
        CentralEventBus centralBus = new CentralEventBus("central-events", new CentralEventBus.Args(
                providers.forRegion(security, homeRegion), forwarding, hubTopicArns.get(homeRegion)),
                ComponentResourceOptions.builder().build());
        DeletionResponse response = new DeletionResponse(forwarding, centralBus.busArn(), remediation, homeRegion);

        List<DeletionAlarm> alarms = DeletionAlarm.forMode(config.alarmMode());
        Map<String, Object> deployed = new LinkedHashMap<>();
        for (MemberAccount member : config.accounts()) {
            Map<String, Provider> regionProviders = new LinkedHashMap<>();
            member.regions().forEach(region -> regionProviders.put(region, providers.forRegion(member.account(), region)));
            new AccountGuard(member.name(), new AccountGuardArgs(member, regionProviders, config.resourcePrefix(),
                    alarms, config.alarmSettings(), hubTopicArns, response), ComponentResourceOptions.builder().build());
            deployed.put(member.name(), describe(member, config, alarms));
        }

        ctx.export("alarmMode", Output.of(config.alarmMode().configValue()));
        ctx.export("notificationTopicArns", Output.all(new ArrayList<>(hubTopicArns.values()))
                .applyValue(arns -> zip(new ArrayList<>(hubTopicArns.keySet()), arns)));
        ctx.export("accounts", Output.of(deployed));
        ctx.export("centralEventBusArn", centralBus.busArn());
        ctx.export("remediation", Output.of(Map.of(
                "cancelKeyDeletion", config.remediation().cancelKeyDeletion(),
                "restoreSecret", config.remediation().restoreSecret())));
    }

    /** Guarded accounts plus the security account, whose own alarms may notify too. */
    private static List<String> publisherAccounts(GuardConfig config) {
        List<String> ids = new ArrayList<>(config.guardedAccountIds());
        if (!ids.contains(config.securityAccount().account().id())) {
            ids.add(config.securityAccount().account().id());
        }
        return ids.stream().sorted().toList();
    }

    private static Map<String, Object> describe(MemberAccount member, GuardConfig config, List<DeletionAlarm> alarms) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accountId", member.id());
        summary.put("regions", member.regions());
        member.cloudTrailLogGroup().ifPresent(group -> {
            summary.put("alarmRegion", group.region());
            summary.put("alarmNames", alarms.stream().map(alarm -> config.resourcePrefix() + "-" + alarm.id()).toList());
        });
        return summary;
    }

    private static Map<String, String> zip(List<String> keys, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }
}

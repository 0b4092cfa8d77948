package io.github.deletionguard;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.alarms.DeletionAlarm;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.detection.CentralEventBus;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.accounts.AccountGuard;
import io.github.deletionguard.accounts.AccountGuardArgs;
import io.github.deletionguard.accounts.DeletionResponse;
import io.github.deletionguard.notifications.EventRulePublishers;
import io.github.deletionguard.notifications.NotificationHub;
import io.github.deletionguard.notifications.NotificationHubArgs;
import io.github.deletionguard.prevention.OrganizationGuardrail;
import io.github.deletionguard.prevention.ServiceControlPolicyDocument;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.remediation.Remediation;
import io.github.deletionguard.securityaccount.CriticalVault;
import io.github.deletionguard.securityaccount.CriticalVaultArgs;
import io.github.deletionguard.securityaccount.VaultPolicies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Deploys a validated configuration: the notification hub and central event bus, the security
 * account's critical keys and secrets, a guard for every account, and the organization's service
 * control policy when the stack configures one.
 */
public final class DeletionGuardStack {
    private DeletionGuardStack() {
    }

    public static void deploy(Context ctx, GuardConfig config, PolicyFiles policyFiles) {
        // Every document is loaded before the first resource, so a broken file deploys nothing.
        PolicyTemplate topicPolicy = policyFiles.load("notification-topic-policy.json");
        VaultPolicies vaultPolicies = VaultPolicies.render(config, policyFiles);
        // Rendered and size-checked here too: an SCP AWS would refuse stops the run before it starts.
        Optional<ServiceControlPolicyDocument> guardrailPolicy = ServiceControlPolicyDocument.renderFor(config, policyFiles);
        Optional<Remediation> remediation = Remediation.prepare(config, policyFiles);
        EventForwarding forwarding = EventForwarding.prepare(config, policyFiles, remediation.map(Remediation::documentName));

        AccountProviders providers = new AccountProviders(config.organization().accessRoleName(), ctx.stackName());
        boolean ownsCentralResources = config.stackScope().ownsCentralResources();
        Map<String, Output<String>> hubTopicArns = ownsCentralResources
                ? deployNotificationHubs(config, providers, topicPolicy, forwarding)
                : notificationHubsOfTheCentralStack(config);
        // Like the hub topics, the bus's ARN follows from its name in a stack that does not own it.
        Output<String> centralBusArn = ownsCentralResources
                ? deployCentralEventBus(config, providers, forwarding, hubTopicArns)
                : Output.of(forwarding.centralBusArn());
        DeletionResponse response = new DeletionResponse(forwarding, centralBusArn, remediation);
        if (ownsCentralResources) {
            CriticalVault vault = deployCriticalVault(ctx, config, providers, vaultPolicies);
            ctx.export("criticalKeys", vault.keyOutputs());
            ctx.export("criticalSecrets", vault.secretOutputs());
        }

        List<DeletionAlarm> alarms = DeletionAlarm.forMode(config.alarmMode());
        Map<String, Object> deployed = new LinkedHashMap<>();
        for (MemberAccount member : config.guardedAccounts()) {
            Map<String, Provider> regionProviders = new LinkedHashMap<>();
            member.regions().forEach(region -> regionProviders.put(region, providers.forRegion(member.account(), region)));
            // IAM is global, but moving a role to another provider replaces it. The provider of the
            // security home region is the same for every account whatever its region list says, so
            // adding, removing or reordering regions never moves a role.
            Provider iamProvider = providers.forRegion(member.account(), config.securityAccount().homeRegion());
            new AccountGuard(member.name(), new AccountGuardArgs(member, regionProviders, iamProvider, config.resourcePrefix(),
                    alarms, config.alarmSettings(), hubTopicArns, response), ComponentResourceOptions.builder().build());
            deployed.put(member.name(), describe(member, config, alarms));
        }

        // The validator allows an SCP only in the stack that owns the central resources.
        guardrailPolicy.ifPresent(document -> OrganizationGuardrail.deploy(ctx, config, providers, document));

        ctx.export("alarmMode", Output.of(config.alarmMode().configValue()));
        ctx.export("notificationTopicArns", Output.all(new ArrayList<>(hubTopicArns.values()))
                .applyValue(arns -> zip(new ArrayList<>(hubTopicArns.keySet()), arns)));
        ctx.export("accounts", Output.of(deployed));
        ctx.export("centralEventBusArn", centralBusArn);
        ctx.export("remediation", Output.of(Map.of(
                "cancelKeyDeletion", config.remediation().cancelKeyDeletion(),
                "restoreSecret", config.remediation().restoreSecret())));
    }

    private static Map<String, Output<String>> deployNotificationHubs(GuardConfig config, AccountProviders providers,
                                                                      PolicyTemplate topicPolicy, EventForwarding forwarding) {
        NamedAccount security = config.securityAccount().account();
        List<String> publishers = publisherAccounts(config);
        Map<String, Output<String>> hubTopicArns = new TreeMap<>();
        for (String region : config.notificationRegions()) {
            // The central bus's rules publish to the topic of their own region, the home region.
            Optional<EventRulePublishers> eventRules = region.equals(config.securityAccount().homeRegion())
                    ? Optional.of(new EventRulePublishers(forwarding.topicStatement(), forwarding.centralRuleArns()))
                    : Optional.empty();
            NotificationHub hub = new NotificationHub("notifications-" + region, new NotificationHubArgs(
                    providers.forRegion(security, region), region, security.id(), hubTopicName(config), publishers,
                    config.resourcePrefix(), config.securityAccount().notificationEmails(), topicPolicy, eventRules),
                    ComponentResourceOptions.builder().build());
            hubTopicArns.put(region, hub.topicArn());
        }
        return hubTopicArns;
    }

    private static Output<String> deployCentralEventBus(GuardConfig config, AccountProviders providers,
                                                        EventForwarding forwarding, Map<String, Output<String>> hubTopicArns) {
        String homeRegion = config.securityAccount().homeRegion();
        CentralEventBus bus = new CentralEventBus("central-events", new CentralEventBus.Args(
                providers.forRegion(config.securityAccount().account(), homeRegion), forwarding,
                hubTopicArns.get(homeRegion)), ComponentResourceOptions.builder().build());
        return bus.busArn();
    }

    /**
     * A stack that guards some OUs while another owns the hub: the topics' ARNs follow from their
     * names, which both stacks derive from the same config.
     */
    private static Map<String, Output<String>> notificationHubsOfTheCentralStack(GuardConfig config) {
        Map<String, Output<String>> hubTopicArns = new TreeMap<>();
        for (String region : config.notificationRegions()) {
            hubTopicArns.put(region, Output.of(Arns.snsTopic(region, config.securityAccount().account().id(),
                    hubTopicName(config))));
        }
        return hubTopicArns;
    }

    private static String hubTopicName(GuardConfig config) {
        return config.resourcePrefix() + "-notifications";
    }

    private static CriticalVault deployCriticalVault(Context ctx, GuardConfig config, AccountProviders providers,
                                                     VaultPolicies policies) {
        NamedAccount security = config.securityAccount().account();
        Map<String, Provider> regionProviders = new TreeMap<>();
        config.criticalResources().regions(config.securityAccount().homeRegion())
                .forEach(region -> regionProviders.put(region, providers.forRegion(security, region)));
        Map<String, Output<String>> secretValues = new TreeMap<>();
        config.criticalResources().secrets().forEach(secret -> secret.valueFromSecretConfig()
                .ifPresent(key -> secretValues.put(secret.name(), ctx.config().requireSecret(key))));
        return new CriticalVault("critical", new CriticalVaultArgs(config.criticalResources(),
                config.securityAccount().homeRegion(), regionProviders, policies, secretValues),
                ComponentResourceOptions.builder().build());
    }

    /** Guarded accounts plus the security account, whose own alarms may notify too. */
    private static List<String> publisherAccounts(GuardConfig config) {
        List<String> ids = new ArrayList<>(config.configuredAccountIds());
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

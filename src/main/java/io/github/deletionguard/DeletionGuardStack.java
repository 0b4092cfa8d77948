package io.github.deletionguard;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.accounts.AccountGuard;
import io.github.deletionguard.accounts.AccountGuardArgs;
import io.github.deletionguard.alarms.PreparedAlarm;
import io.github.deletionguard.baseline.BaselineTemplates;
import io.github.deletionguard.baseline.MemberBaselineStackSets;
import io.github.deletionguard.baseline.MemberBaselineStackSetsArgs;
import io.github.deletionguard.config.BaselineEngine;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.detection.CentralEventBus;
import io.github.deletionguard.detection.CentralEventBusArgs;
import io.github.deletionguard.detection.EphemeralDigest;
import io.github.deletionguard.detection.EphemeralDigestArgs;
import io.github.deletionguard.detection.EventSummary;
import io.github.deletionguard.detection.EventSummaryArgs;
import io.github.deletionguard.detection.PreparedSummary;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.notifications.AlarmPublishers;
import io.github.deletionguard.notifications.EventRulePublishers;
import io.github.deletionguard.notifications.NotificationHub;
import io.github.deletionguard.notifications.NotificationHubArgs;
import io.github.deletionguard.outputs.OutputMaps;
import io.github.deletionguard.prevention.DeletionExceptionsReview;
import io.github.deletionguard.prevention.OrganizationGuardrail;
import io.github.deletionguard.prevention.OrganizationGuardrailArgs;
import io.github.deletionguard.prevention.OrganizationPolicies;
import io.github.deletionguard.prevention.ServiceControlPolicyDocument;
import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.remediation.PreparedRemediation;
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
 * The composition root: deploys a validated configuration in named phases.
 * <ol>
 *   <li>{@link Documents#prepare}: every policy, pattern and document, rendered and checked
 *       against AWS's limits; an error here registers nothing.</li>
 *   <li>{@link #deployCentralResources}: the notification hubs, the central event bus and the
 *       security account's critical keys and secrets, or, in a stack that guards some OUs while
 *       a sibling stack owns them, their ARNs.</li>
 *   <li>{@link #deployAccountGuards}: one guard per account this stack guards.</li>
 *   <li>{@link #deployMemberBaselineStackSets}: with the StackSets engine, the baseline of every
 *       account in the chosen OUs, now and later.</li>
 *   <li>{@link #deployOrganizationGuardrail}: the SCP, last, once what it protects is in place.</li>
 *   <li>{@link #export}: every stack output, in one place.</li>
 * </ol>
 */
public final class DeletionGuardStack {
    private DeletionGuardStack() {
    }

    public static void deploy(Context ctx, GuardConfig config, PolicyFiles policyFiles) {
        Documents documents = Documents.prepare(config, policyFiles);
        ResourceNames names = ResourceNames.of(config);
        AccountProviders providers = new AccountProviders(config.organization().accessRoleName(), ctx.stackName());
        Central central = config.stackScope().ownsCentralResources()
                ? deployCentralResources(ctx, config, names, providers, documents)
                : Central.ofSiblingStack(config, names);
        Map<String, Object> guardedAccounts = deployAccountGuards(config, names, providers, documents, central);
        documents.baselineTemplates().ifPresent(templates ->
                deployMemberBaselineStackSets(config, names, providers, templates));
        Optional<OrganizationGuardrail> guardrail = documents.organizationPolicies()
                .map(policies -> deployOrganizationGuardrail(config, names, providers, policies));
        export(ctx, config, documents, central, guardedAccounts, guardrail);
    }

    /**
     * Everything rendered from reviewed files and typed values, before the first resource, so a
     * broken file or a document AWS would refuse stops the run with nothing deployed.
     *
     * @param organizationPolicies present when the stack configures the organization guardrail
     * @param remediation          present when the stack switches at least one remediation on
     * @param baselineTemplates    present with the StackSets engine
     * @param alarms               the alarms of the stack's mode with their filter patterns; none without a log group
     * @param exceptionsReview     present when the stack grants approved deletions or ephemeral scopes
     * @param summary              the summary Automation, deployed when a rule of the security account summarizes a log group
     */
    record Documents(PolicyTemplate topicPolicy, PolicyTemplate alarmTopicStatement, VaultPolicies vaultPolicies,
                     Optional<OrganizationPolicies> organizationPolicies,
                     Optional<PreparedRemediation> remediation, PreparedForwarding forwarding, PreparedSummary summary,
                     Optional<BaselineTemplates> baselineTemplates, List<PreparedAlarm> alarms,
                     Optional<Map<String, Object>> exceptionsReview) {

        static Documents prepare(GuardConfig config, PolicyFiles policyFiles) {
            PolicyTemplate topicPolicy = policyFiles.load("notification-topic-policy.json");
            PolicyTemplate alarmTopicStatement = policyFiles.load("notification-topic-cloudwatch-statement.json");
            VaultPolicies vaultPolicies = VaultPolicies.render(config, policyFiles);
            Optional<OrganizationPolicies> organizationPolicies = OrganizationPolicies.renderFor(config, policyFiles);
            Optional<PreparedRemediation> remediation = PreparedRemediation.prepare(config, policyFiles);
            PreparedForwarding forwarding = PreparedForwarding.prepare(config, policyFiles,
                    remediation.map(prepared -> prepared.names().remediationDocument()));
            Optional<BaselineTemplates> baselineTemplates = config.memberBaseline().usesStackSets()
                    ? Optional.of(BaselineTemplates.render(ResourceNames.of(config), forwarding, remediation,
                    config.memberBaseline().regions()))
                    : Optional.empty();
            Optional<Map<String, Object>> exceptionsReview = organizationPolicies
                    .flatMap(policies -> DeletionExceptionsReview.of(config, policies, policyFiles));
            return new Documents(topicPolicy, alarmTopicStatement, vaultPolicies, organizationPolicies, remediation, forwarding,
                    PreparedSummary.prepare(ResourceNames.of(config), policyFiles), baselineTemplates,
                    PreparedAlarm.prepareAll(config), exceptionsReview);
        }
    }

    /**
     * What every account guard needs of the security account's resources.
     *
     * @param hubTopicArns  the notification topic of each notification region
     * @param centralBusArn the central event bus
     * @param vault         the critical keys and secrets, in the stack that owns them
     */
    record Central(Map<String, Output<String>> hubTopicArns, Output<String> centralBusArn, Optional<CriticalVault> vault) {

        /** The resources' ARNs follow from their names, which both stacks derive from the same config. */
        static Central ofSiblingStack(GuardConfig config, ResourceNames names) {
            Map<String, Output<String>> hubTopicArns = new TreeMap<>();
            config.notificationRegions().forEach(region -> hubTopicArns.put(region, Output.of(names.hubTopicArn(region))));
            return new Central(hubTopicArns, Output.of(names.centralBusArn()), Optional.empty());
        }
    }

    private static Central deployCentralResources(Context ctx, GuardConfig config, ResourceNames names,
                                                  AccountProviders providers, Documents documents) {
        NamedAccount security = config.securityAccount().account();
        String homeRegion = config.securityAccount().homeRegion();
        List<String> publishers = publisherAccounts(config);
        Map<String, Output<String>> hubTopicArns = new TreeMap<>();
        for (String region : config.notificationRegions()) {
            // The central bus's rules publish to the topic of their own region, the home region.
            Optional<EventRulePublishers> eventRules = region.equals(homeRegion)
                    ? Optional.of(new EventRulePublishers(documents.forwarding().topicStatement(),
                    documents.forwarding().publishingCentralRuleArns()))
                    : Optional.empty();
            NotificationHub hub = new NotificationHub("notifications-" + region, new NotificationHubArgs(
                    providers.forRegion(security, region), region, names.hubTopic(), names,
                    config.securityAccount().notificationEmails(), config.securityAccount().notificationEndpoints(),
                    documents.topicPolicy(), Optional.of(new AlarmPublishers(documents.alarmTopicStatement(), publishers)),
                    eventRules),
                    ComponentResourceOptions.builder().build());
            hubTopicArns.put(region, hub.topicArn());
        }
        Provider homeProvider = providers.forRegion(security, homeRegion);
        // Notices page nobody: the e-mail addresses receive them, the endpoints of tools that page do not.
        // The topic stays while approvals come and go, so its subscriptions are confirmed once.
        NotificationHub notices = new NotificationHub("notices", new NotificationHubArgs(
                homeProvider, homeRegion, names.noticeTopic(), names,
                config.securityAccount().notificationEmails(), List.of(), documents.topicPolicy(), Optional.empty(),
                Optional.of(documents.forwarding().noticeRuleArns()).filter(arns -> !arns.isEmpty())
                        .map(arns -> new EventRulePublishers(documents.forwarding().topicStatement(), arns))),
                ComponentResourceOptions.builder().build());
        CentralEventBus bus = new CentralEventBus("central-events", new CentralEventBusArgs(
                homeProvider, documents.forwarding(), hubTopicArns.get(homeRegion), notices.topicArn()),
                ComponentResourceOptions.builder().build());
        List<String> summarized = summarizedLogGroups(names, documents);
        if (!summarized.isEmpty()) {
            EventSummary summary = new EventSummary("event-summary", new EventSummaryArgs(homeProvider,
                    documents.summary(), summarized),
                    ComponentResourceOptions.builder().build());
            documents.forwarding().ephemeralDigest().ifPresent(digest -> new EphemeralDigest("ephemeral-digest",
                    new EphemeralDigestArgs(homeProvider, digest, bus.busName(), summary),
                    ComponentResourceOptions.builder().build()));
        }
        return new Central(hubTopicArns, bus.busArn(), Optional.of(deployCriticalVault(ctx, config, providers, documents)));
    }

    /** Every log group a rule of the security account summarizes, which the summary Automation may query. */
    private static List<String> summarizedLogGroups(ResourceNames names, Documents documents) {
        List<String> logGroups = new ArrayList<>();
        documents.forwarding().ephemeralDigest().ifPresent(digest -> logGroups.add(names.ephemeralEventsLogGroupArn()));
        documents.forwarding().deniedCalls().flatMap(PreparedForwarding.DeniedCalls::pipelineRuns)
                .ifPresent(runs -> logGroups.add(names.deniedCallsLogGroupArn()));
        return logGroups;
    }

    private static CriticalVault deployCriticalVault(Context ctx, GuardConfig config, AccountProviders providers,
                                                     Documents documents) {
        NamedAccount security = config.securityAccount().account();
        Map<String, Provider> regionProviders = new TreeMap<>();
        config.criticalResources().regions(config.securityAccount().homeRegion())
                .forEach(region -> regionProviders.put(region, providers.forRegion(security, region)));
        // Secret values are read here, from secret config, and stay Outputs marked secret.
        Map<String, Output<String>> secretValues = new TreeMap<>();
        config.criticalResources().secrets().forEach(secret -> secret.valueFromSecretConfig()
                .ifPresent(key -> secretValues.put(secret.name(), ctx.config().requireSecret(key))));
        return new CriticalVault("critical", new CriticalVaultArgs(config.criticalResources(),
                config.securityAccount().homeRegion(), regionProviders, documents.vaultPolicies(), secretValues),
                ComponentResourceOptions.builder().build());
    }

    /** Deploys a guard to every account the stack guards; returns what each guard covers, by account name. */
    private static Map<String, Object> deployAccountGuards(GuardConfig config, ResourceNames names, AccountProviders providers,
                                                           Documents documents, Central central) {
        List<PreparedAlarm> alarms = documents.alarms();
        Map<String, Object> guarded = new LinkedHashMap<>();
        for (MemberAccount member : config.guardedAccounts()) {
            boolean byStackSets = config.baselineByStackSets(member);
            Map<String, Object> summary = describe(member, names, alarms);
            if (byStackSets) {
                summary.put("memberBaseline", BaselineEngine.STACKSETS.configValue());
            }
            guarded.put(member.name(), summary);
            if (byStackSets && member.cloudTrailLogGroup().isEmpty()) {
                continue;
            }
            AccountGuard.Providers accountProviders = byStackSets
                    ? AccountGuard.alarmProvidersOf(providers, member)
                    : AccountGuard.providersOf(providers, member, config.securityAccount().homeRegion());
            new AccountGuard(member.name(), new AccountGuardArgs(member, accountProviders.regional(), accountProviders.iam(),
                    accountProviders.globalServices(),
                    names, alarms, config.alarmSettings(), central.hubTopicArns(), documents.forwarding(),
                    central.centralBusArn(), remediationOf(config, member, documents), byStackSets),
                    ComponentResourceOptions.builder().build());
        }
        return guarded;
    }

    /**
     * Nothing is undone in an ephemeral account: the SCP lets its principals delete, and undoing a
     * sandbox's teardown would contradict it. Not deploying remediation there (rather than a
     * pattern that skips the account) leaves no document, rule or role that could undo anything.
     */
    private static Optional<PreparedRemediation> remediationOf(GuardConfig config, MemberAccount member, Documents documents) {
        return config.isEphemeral(member) ? Optional.empty() : documents.remediation();
    }

    /**
     * The StackSets live in the administrator's account (the management account, or the delegated
     * administrator with callAs DELEGATED_ADMIN), in the security home region.
     */
    private static void deployMemberBaselineStackSets(GuardConfig config, ResourceNames names, AccountProviders providers,
                                                      BaselineTemplates templates) {
        new MemberBaselineStackSets("member-baseline", new MemberBaselineStackSetsArgs(
                providers.forRegion(config.stackSetAdministrator(), config.securityAccount().homeRegion()), names, templates,
                config.memberBaseline()), ComponentResourceOptions.builder().build());
    }

    /** AWS Organizations is served from us-east-1 only; the validator allows an SCP only in the stack that owns the central resources. */
    private static OrganizationGuardrail deployOrganizationGuardrail(GuardConfig config, ResourceNames names,
                                                                     AccountProviders providers,
                                                                     OrganizationPolicies policies) {
        return new OrganizationGuardrail("organization-guardrail", new OrganizationGuardrailArgs(
                providers.forRegion(config.organization().managementAccount(), OrganizationGuardrail.ORGANIZATIONS_REGION),
                names,
                policies.serviceControlPolicy(),
                policies.resourceControlPolicy(),
                config.serviceControlPolicy().orElseThrow().targets().stream().map(PolicyTarget::id).toList()),
                ComponentResourceOptions.builder().build());
    }

    private static void export(Context ctx, GuardConfig config, Documents documents, Central central,
                               Map<String, Object> guardedAccounts,
                               Optional<OrganizationGuardrail> guardrail) {
        ctx.export("alarmMode", Output.of(config.alarmMode().configValue()));
        ctx.export("notificationTopicArns", OutputMaps.resolved(central.hubTopicArns()));
        ctx.export("centralEventBusArn", central.centralBusArn());
        ctx.export("accounts", Output.of(guardedAccounts));
        Map<String, Object> remediation = new TreeMap<>();
        remediation.put("cancelKeyDeletion", config.remediation().cancelKeyDeletion());
        remediation.put("restoreSecret", config.remediation().restoreSecret());
        ctx.export("remediation", Output.of(remediation));
        central.vault().ifPresent(vault -> {
            ctx.export("criticalKeys", vault.keyOutputs());
            ctx.export("criticalSecrets", vault.secretOutputs());
        });
        guardrail.ifPresent(policy -> {
            ctx.export("serviceControlPolicyId", policy.policyId());
            ctx.export("resourceControlPolicyId", policy.resourceControlPolicyId());
        });
        documents.organizationPolicies().ifPresent(policies -> {
            ServiceControlPolicyDocument scp = policies.serviceControlPolicy();
            ctx.export("serviceControlPolicyDocument", Output.of(scp.first()));
            if (scp.parts().size() > 1) {
                ctx.export("serviceControlPolicyDocuments", Output.of(scp.parts()));
            }
            ctx.export("resourceControlPolicyDocument", Output.of(policies.resourceControlPolicy().text()));
        });
        documents.exceptionsReview().ifPresent(review -> ctx.export(DeletionExceptionsReview.OUTPUT, Output.of(review)));
    }

    /** Guarded accounts plus the security account, whose own alarms may notify too. */
    private static List<String> publisherAccounts(GuardConfig config) {
        List<String> ids = new ArrayList<>(config.configuredAccountIds());
        if (!ids.contains(config.securityAccount().account().id())) {
            ids.add(config.securityAccount().account().id());
        }
        return ids.stream().sorted().toList();
    }

    private static Map<String, Object> describe(MemberAccount member, ResourceNames names, List<PreparedAlarm> alarms) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accountId", member.id());
        summary.put("regions", member.regions());
        member.cloudTrailLogGroup().ifPresent(group -> {
            summary.put("alarmRegion", group.region());
            summary.put("alarmNames", alarms.stream().map(alarm -> names.alarm(alarm.definition().id())).toList());
        });
        return summary;
    }
}

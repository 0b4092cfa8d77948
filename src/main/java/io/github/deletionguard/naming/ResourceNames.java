package io.github.deletionguard.naming;

import io.github.deletionguard.config.GuardConfig;

import java.util.Arrays;
import java.util.List;

/**
 * The physical name of every resource the program names itself, and the ARNs that follow from
 * those names, known before anything exists. They are an external contract: the SCP protects the
 * guardrails by these names, the operating commands look resources up by them, workload stacks
 * read some of them, and a renamed resource is a replaced one. Every name is the stack's resource
 * prefix, a hyphen and a fixed suffix, so {@link #anyName()} covers them all.
 *
 * @param prefix            the stack's resource prefix
 * @param securityAccountId the account that holds the hub topics and the central bus
 * @param homeRegion        the security account's home region, where the central bus is
 */
public record ResourceNames(String prefix, String securityAccountId, String homeRegion) {

    public static ResourceNames of(GuardConfig config) {
        return new ResourceNames(config.resourcePrefix(), config.securityAccount().account().id(),
                config.securityAccount().homeRegion());
    }

    /** The pattern every name here matches, for policies that admit or protect them all. */
    public String anyName() {
        return named("*");
    }

    /** The SNS topic of each notification region in the security account. */
    public String hubTopic() {
        return named("notifications");
    }

    public String hubTopicArn(String region) {
        return Arns.snsTopic(region, securityAccountId, hubTopic());
    }

    /**
     * The security account's topic, in its home region, for notices: messages a person reads but
     * that page nobody (approved deletions, digests, pipeline-run summaries). Only the e-mail
     * addresses subscribe, never the endpoints of tools that page.
     */
    public String noticeTopic() {
        return named("notices");
    }

    public String noticeTopicArn() {
        return Arns.snsTopic(homeRegion, securityAccountId, noticeTopic());
    }

    /** The Automation document in the security account that summarizes logged events into one notice. */
    public String summaryDocument() {
        return named("summarize-events");
    }

    /** The role the summary Automation assumes to query the logs and publish the notice. */
    public String summaryAutomationRole() {
        return named("summary-automation");
    }

    public String summaryAutomationRoleArn() {
        return Arns.iamRole(securityAccountId, summaryAutomationRole());
    }

    /** The role the security account's rules start the summary Automation with. */
    public String summaryTriggerRole() {
        return named("summary-trigger");
    }

    public String summaryTriggerRoleArn() {
        return Arns.iamRole(securityAccountId, summaryTriggerRole());
    }

    /** The event bus in the security account's home region that every account and region forwards to. */
    public String centralBus() {
        return named("deletion-events");
    }

    public String centralBusArn() {
        return Arns.eventBus(homeRegion, securityAccountId, centralBus());
    }

    /** The central bus's rule that turns one kind of event into a message. */
    public String centralRule(String kindId) {
        return named("notify-" + kindId);
    }

    public String centralRuleArn(String kindId) {
        return Arns.eventRule(homeRegion, securityAccountId, centralBus(), centralRule(kindId));
    }

    /** The central bus's rule that notifies one approved deletion as approved, by the approval's id. */
    public String approvalNoticeRule(String approvalId) {
        return centralRule("approved-" + approvalId);
    }

    public String approvalNoticeRuleArn(String approvalId) {
        return centralRuleArn("approved-" + approvalId);
    }

    /** The rule on each guarded account and region's default bus that forwards deletion events to the central bus. */
    public String forwardingRule() {
        return forwardingRule(ForwardingRule.DELETION_EVENTS);
    }

    /** The forwarding rule of one concern, on the default bus of each account and region it is deployed to. */
    public String forwardingRule(ForwardingRule rule) {
        return forwardingRule(rule.id());
    }

    private String forwardingRule(String concernId) {
        return named("forward-" + concernId);
    }

    /** Every forwarding rule, in the order of {@link ForwardingRule}, for commands that check them. */
    public List<String> forwardingRules() {
        return Arrays.stream(ForwardingRule.values()).map(this::forwardingRule).toList();
    }

    public String forwardingRuleArn(ForwardingRule rule, String region, String accountId) {
        return Arns.eventRule(region, accountId, forwardingRule(rule));
    }

    /** Every forwarding rule of the account in the region, for the forwarding role's trust policy. */
    public String forwardingRulesArnPattern(String region, String accountId) {
        return Arns.eventRule(region, accountId, forwardingRule("*"));
    }

    /** The forwarding rule in any account and region, for the central bus policy's {@code aws:SourceArn}. */
    public String forwardingRuleArnInAnyAccount(ForwardingRule rule) {
        return Arns.eventRule("*", "*", forwardingRule(rule));
    }

    /**
     * The central log group the central bus writes denied calls to, counted by one alarm instead
     * of a message each. EventBridge writes only to log groups whose name starts with
     * {@code /aws/events/}.
     */
    public String deniedCallsLogGroup() {
        return "/aws/events/" + named("denied-calls");
    }

    public String deniedCallsLogGroupArn() {
        return Arns.logGroup(homeRegion, securityAccountId, deniedCallsLogGroup());
    }

    /**
     * The central log group the central bus writes the deletion events of ephemeral accounts to,
     * summarized once a day instead of paged one by one.
     */
    public String ephemeralEventsLogGroup() {
        return "/aws/events/" + named("ephemeral-events");
    }

    public String ephemeralEventsLogGroupArn() {
        return Arns.logGroup(homeRegion, securityAccountId, ephemeralEventsLogGroup());
    }

    /** The central bus's rule that writes the deletion events of ephemeral accounts to their log group. */
    public String ephemeralEventsRule() {
        return named("log-ephemeral-events");
    }

    public String ephemeralEventsRuleArn() {
        return Arns.eventRule(homeRegion, securityAccountId, centralBus(), ephemeralEventsRule());
    }

    /** The scheduled rule (on the security account's default bus, where schedules live) that starts the daily digest. */
    public String ephemeralDigestSchedule() {
        return named("ephemeral-digest");
    }

    /** The alarm, and the metric filter it counts, on the denied calls log group. */
    public String deniedCallsAlarm() {
        return named("denied-calls");
    }

    /**
     * The alarm, and the metric filter it counts, on the denied calls of the configured pipeline
     * roles: it pages nobody, its return to OK ends a pipeline run and starts its summary.
     */
    public String pipelineDeniedCallsAlarm() {
        return named("pipeline-denied-calls");
    }

    public String pipelineDeniedCallsAlarmArn() {
        return Arns.cloudWatchAlarm(homeRegion, securityAccountId, pipelineDeniedCallsAlarm());
    }

    /** The ceiling: pipeline roles denied without a pause for hours page the hub after all. */
    public String pipelineDeniedCallsSustainedAlarm() {
        return named("pipeline-denied-calls-sustained");
    }

    /** The rule on the security account's default bus that summarizes a pipeline run when it ends. */
    public String pipelineRunSummaryRule() {
        return named("summarize-pipeline-run");
    }

    /** The role each account's forwarding rules put events on the central bus with. */
    public String forwardingRole() {
        return named("event-forwarding");
    }

    public String forwardingRoleArn(String accountId) {
        return Arns.iamRole(accountId, forwardingRole());
    }

    /** The Automation document that undoes a deletion, in each account and region with remediation. */
    public String remediationDocument() {
        return named("remediate-deletion");
    }

    /** The rule that starts the remediation document; it shares the document's name. */
    public String remediationRule() {
        return named("remediate-deletion");
    }

    public String remediationRuleArn(String region, String accountId) {
        return Arns.eventRule(region, accountId, remediationRule());
    }

    /** The role the remediation Automation assumes to undo a deletion. */
    public String automationRole() {
        return named("remediation-automation");
    }

    public String automationRoleArn(String accountId) {
        return Arns.iamRole(accountId, automationRole());
    }

    /** The role the remediation rules start the Automation with. */
    public String triggerRole() {
        return named("remediation-trigger");
    }

    public String triggerRoleArn(String accountId) {
        return Arns.iamRole(accountId, triggerRole());
    }

    /** A deletion alarm, and the metric filter it counts, by the alarm's id. */
    public String alarm(String alarmId) {
        return alarmNamePrefix() + alarmId;
    }

    /** What every deletion alarm's name starts with, for patterns that match them all. */
    public String alarmNamePrefix() {
        return named("");
    }

    /**
     * The CloudWatch namespace every metric filter publishes to and every alarm reads. Unlike the
     * names above it carries no prefix: stacks of one organization count the same CloudTrail
     * events, and the SCP denies {@code cloudwatch:PutMetricData} into this one namespace, so
     * nobody can forge datapoints that hold an alarm in ALARM or keep it in OK.
     */
    public String metricNamespace() {
        return "DeletionGuard";
    }

    /** Any deletion alarm of any account in the region, for the topic policy that lets them publish. */
    public String alarmArnInAnyAccount(String region) {
        return Arns.cloudWatchAlarm(region, "*", anyName());
    }

    /** The StackSet of the member baseline's IAM roles, deployed to one region in every account of its OUs. */
    public String globalBaselineStackSet() {
        return named("member-baseline-global");
    }

    /** The StackSet of the member baseline's rules and remediation document, deployed to every baseline region. */
    public String regionalBaselineStackSet() {
        return named("member-baseline-regional");
    }

    /** The organization's service control policy; its first part, when it is split into several. */
    public String serviceControlPolicy() {
        return named("deny-key-and-secret-deletion");
    }

    /** The organization's resource control policy, attached where the service control policy is. */
    public String resourceControlPolicy() {
        return named("protect-keys-and-secrets");
    }

    /**
     * Part {@code part} (from 1) of the service control policy, when it is too large for one: the
     * first part keeps the name of the single policy, so splitting never renames what exists.
     */
    public String serviceControlPolicy(int part) {
        return part == 1 ? serviceControlPolicy() : serviceControlPolicy() + "-" + part;
    }

    /** Every StackSet the program names, in the management or delegated administrator account. */
    public String stackSetArnPattern() {
        return Arns.stackSet("*", "*", anyName());
    }

    /** The stacks a service-managed StackSet creates in member accounts: {@code StackSet-<StackSet name>-<id>}. */
    public String stackSetInstanceArnPattern() {
        return Arns.stack("*", "*", "StackSet-" + anyName());
    }

    /**
     * ARN patterns that match every resource named here, in any account and region, but roles
     * (whose names {@link #anyName()} matches): the rules (on a default bus, and on the central bus, whose
     * name their ARN carries), the central bus, alarms, topics, documents, StackSets and the
     * stacks they create. The SCP protects these; metric filters have no ARN (their log groups
     * stand in), and the SCP and RCP live in the management account, which no SCP binds.
     */
    public List<String> protectedArnPatterns() {
        String any = anyName();
        return List.of(
                Arns.eventRule("*", "*", any),
                Arns.eventRule("*", "*", "*", any),
                Arns.eventBus("*", "*", any),
                Arns.cloudWatchAlarm("*", "*", any),
                Arns.snsTopic("*", "*", any),
                Arns.ssmDocument("*", "*", any),
                stackSetArnPattern(),
                stackSetInstanceArnPattern());
    }

    private String named(String suffix) {
        return prefix + "-" + suffix;
    }
}

package io.github.deletionguard.detection;

import com.google.gson.JsonPrimitive;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.PipelineRole;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.ForwardingRule;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.ApprovedCalls;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.patterns.FilterPattern;
import io.github.deletionguard.patterns.PatternLimits;
import io.github.deletionguard.patterns.RuleState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What every account needs to forward events to the security account, and what the security
 * account needs to turn them into messages: patterns and documents, prepared once per run (not
 * per account) and before any resource is registered.
 *
 * @param memberRules     the rules each account deploys on its default bus, one per concern that
 *                        has a notified kind: the one list every deployment engine iterates
 * @param centralRules    the central bus's rules of each notified kind, which page
 * @param approvalNotices the central bus's rules of the approved deletions in force, which do not
 * @param roleTrust       the forwarding role's trust policy, filled per account
 * @param rolePolicy      the forwarding role's permissions, the same in every account
 * @param busPolicy       the central bus's policy: only the forwarding rules of the organization put events
 * @param topicStatement  the hub topic policy statement that lets the central rules publish
 * @param deniedCalls     where the central bus counts denied calls
 * @param ephemeralDigest where the central bus logs the ephemeral accounts' deletions for the daily digest
 */
public record PreparedForwarding(
        ResourceNames names,
        List<MemberRule> memberRules,
        List<CentralRule> centralRules,
        List<ApprovalNotice> approvalNotices,
        PolicyTemplate roleTrust,
        String rolePolicy,
        String busPolicy,
        PolicyTemplate topicStatement,
        Optional<DeniedCalls> deniedCalls,
        Optional<PreparedEphemeralDigest> ephemeralDigest) {

    /**
     * One forwarding rule on the default bus of each guarded account: any of the central rules'
     * patterns of its concern, in every region of the account or, for the global services, in
     * us-east-1 only.
     *
     * @param state it sees read-only calls when one of its kinds is one
     */
    public record MemberRule(ForwardingRule concern, String name, String pattern, RuleState state) {
        /** The regions of an account this rule is deployed in. */
        public List<String> regions(List<String> accountRegions) {
            return concern.regions(accountRegions);
        }

        public String description() {
            return switch (concern) {
                case DELETION_EVENTS -> "Forwards KMS key and secret deletions, use of keys and secrets pending deletion,"
                        + " deletion-guard alarms and remediation results to the security account";
                case KEY_EVENTS -> "Forwards KMS key and secret destruction without a deletion (key policy lock-out,"
                        + " expiring key material, custom key stores, CloudHSM, replicas, policies) to the security account";
                case GUARDRAIL_EVENTS -> "Forwards changes to deletion-guard's own rules, central bus, topics and"
                        + " documents to the security account";
                case MONITORING_EVENTS -> "Forwards changes to deletion-guard's alarms, the log groups they count and"
                        + " trails to the security account";
                case GLOBAL_SERVICE_EVENTS -> "Forwards IAM, STS and Organizations changes to break-glass, deployment and"
                        + " deletion-guard roles and to the organization's policies to the security account";
            };
        }
    }

    /**
     * One rule on the central bus: the events of one kind, published to the hub topic as a
     * message, or, for a counted kind, written to the denied-calls log group.
     */
    public record CentralRule(NotifiedEvent kind, String name, RuleState state, String pattern, Optional<Message> message) {
    }

    /**
     * A rule on the central bus that notifies one approved deletion, the approved role's call on
     * the approved resource, as approved: on the notices topic, which pages nobody, with the
     * ticket and the end date. The paging rule of its kind leaves that call out.
     */
    public record ApprovalNotice(ApprovedDeletion approval, String name, String pattern, Message message) {
    }

    /**
     * An input transformer that writes one message.
     *
     * @param inputTemplate the message as a JSON string, as the input transformer's InputTemplate takes it
     */
    public record Message(Map<String, String> inputPaths, String inputTemplate) {
        public Message {
            inputPaths = Map.copyOf(inputPaths);
        }
    }

    /**
     * The central log group of denied calls, the metric filter that counts them and the one alarm
     * that notifies per burst, with what a person needs to find the callers.
     *
     * @param resourcePolicy lets only the central rules of counted kinds write to the log group
     */
    public record DeniedCalls(String logGroupName, String resourcePolicy, String filterPattern, String metricNamespace,
                              String metricName, String alarmName, String alarmDescription,
                              Optional<PreparedPipelineRuns> pipelineRuns) {
        /** CloudWatch's limit on an alarm description. */
        public static final int MAX_ALARM_DESCRIPTION = 1024;
    }

    public PreparedForwarding {
        memberRules = List.copyOf(memberRules);
        centralRules = List.copyOf(centralRules);
        approvalNotices = List.copyOf(approvalNotices);
    }

    /** The kinds whose pages leave approved deletions out: the deletions an approval can allow. */
    private static final Map<NotifiedEvent, ApprovedResource.Kind> APPROVABLE = Map.of(
            NotifiedEvent.KEY_DELETION, ApprovedResource.Kind.KEY,
            NotifiedEvent.SECRET_DELETION, ApprovedResource.Kind.SECRET);

    /**
     * @param remediationDocument the remediation document's name when remediation is on, so its
     *                            results are forwarded and notified too
     */
    public static PreparedForwarding prepare(GuardConfig config, PolicyFiles policyFiles, Optional<String> remediationDocument) {
        ResourceNames names = ResourceNames.of(config);
        NotifiedEvent.Scope scope = scope(config, names, remediationDocument);
        List<NotifiedEvent> kinds = NotifiedEvent.forMode(config.alarmMode(), scope);
        List<String> ephemeralAccounts = PreparedEphemeralDigest.accountIds(config);
        List<String> tooLarge = new ArrayList<>();
        List<ApprovedDeletion> approvals = config.deletionExceptions().active();
        List<CentralRule> centralRules = kinds.stream().map(kind -> new CentralRule(
                kind,
                names.centralRule(kind.id()),
                // Forwarded read-only calls are still read-only calls on the central bus.
                RuleState.seeing(kind.readOnlyCalls()),
                checked(names.centralRule(kind.id()), PreparedEphemeralDigest.paging(kind, pagedPattern(kind, scope, approvals),
                        ephemeralAccounts), tooLarge),
                kind.delivery() == NotifiedEvent.Delivery.EACH
                        ? Optional.of(new Message(kind.inputPaths(), PolicyTemplate.minify(new JsonPrimitive(kind.message()))))
                        : Optional.empty())).toList();
        List<ApprovalNotice> approvalNotices = approvals.stream().map(approval -> new ApprovalNotice(
                approval,
                names.approvalNoticeRule(approval.id()),
                checked(names.approvalNoticeRule(approval.id()), ApprovedCalls.of(approval), tooLarge),
                approvalMessage(approval, config.remediation()))).toList();
        List<MemberRule> memberRules = new ArrayList<>();
        for (ForwardingRule concern : ForwardingRule.values()) {
            List<NotifiedEvent> carried = kinds.stream().filter(kind -> kind.forwardingRule() == concern).toList();
            if (carried.isEmpty()) {
                continue;
            }
            List<EventPattern> patterns = carried.stream().map(kind -> kind.pattern(scope)).toList();
            EventPattern pattern = patterns.size() == 1 ? patterns.get(0) : EventPattern.anyOf(patterns);
            String name = names.forwardingRule(concern);
            memberRules.add(new MemberRule(concern, name, checked(name, pattern, tooLarge),
                    RuleState.seeing(carried.stream().anyMatch(NotifiedEvent::readOnlyCalls))));
        }
        Optional<PreparedEphemeralDigest> ephemeralDigest = Optional.empty();
        try {
            ephemeralDigest = PreparedEphemeralDigest.prepare(config, names, policyFiles, kinds, scope);
        } catch (InvalidPolicyException e) {
            tooLarge.add(e.getMessage());
        }
        if (!tooLarge.isEmpty()) {
            throw new InvalidPolicyException(String.join("\n", tooLarge));
        }
        return new PreparedForwarding(
                names,
                memberRules,
                centralRules,
                approvalNotices,
                policyFiles.load("event-forwarding-role-trust.json"),
                policyFiles.load("event-forwarding-role-policy.json").render(Map.of("centralBusArn", names.centralBusArn())),
                policyFiles.load("central-event-bus-policy.json").render(Map.of(
                        "centralBusArn", names.centralBusArn(),
                        "organizationId", config.organization().id(),
                        "forwardingRoleInAnyAccount", names.forwardingRoleArn("*"),
                        "forwardingRulesInAnyAccount", Arrays.stream(ForwardingRule.values())
                                .map(names::forwardingRuleArnInAnyAccount).toList())),
                policyFiles.load("notification-topic-eventbridge-statement.json"),
                deniedCalls(names, policyFiles, centralRules, config.pipelineRoles()),
                ephemeralDigest);
    }

    /**
     * A kind's pattern on the central bus: the forwarded pattern, but for the deletions an
     * approval can allow, which leave the approved calls to their notices. Only the central rule
     * leaves them out: the accounts still forward them, for the notice rules to see.
     */
    private static EventPattern pagedPattern(NotifiedEvent kind, NotifiedEvent.Scope scope, List<ApprovedDeletion> approvals) {
        ApprovedResource.Kind approvable = APPROVABLE.get(kind);
        if (approvable == null) {
            return kind.pattern(scope);
        }
        return ApprovedCalls.exceptExempt(kind.pattern(scope), List.of(), ApprovedCalls.ofKind(approvals, approvable),
                ApprovedCalls.resourceField(approvable), Optional.of(ApprovedCalls.approvedCall(approvable)));
    }

    /** Where each notice variable comes from in the event. */
    private static Map<String, String> approvalInputPaths(ApprovedResource.Kind kind) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("eventName", EventField.EVENT_NAME.inputPath());
        paths.put("resource", ApprovedCalls.resourceField(kind).inputPath());
        paths.put("account", EventField.ACCOUNT.inputPath());
        paths.put("region", EventField.REGION.inputPath());
        paths.put("time", EventField.EVENT_TIME.inputPath());
        paths.put("who", EventField.CALLER_ARN.inputPath());
        return paths;
    }

    /**
     * The notice of an approved deletion. The approval's own words are literal text in the input
     * template (validation keeps {@code <} and {@code >}, EventBridge's placeholder marks, out of them).
     */
    private static Message approvalMessage(ApprovedDeletion approval, RemediationSettings remediation) {
        boolean undone = approval.resource().kind() == ApprovedResource.Kind.KEY
                ? remediation.cancelKeyDeletion() : remediation.restoreSecret();
        String text = "deletion-guard NOTICE: approved deletion. <eventName> of <resource> in account <account>"
                + " (<region>) at <time> by <who>, approved under ticket " + approval.ticket() + " by "
                + approval.approvedBy() + " until " + approval.until() + " 00:00 UTC: " + approval.reason().replaceAll("[.\\s]+$", "")
                + ". Nothing to do unless this was not the change planned; from " + approval.until()
                + " on, the call is denied" + (undone ? " and undone" : "") + " again.";
        return new Message(approvalInputPaths(approval.resource().kind()), PolicyTemplate.minify(new JsonPrimitive(text)));
    }

    /** Every pattern checked against the quota, all problems collected before one error. */
    private static String checked(String ruleName, EventPattern pattern, List<String> tooLarge) {
        try {
            return PatternLimits.checked(ruleName, pattern);
        } catch (InvalidPolicyException e) {
            tooLarge.add(e.getMessage());
            return "";
        }
    }

    private static NotifiedEvent.Scope scope(GuardConfig config, ResourceNames names, Optional<String> remediationDocument) {
        List<String> watchedLogGroups = new ArrayList<>(new TreeSet<>(config.accounts().stream()
                .flatMap(account -> account.cloudTrailLogGroup().stream()).map(LogGroupLocation::name).toList()));
        watchedLogGroups.add(names.deniedCallsLogGroup());
        if (!PreparedEphemeralDigest.accountIds(config).isEmpty()) {
            watchedLogGroups.add(names.ephemeralEventsLogGroup());
        }
        List<String> guardRoles = new ArrayList<>(new TreeSet<>(config.organization().breakGlassRoles().stream()
                .map(BreakGlassRole::name).toList()));
        guardRoles.add(config.organization().accessRoleName());
        // A role for every account is matched by the end of its ARN, which a role with a path
        // ending in ":role/<its path>" shares: creating or changing any role of its name pages.
        config.pipelineRoles().stream().filter(PipelineRole::inAnyAccount).map(PipelineRole::name).sorted().forEach(guardRoles::add);
        return new NotifiedEvent.Scope(
                guardAlarmNamePrefixes(config, names),
                remediationDocument,
                names.prefix() + "-",
                names.securityAccountId(),
                !config.criticalResources().keys().isEmpty(),
                !config.criticalResources().secrets().isEmpty(),
                config.organization().breakGlassRoles().stream().map(BreakGlassRole::arnInAnyAccount).toList(),
                guardRoles.stream().distinct().toList(),
                watchedLogGroups,
                config.pipelineRoles().isEmpty() ? Optional.empty() : Optional.of(names.pipelineDeniedCallsAlarmArn()),
                summarizes(config) ? Optional.of(names.summaryDocument()) : Optional.empty());
    }

    /**
     * Whether the stack deploys the summary Automation: for the ephemeral accounts' daily digest,
     * or for the pipeline runs, whose denied calls only any-deletion counts.
     */
    public static boolean summarizes(GuardConfig config) {
        return !PreparedEphemeralDigest.accountIds(config).isEmpty()
                || !config.pipelineRoles().isEmpty() && config.alarmMode() == AlarmMode.ANY_DELETION;
    }

    /** What the names of the deletion alarms start with; none when no account has a CloudTrail log group. */
    private static List<String> guardAlarmNamePrefixes(GuardConfig config, ResourceNames names) {
        if (config.accounts().stream().map(MemberAccount::cloudTrailLogGroup).allMatch(Optional::isEmpty)) {
            return List.of();
        }
        return List.of(names.alarmNamePrefix());
    }

    private static Optional<DeniedCalls> deniedCalls(ResourceNames names, PolicyFiles policyFiles, List<CentralRule> centralRules,
                                                     List<PipelineRole> pipelineRoles) {
        List<String> countingRules = centralRules.stream().filter(rule -> rule.message().isEmpty())
                .map(rule -> names.centralRuleArn(rule.kind().id())).toList();
        if (countingRules.isEmpty()) {
            return Optional.empty();
        }
        String description = "Calls to delete or disable guarded keys and secrets were denied (the count is the"
                + " datapoint in this alarm's reason). It notifies once per burst and returns to OK when the calls"
                + " stop; successful deletions are still notified one by one. Callers: CloudWatch Logs Insights on "
                + names.deniedCallsLogGroup() + " in " + names.homeRegion() + ": fields @timestamp, account, region,"
                + " detail.eventName, detail.userIdentity.arn, detail.errorCode | stats count(*) by"
                + " detail.userIdentity.arn, account, detail.eventName | sort count(*) desc";
        FilterPattern denied = FilterPattern.present(EventField.ERROR_CODE.inputPath());
        FilterPattern paging = denied;
        Optional<FilterPattern> counted = Optional.empty();
        if (!pipelineRoles.isEmpty()) {
            String issuer = EventField.SESSION_ISSUER_ARN.inputPath();
            List<String> issuers = pipelineRoles.stream().map(PreparedPipelineRuns::issuerValue).toList();
            // Callers without a session issuer (IAM users, root, services) are never a pipeline
            // role, and CloudWatch's != holds only where the field is present: they are named apart.
            paging = FilterPattern.allOf(denied, FilterPattern.anyOf(FilterPattern.absent(issuer), FilterPattern.noneOf(issuer, issuers)));
            counted = Optional.of(FilterPattern.allOf(denied, FilterPattern.oneOf(issuer, issuers.toArray(String[]::new))));
        }
        List<String> tooLarge = new ArrayList<>();
        String pagingPattern = checked(names.deniedCallsAlarm(), paging, tooLarge);
        Optional<String> countedPattern = counted.map(pattern -> checked(names.pipelineDeniedCallsAlarm(), pattern, tooLarge));
        if (!tooLarge.isEmpty()) {
            throw new InvalidPolicyException(String.join("\n", tooLarge));
        }
        Optional<PreparedPipelineRuns> pipelineRuns = countedPattern.map(pattern -> PreparedPipelineRuns.prepare(names, pattern, pipelineRoles));
        return Optional.of(new DeniedCalls(
                names.deniedCallsLogGroup(),
                policyFiles.load("denied-calls-log-group-policy.json").render(Map.of(
                        "logStreamsArn", names.deniedCallsLogGroupArn() + ":*",
                        "securityAccountId", names.securityAccountId(),
                        "countingRuleArns", countingRules)),
                pagingPattern,
                names.metricNamespace(),
                "DeniedCalls",
                names.deniedCallsAlarm(),
                checkedDescription(names.deniedCallsAlarm(), description),
                pipelineRuns));
    }

    /** Both metric filters' patterns checked against the limit, all problems collected before one error. */
    private static String checked(String filterName, FilterPattern pattern, List<String> tooLarge) {
        try {
            return PatternLimits.checked(filterName, pattern, PreparedPipelineRuns.TOO_MANY_ROLES);
        } catch (InvalidPolicyException e) {
            tooLarge.add(e.getMessage());
            return "";
        }
    }


    static String checkedDescription(String alarmName, String description) {
        if (description.length() > DeniedCalls.MAX_ALARM_DESCRIPTION) {
            throw new InvalidPolicyException("the description of alarm " + alarmName + " is " + description.length()
                    + " characters; CloudWatch allows " + DeniedCalls.MAX_ALARM_DESCRIPTION + ". Fix: a shorter resourcePrefix.");
        }
        return description;
    }

    /** The central rules that publish approval notices to the notices topic. */
    public List<String> noticeRuleArns() {
        return approvalNotices.stream()
                .map(notice -> names.approvalNoticeRuleArn(notice.approval().id())).toList();
    }

    /** The central rules that publish a message to the hub topic. */
    public List<String> publishingCentralRuleArns() {
        return centralRules.stream().filter(rule -> rule.message().isPresent())
                .map(rule -> names.centralRuleArn(rule.kind().id())).toList();
    }

    /** The forwarding rules every region of an account gets. */
    public List<MemberRule> regionalRules() {
        return memberRules.stream().filter(rule -> !rule.concern().globalServices()).toList();
    }

    /** The forwarding rules of the global services, deployed once per account in us-east-1. */
    public List<MemberRule> globalServiceRules() {
        return memberRules.stream().filter(rule -> rule.concern().globalServices()).toList();
    }

    /**
     * The forwarding role's trust policy in one account: only its own forwarding rules, in the
     * regions they are deployed in, may assume it. One ARN pattern per region, not per rule and
     * region, keeps the policy within IAM's 2,048-character trust policy quota however many
     * concerns there are; the SCP keeps every other rule from taking a forwarding rule's name.
     */
    public String renderRoleTrust(String accountId, List<String> regions) {
        return roleTrust.render(Map.of(
                "accountId", accountId,
                "forwardingRuleArns", memberRules.stream()
                        .flatMap(rule -> rule.regions(regions).stream())
                        .sorted().distinct().map(region -> names.forwardingRulesArnPattern(region, accountId)).toList()));
    }
}

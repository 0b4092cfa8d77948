package io.github.deletionguard.detection;

import com.google.gson.JsonPrimitive;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.patterns.PatternLimits;
import io.github.deletionguard.patterns.RuleState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every account and region needs to forward deletion events to the security account, and
 * what the security account needs to turn them into messages: patterns and documents, prepared
 * once per run (not per account) and before any resource is registered.
 *
 * @param forwardingPattern the pattern of each account's forwarding rule: any of the central rules' patterns
 * @param forwardingState   the forwarding rule's state: it sees read-only calls when a notified kind is one
 * @param roleTrust         the forwarding role's trust policy, filled per account
 * @param rolePolicy        the forwarding role's permissions, the same in every account
 * @param topicStatement    the hub topic policy statement that lets the central rules publish
 */
public record PreparedForwarding(
        ResourceNames names,
        String forwardingPattern,
        RuleState forwardingState,
        List<CentralRule> centralRules,
        PolicyTemplate roleTrust,
        String rolePolicy,
        String busPolicy,
        PolicyTemplate topicStatement) {

    /**
     * One rule on the central bus: the events of one kind, published to the hub topic as a message.
     *
     * @param inputTemplate the message as a JSON string, as the input transformer's InputTemplate takes it
     */
    public record CentralRule(NotifiedEvent kind, String name, RuleState state, String pattern,
                              Map<String, String> inputPaths, String inputTemplate) {
        public CentralRule {
            inputPaths = Map.copyOf(inputPaths);
        }
    }

    /**
     * One rule every guarded account and region has on its default bus, forwarding to the central bus.
     */
    public record MemberRule(String name, String pattern, RuleState state) {
    }

    public PreparedForwarding {
        centralRules = List.copyOf(centralRules);
    }

    /** Every rule each account and region forwards with: both engines deploy exactly these. */
    public List<MemberRule> memberRules() {
        return List.of(new MemberRule(names.forwardingRule(), forwardingPattern, forwardingState));
    }

    /**
     * @param remediationDocument the remediation document's name when remediation is on, so its
     *                            results are forwarded and notified too
     */
    public static PreparedForwarding prepare(GuardConfig config, PolicyFiles policyFiles, Optional<String> remediationDocument) {
        ResourceNames names = ResourceNames.of(config);
        NotifiedEvent.Scope scope = new NotifiedEvent.Scope(guardAlarmNamePrefixes(config, names), remediationDocument);
        List<NotifiedEvent> kinds = NotifiedEvent.forMode(config.alarmMode(), scope);
        List<CentralRule> centralRules = kinds.stream().map(kind -> new CentralRule(
                kind,
                names.centralRule(kind.id()),
                // Forwarded read-only calls are still read-only calls on the central bus.
                RuleState.seeing(kind.readOnlyCalls()),
                PatternLimits.checked(names.centralRule(kind.id()), kind.pattern(scope)),
                kind.inputPaths(),
                PolicyTemplate.minify(new JsonPrimitive(kind.message())))).toList();
        EventPattern forwardingPattern = EventPattern.anyOf(kinds.stream().map(kind -> kind.pattern(scope)).toList());
        return new PreparedForwarding(
                names,
                PatternLimits.checked(names.forwardingRule(), forwardingPattern),
                RuleState.seeing(kinds.stream().anyMatch(NotifiedEvent::readOnlyCalls)),
                centralRules,
                policyFiles.load("event-forwarding-role-trust.json"),
                policyFiles.load("event-forwarding-role-policy.json").render(Map.of("centralBusArn", names.centralBusArn())),
                policyFiles.load("central-event-bus-policy.json").render(Map.of(
                        "centralBusArn", names.centralBusArn(),
                        "organizationId", config.organization().id(),
                        "forwardingRoleInAnyAccount", names.forwardingRoleArn("*"))),
                policyFiles.load("notification-topic-eventbridge-statement.json"));
    }

    /** What the names of the deletion alarms start with; none when no account has a CloudTrail log group. */
    private static List<String> guardAlarmNamePrefixes(GuardConfig config, ResourceNames names) {
        if (config.accounts().stream().map(MemberAccount::cloudTrailLogGroup).allMatch(Optional::isEmpty)) {
            return List.of();
        }
        return List.of(names.alarmNamePrefix());
    }

    public List<String> centralRuleArns() {
        return centralRules.stream().map(rule -> names.centralRuleArn(rule.kind().id())).toList();
    }

    /** The forwarding role's trust policy in one account: only its own forwarding rules may assume it. */
    public String renderRoleTrust(String accountId, List<String> regions) {
        return roleTrust.render(Map.of(
                "accountId", accountId,
                "forwardingRuleArns", regions.stream().sorted()
                        .map(region -> names.forwardingRuleArn(region, accountId)).toList()));
    }
}

package io.github.deletionguard.detection;

import io.github.deletionguard.patterns.RuleState;
import io.github.deletionguard.patterns.EventPattern;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.alarms.DeletionAlarm;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every account and region needs to forward deletion events to the security account, and
 * what the security account needs to turn them into messages: names, patterns and documents,
 * prepared once per run (not per account) and before any resource is registered.
 *
 * @param forwardingPattern the pattern of each account's forwarding rule: any of the central rules' patterns
 * @param forwardingState   the forwarding rule's state: it sees read-only calls when a notified kind is one
 * @param roleTrust         the forwarding role's trust policy, filled per account
 * @param rolePolicy        the forwarding role's permissions, the same in every account
 * @param topicStatement    the hub topic policy statement that lets the central rules publish
 */
public record EventForwarding(
        String securityAccountId,
        String homeRegion,
        String organizationId,
        String busName,
        String forwardingRuleName,
        String roleName,
        String forwardingPattern,
        RuleState forwardingState,
        List<CentralRule> centralRules,
        PolicyTemplate roleTrust,
        String rolePolicy,
        String busPolicy,
        PolicyTemplate topicStatement) {

    /** EventBridge's limit on the length of a rule's event pattern (PutRule's EventPattern). */
    public static final int MAX_PATTERN_LENGTH = 4096;

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

    public EventForwarding {
        centralRules = List.copyOf(centralRules);
    }

    /**
     * @param remediationDocument the remediation document's name when remediation is on, so its
     *                            results are forwarded and notified too
     */
    public static EventForwarding prepare(GuardConfig config, PolicyFiles policyFiles, Optional<String> remediationDocument) {
        String prefix = config.resourcePrefix();
        NotifiedEvent.Scope scope = new NotifiedEvent.Scope(guardAlarmNames(config), remediationDocument);
        List<NotifiedEvent> kinds = NotifiedEvent.forMode(config.alarmMode(), scope);
        List<CentralRule> centralRules = kinds.stream().map(kind -> new CentralRule(
                kind,
                prefix + "-notify-" + kind.id(),
                // Forwarded read-only calls are still read-only calls on the central bus.
                RuleState.seeing(kind.readOnlyCalls()),
                checkedLength(prefix + "-notify-" + kind.id(), kind.pattern(scope).render()),
                kind.inputPaths(),
                PolicyTemplate.minify(new JsonPrimitive(kind.message())))).toList();
        String forwardingPattern = EventPattern.anyOf(kinds.stream().map(kind -> kind.pattern(scope)).toList()).render();
        String securityAccountId = config.securityAccount().account().id();
        String homeRegion = config.securityAccount().homeRegion();
        String busArn = Arns.eventBus(homeRegion, securityAccountId, prefix + "-deletion-events");
        String roleName = prefix + "-event-forwarding";
        return new EventForwarding(
                securityAccountId,
                homeRegion,
                config.organization().id(),
                prefix + "-deletion-events",
                prefix + "-forward-deletion-events",
                roleName,
                checkedLength(prefix + "-forward-deletion-events", forwardingPattern),
                RuleState.seeing(kinds.stream().anyMatch(NotifiedEvent::readOnlyCalls)),
                centralRules,
                policyFiles.load("event-forwarding-role-trust.json"),
                policyFiles.load("event-forwarding-role-policy.json").render(Map.of("centralBusArn", busArn)),
                policyFiles.load("central-event-bus-policy.json").render(Map.of(
                        "centralBusArn", busArn,
                        "organizationId", config.organization().id(),
                        "forwardingRoleInAnyAccount", Arns.iamRole("*", roleName))),
                policyFiles.load("notification-topic-eventbridge-statement.json"));
    }

    /** The deletion alarms the stack deploys; none when no account has a CloudTrail log group. */
    private static List<String> guardAlarmNames(GuardConfig config) {
        if (config.accounts().stream().map(MemberAccount::cloudTrailLogGroup).allMatch(Optional::isEmpty)) {
            return List.of();
        }
        return DeletionAlarm.forMode(config.alarmMode()).stream()
                .map(alarm -> config.resourcePrefix() + "-" + alarm.id()).toList();
    }

    /** Refuses a pattern EventBridge would reject, before anything is deployed. */
    public static String checkedLength(String ruleName, String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidPolicyException("the event pattern of rule " + ruleName + " is " + pattern.length()
                    + " characters; EventBridge accepts at most " + MAX_PATTERN_LENGTH + ".");
        }
        return pattern;
    }

    public String centralBusArn() {
        return Arns.eventBus(homeRegion, securityAccountId, busName);
    }

    public List<String> centralRuleArns() {
        return centralRules.stream()
                .map(rule -> Arns.eventRule(homeRegion, securityAccountId, busName, rule.name())).toList();
    }

    /** The forwarding role's trust policy in one account: only its own forwarding rules may assume it. */
    public String renderRoleTrust(String accountId, List<String> regions) {
        return roleTrust.render(Map.of(
                "accountId", accountId,
                "forwardingRuleArns", regions.stream().sorted()
                        .map(region -> Arns.eventRule(region, accountId, forwardingRuleName)).toList()));
    }
}

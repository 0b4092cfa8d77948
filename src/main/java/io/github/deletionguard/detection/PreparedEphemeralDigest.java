package io.github.deletionguard.detection;

import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.EphemeralScope;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.documents.AutomationInput;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.patterns.PatternLimits;
import io.github.deletionguard.patterns.RuleState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.deletionguard.patterns.EventPattern.Match.noneOf;

/**
 * The daily digest of the ephemeral scopes, prepared before any resource: the configured accounts
 * in those scopes, the central rule that logs their deletion events instead of paging, and the
 * schedule that summarizes the log once a day into one notice. The central bus sees an event's
 * {@code account}, the account that forwarded it (EventBridge sets it; a sender cannot), never an
 * organization path, so the config's accounts say which accounts are ephemeral.
 *
 * @param accountIds the ephemeral accounts, sorted: the only ones the rule matches and the paging rules skip
 * @param scopeNames the scopes that have at least one configured account
 * @param pattern    the rule's pattern: the digested kinds of the stack's mode, from those accounts only
 */
public record PreparedEphemeralDigest(ResourceNames names, List<String> accountIds, List<String> scopeNames,
                                      String pattern, RuleState state, String logGroupResourcePolicy) {

    /** EventBridge's cron, in UTC: every day at 06:00, the 24 hours before. */
    public static final String SCHEDULE_EXPRESSION = "cron(0 6 * * ? *)";
    public static final String SCHEDULE_TIME_UTC = "06:00";
    /** The digest's window: the day since the previous one. */
    public static final int LOOKBACK_MINUTES = 1440;
    /** Long enough to look back on a sandbox's teardowns; the log group holds only ephemeral accounts' events. */
    public static final int RETENTION_DAYS = 90;

    /** What makes the digest's rule, and the paging rules that skip its accounts, grow. */
    static final String TOO_MANY_ACCOUNTS = "fewer accounts in the ephemeral scopes (each adds its id to this rule and to"
            + " the paging rules that skip it), or raise the quota to 4,096 and the limit with it.";

    public PreparedEphemeralDigest {
        accountIds = List.copyOf(accountIds);
        scopeNames = List.copyOf(scopeNames);
    }

    /** Present when some configured account is in an ephemeral scope. */
    static Optional<PreparedEphemeralDigest> prepare(GuardConfig config, ResourceNames names, PolicyFiles policyFiles,
                                                     List<NotifiedEvent> kinds, NotifiedEvent.Scope scope) {
        List<String> accountIds = accountIds(config);
        List<NotifiedEvent> digested = kinds.stream().filter(NotifiedEvent::digestedInEphemeralScopes).toList();
        if (accountIds.isEmpty() || digested.isEmpty()) {
            return Optional.empty();
        }
        List<EventPattern> patterns = digested.stream().map(kind -> kind.pattern(scope)).toList();
        EventPattern any = patterns.size() == 1 ? patterns.get(0) : EventPattern.anyOf(patterns);
        EventPattern pattern = any.with(EventField.ACCOUNT, accountIds.stream().map(EventPattern.Match::equalTo)
                .toArray(EventPattern.Match[]::new));
        List<String> scopeNames = config.ephemeralAccounts().stream().map(config::ephemeralScopeOf)
                .flatMap(Optional::stream).map(EphemeralScope::name).sorted().distinct().toList();
        return Optional.of(new PreparedEphemeralDigest(names, accountIds, scopeNames,
                PatternLimits.checked(names.ephemeralEventsRule(), pattern, TOO_MANY_ACCOUNTS),
                RuleState.seeing(digested.stream().anyMatch(NotifiedEvent::readOnlyCalls)),
                policyFiles.load("ephemeral-events-log-group-policy.json").render(Map.of(
                        "logStreamsArn", names.ephemeralEventsLogGroupArn() + ":*",
                        "securityAccountId", names.securityAccountId(),
                        "ruleArn", names.ephemeralEventsRuleArn()))));
    }

    static List<String> accountIds(GuardConfig config) {
        return config.ephemeralAccounts().stream().map(MemberAccount::id).sorted().distinct().toList();
    }

    /**
     * A central rule's pattern without the ephemeral accounts, for the kinds they digest: those
     * events reach the digest instead. {@code anything-but} with a list of exact strings, which
     * Event Ruler and EventBridge match as none of them.
     */
    static EventPattern paging(NotifiedEvent kind, EventPattern pattern, List<String> ephemeralAccountIds) {
        if (!kind.digestedInEphemeralScopes() || ephemeralAccountIds.isEmpty()) {
            return pattern;
        }
        return pattern.with(EventField.ACCOUNT, noneOf(ephemeralAccountIds));
    }

    public String subject() {
        return "deletion-guard: daily digest of deletions in " + String.join(", ", scopeNames);
    }

    public String heading() {
        return "deletion-guard daily digest: key and secret deletions in the ephemeral scopes " + String.join(", ", scopeNames)
                + ", which page nobody and are not undone.";
    }

    public String hint() {
        return "These accounts may delete keys and secrets, with short windows and secrets even at once: nothing here"
                + " was undone. A deletion that was not meant can still be cancelled (CancelKeyDeletion, RestoreSecret)"
                + " within its window. Each event: CloudWatch Logs Insights on " + names.ephemeralEventsLogGroup() + " in "
                + names.homeRegion() + ". An account that should be guarded must leave the scope's OU, and "
                + "deletion-guard:accounts, where its organizationalUnit puts it in the scope.";
    }

    /**
     * The summary Automation's parameters (see policy/automation/summarize-events.yaml), as the
     * schedule's constant input: Automation targets take every parameter as a list of strings.
     */
    public String automationInput() {
        return new AutomationInput()
                .put("AutomationAssumeRole", names.summaryAutomationRoleArn())
                .put("LogGroupName", names.ephemeralEventsLogGroup())
                .put("LookbackMinutes", String.valueOf(LOOKBACK_MINUTES))
                .put("Subject", subject())
                .put("Heading", heading())
                .put("Hint", hint())
                .put("TopicArn", names.noticeTopicArn())
                .render();
    }

}

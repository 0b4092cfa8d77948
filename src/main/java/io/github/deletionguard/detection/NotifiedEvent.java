package io.github.deletionguard.detection;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ApiError;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.awsapi.ServiceEvent;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.naming.ForwardingRule;
import io.github.deletionguard.patterns.CallPatterns;
import io.github.deletionguard.patterns.EventPattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.deletionguard.config.AlarmMode.ACCESS_ONLY;
import static io.github.deletionguard.config.AlarmMode.ANY_DELETION;
import static io.github.deletionguard.naming.ForwardingRule.DELETION_EVENTS;
import static io.github.deletionguard.naming.ForwardingRule.GLOBAL_SERVICE_EVENTS;
import static io.github.deletionguard.naming.ForwardingRule.GUARDRAIL_EVENTS;
import static io.github.deletionguard.naming.ForwardingRule.KEY_EVENTS;
import static io.github.deletionguard.naming.ForwardingRule.MONITORING_EVENTS;
import static io.github.deletionguard.patterns.EventPattern.Match.anythingBut;
import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.prefix;
import static io.github.deletionguard.patterns.EventPattern.Match.wildcard;

/**
 * The events every guarded account and region forwards to the central bus, each with the
 * forwarding rule that carries it, the pattern that recognises it, its severity and the message a
 * person reads. Each forwarding rule matches any of its kinds; the central bus has one rule per
 * kind, because an input transformer writes one message. Each id is part of a rule name, so ids
 * never change once released and stay short (rule names are at most 64 characters, and the
 * prefix takes up to 31 of them).
 *
 * <p>Successful and irreversible events are notified one by one. Denied attempts are
 * {@link Delivery#COUNTED}: written to the central denied-calls log group, where one alarm counts
 * them, so a burst of denied calls is one message and never hides a success behind it.
 */
public enum NotifiedEvent {
    KEY_DELETION("key-deletion", DELETION_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> succeeded on KMS key <keyId> in account <account> (<region>) at <time>,"
                    + " called by <who>. If it was not intended, cancel the deletion (CancelKeyDeletion) and"
                    + " enable the key (EnableKey) now.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.KEY_DELETIONS))),
    KEY_DELETION_FAILED("key-deletion-failed", DELETION_EVENTS, Severity.MEDIUM, List.of(ANY_DELETION), Scope.ALWAYS,
            null, scope -> CallPatterns.failed(CallPatterns.anyOf(ApiCall.KEY_DELETIONS))),
    SECRET_DELETION("secret-deletion", DELETION_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "secret <secretId> was scheduled for deletion in account <account> (<region>) at"
                    + " <time> by <who>. It can be restored (RestoreSecret) until its recovery window ends.",
            scope -> CallPatterns.succeeded(CallPatterns.recoverableSecretDeletion())),
    SECRET_FORCE_DELETION("secret-force-deletion", DELETION_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "secret <secretId> was force-deleted without a recovery window in account"
                    + " <account> (<region>) at <time> by <who>. This is irreversible: the secret cannot be"
                    + " restored. Recreate it from its source and rotate whatever depended on it.",
            scope -> CallPatterns.succeeded(CallPatterns.forcedSecretDeletion())),
    SECRET_DELETION_FAILED("secret-deletion-failed", DELETION_EVENTS, Severity.MEDIUM, List.of(ANY_DELETION), Scope.ALWAYS,
            null, scope -> CallPatterns.failed(CallPatterns.anyOf(ApiCall.SECRET_DELETIONS))),
    KEY_PENDING_DELETION_USE("key-pending-use", DELETION_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> failed in account <account> (<region>) at <time>, called by <who>:"
                    + " <errorMessage> Whatever uses this key breaks for good when the deletion happens: cancel"
                    + " it (CancelKeyDeletion, then EnableKey) unless the key is truly unused.",
            scope -> CallPatterns.failingWith(ApiError.KEY_PENDING_DELETION)),
    SECRET_MARKED_FOR_DELETION_ACCESS("secret-pending-access", DELETION_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on secret <secretId> failed in account <account> (<region>) at <time>,"
                    + " called by <who>, because the secret is marked for deletion. Restore it (RestoreSecret)"
                    + " before its recovery window ends unless the deletion is intended.",
            scope -> CallPatterns.failingWith(ApiError.SECRET_MARKED_FOR_DELETION)),
    GUARD_ALARM("guard-alarm", DELETION_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasGuardAlarms,
            "alarm <alarmName> went to <state> in account <account> (<region>) at <when>."
                    + " Its description says what it counts and what to do.",
            scope -> scope.withoutQuietAlarm(EventPattern.serviceEvent(ServiceEvent.ALARM_STATE_CHANGE)
                    // By name prefix: the pattern keeps its size however many alarms there are, and
                    // the SCP keeps anyone else from creating an alarm under the program's prefix.
                    .with(EventField.ALARM_NAME, scope.guardAlarmNamePrefixes().stream().map(EventPattern.Match::prefix)
                            .toArray(EventPattern.Match[]::new))
                    .with(EventField.ALARM_STATE, equalTo("ALARM")))),
    REMEDIATION_RESULT("remediation-result", DELETION_EVENTS, Severity.MEDIUM, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasRemediation,
            "remediation <status> in account <account> (<region>) at <when>: Automation"
                    + " execution <executionId> of <definition>. Its steps and outputs (in Systems Manager,"
                    + " Automation) say what was cancelled, re-enabled or restored.",
            // Final states only: a person wants to know how it ended, not that it started.
            scope -> executionsEnded(scope.remediationDocument().orElseThrow(), "Success", "Failed", "TimedOut", "Cancelled")),

    KEY_POLICY_LOCKOUT("key-policy-lockout", KEY_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> with the key policy lock-out safety check bypassed on KMS key <keyId> in account"
                    + " <account> (<region>) at <time>, called by <who>. A key nobody can administer or use is"
                    + " as lost as a deleted one: check the new policy (CloudTrail event <eventId>) and restore a"
                    + " policy that keeps the account's administrators, while someone still can.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(List.of(ApiCall.PUT_KEY_POLICY, ApiCall.CREATE_KEY)))
                    .with(EventField.BYPASS_POLICY_LOCKOUT_SAFETY_CHECK, equalTo(true))),
    CRITICAL_KEY_POLICY_CHANGE("critical-key-policy", KEY_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasCriticalKeys,
            "the key policy of KMS key <keyId> in the security account <account> (<region>), which holds the"
                    + " critical keys, was replaced at <time> by <who>. Compare it with the reviewed policy"
                    + " (pulumi preview shows the drift) and put that back unless the change was deployed.",
            scope -> CallPatterns.falseOrAbsent(CallPatterns.succeeded(CallPatterns.anyOf(List.of(ApiCall.PUT_KEY_POLICY))),
                    EventField.BYPASS_POLICY_LOCKOUT_SAFETY_CHECK).with(EventField.ACCOUNT, equalTo(scope.securityAccountId()))),
    KEY_POLICY_CHANGE("key-policy-change", KEY_EVENTS, Severity.MEDIUM, List.of(ANY_DELETION), Scope.ALWAYS,
            "the key policy of KMS key <keyId> in account <account> (<region>) was replaced at <time> by <who>."
                    + " Check that the key's administrators and users are still in it (CloudTrail event <eventId>).",
            scope -> CallPatterns.falseOrAbsent(CallPatterns.succeeded(CallPatterns.anyOf(List.of(ApiCall.PUT_KEY_POLICY))),
                    EventField.BYPASS_POLICY_LOCKOUT_SAFETY_CHECK).with(EventField.ACCOUNT, anythingBut(scope.securityAccountId()))),
    KEY_MATERIAL_EXPIRES("key-material-expires", KEY_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "key material imported into KMS key <keyId> in account <account> (<region>) at <time> by <who>"
                    + " expires at <validTo>: KMS then deletes it and the key stops working. Import it again"
                    + " without an expiry (KEY_MATERIAL_DOES_NOT_EXPIRE) unless the expiry is intended.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(List.of(ApiCall.IMPORT_KEY_MATERIAL)))
                    .with(EventField.EXPIRATION_MODEL, equalTo("KEY_MATERIAL_EXPIRES"))),
    KEY_MATERIAL_EXPIRED("key-material-expired", KEY_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "the imported key material of KMS key <kmsKeyId> in account <account> (<region>) expired at <when>"
                    + " and KMS deleted it: the key is unusable until the same material is imported again"
                    + " (ImportKeyMaterial). Without a copy of that material, what it encrypted is lost.",
            scope -> EventPattern.serviceEvent(ServiceEvent.KMS_IMPORTED_KEY_MATERIAL_EXPIRATION)),
    KEY_PENDING_IMPORT_USE("key-pending-import-use", KEY_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> failed in account <account> (<region>) at <time>, called by <who>: <errorMessage>"
                    + " The key's imported material expired or was deleted: import the same material again.",
            scope -> CallPatterns.failingWith(ApiError.KEY_PENDING_IMPORT)),
    CUSTOM_KEY_STORE_REMOVAL("custom-key-store-removal", KEY_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on custom key store <keyStore> in account <account> (<region>) at <time>, called by <who>."
                    + " Every key in the store is unusable while it is disconnected, and lost with the HSMs"
                    + " behind it: reconnect it (ConnectCustomKeyStore) unless this is intended.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.CUSTOM_KEY_STORE_REMOVALS))),
    CLOUDHSM_DELETION("cloudhsm-deletion", KEY_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "CloudHSM <eventName> (cluster <cluster>, HSM <hsm>, backup <backup>) in account <account> (<region>)"
                    + " at <time>, called by <who>. Keys of a custom key store live only in these HSMs and"
                    + " their backups: restore the HSM from a backup before the last one is gone.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.CLOUDHSM_DELETIONS))),
    SECRET_REPLICA_REMOVAL("secret-replica-removal", KEY_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on secret <secretId> in account <account> (<region>) at <time>, called by <who>."
                    + " A removed replica is deleted at once, without a recovery window: replicate the secret"
                    + " again (ReplicateSecretToRegions) if that region needs it.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.SECRET_REPLICA_REMOVALS))),
    CRITICAL_SECRET_POLICY_CHANGE("critical-secret-policy", KEY_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasCriticalSecrets,
            "<eventName> on secret <secretId> in the security account <account> (<region>), which holds the"
                    + " critical secrets, at <time>, called by <who>. Compare the policy with the reviewed one"
                    + " (pulumi preview shows the drift) and put that back unless the change was deployed.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.SECRET_POLICY_CHANGES))
                    .with(EventField.ACCOUNT, equalTo(scope.securityAccountId()))),

    RULE_TAMPERING("rule-tampering", GUARDRAIL_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on deletion-guard's EventBridge rule or bus <name><rule><eventBus> in account <account>"
                    + " (<region>) at <time>, called by <who>. Events may no longer reach the security account:"
                    + " run pulumi up to restore the rule, its target and the bus policy.",
            scope -> EventPattern.anyOf(List.of(
                    CallPatterns.succeededOn(ApiCall.RULE_CHANGES, EventField.REQUEST_NAME, prefix(scope.namePrefix())),
                    CallPatterns.succeededOn(ApiCall.RULE_TARGET_CHANGES, EventField.REQUEST_RULE, prefix(scope.namePrefix())),
                    CallPatterns.succeededOn(ApiCall.EVENT_BUS_CHANGES, EventField.REQUEST_EVENT_BUS_NAME,
                            prefix(scope.namePrefix()))))),
    TOPIC_TAMPERING("topic-tampering", GUARDRAIL_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on deletion-guard's notification topic or subscription <topicArn><subscriptionArn> in"
                    + " account <account> (<region>) at <time>, called by <who>. Messages may no longer reach"
                    + " people: run pulumi up, and confirm the subscriptions again.",
            scope -> EventPattern.anyOf(List.of(
                    CallPatterns.succeededOn(ApiCall.SUBSCRIPTION_CHANGES, EventField.REQUEST_SUBSCRIPTION_ARN,
                            wildcard(scope.topicArnPattern())),
                    CallPatterns.succeededOn(ApiCall.TOPIC_CHANGES, EventField.REQUEST_TOPIC_ARN,
                            wildcard(scope.topicArnPattern()))))),
    DOCUMENT_TAMPERING("document-tampering", GUARDRAIL_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on deletion-guard's Automation document <name> in account <account> (<region>) at <time>,"
                    + " called by <who>. Deletions may no longer be undone: run pulumi up to restore it.",
            scope -> CallPatterns.succeededOn(ApiCall.DOCUMENT_CHANGES, EventField.REQUEST_NAME, prefix(scope.namePrefix()))),
    ALARM_TAMPERING("alarm-tampering", MONITORING_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on deletion-guard's alarms in account <account> (<region>) at <time>, called by <who>"
                    + " (CloudTrail event <eventId> names them). Deletions may no longer raise an alarm: run"
                    + " pulumi up to restore them.",
            scope -> CallPatterns.succeededOn(ApiCall.ALARM_CHANGES, EventField.REQUEST_ALARM_NAMES, prefix(scope.namePrefix()))),
    LOG_TAMPERING("log-tampering", MONITORING_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on log group <logGroup> (filter <filterName>), which deletion-guard reads, in account"
                    + " <account> (<region>) at <time>, called by <who>. Alarms may go blind: run pulumi up and"
                    + " check the log group's retention and key.",
            scope -> CallPatterns.succeededOn(ApiCall.LOG_GROUP_CHANGES, EventField.REQUEST_LOG_GROUP_NAME,
                    scope.watchedLogGroups().stream().map(EventPattern.Match::equalTo).toArray(EventPattern.Match[]::new))),
    TRAIL_TAMPERING("trail-tampering", MONITORING_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on CloudTrail trail <name><trailName> in account <account> (<region>) at <time>, called by <who>."
                    + " Without a logging trail no rule or alarm sees any call: start logging (StartLogging) and"
                    + " restore the trail's selectors now, then review what happened meanwhile.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.TRAIL_CHANGES))),

    SUMMARY_FAILED("summary-failed", MONITORING_EVENTS, Severity.MEDIUM, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasSummary,
            "summary <status> in account <account> (<region>) at <when>: Automation execution <executionId> of"
                    + " <definition> sent no digest or pipeline-run notice. Its step output says why; the events it was to"
                    + " list are still in its log group (the execution's LogGroupName parameter).",
            // A summary that ran is its own message; only one that did not is worth another.
            scope -> executionsEnded(scope.summaryDocument().orElseThrow(), "Failed", "TimedOut", "Cancelled")),

    GUARD_ROLE_CHANGE("guard-role-change", GLOBAL_SERVICE_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "<eventName> on role <roleName> in account <account> (<region>) at <time>, called by <who>. It is a break-glass,"
                    + " deployment or deletion-guard role: whoever controls it can delete keys and secrets or"
                    + " switch the guard off. Check its trust and permissions now (CloudTrail event <eventId>).",
            scope -> CallPatterns.succeededOn(ApiCall.ROLE_CHANGES, EventField.REQUEST_ROLE_NAME,
                    scope.guardRoleNameMatches())),
    BREAK_GLASS_SESSION("break-glass-session", GLOBAL_SERVICE_EVENTS, Severity.HIGH, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasBreakGlassRoles,
            "someone pulled the glass: a session of break-glass role <roleArn> started at <time> in account"
                    + " <account> (<region>), by <who>. Its calls are exempt from the guard: confirm there is an incident"
                    + " that needs it.",
            scope -> CallPatterns.succeededOn(List.of(ApiCall.ASSUME_ROLE), EventField.REQUEST_ROLE_ARN,
                    scope.breakGlassRoleArns().stream().map(EventPattern.Match::wildcard).toArray(EventPattern.Match[]::new))),
    ORGANIZATION_POLICY_CHANGE("organization-policy", GLOBAL_SERVICE_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "Organizations <eventName> (policy <policyId>, target <targetId>, type <policyType>) in account"
                    + " <account> (<region>) at <time>, called by <who>. If it is deletion-guard's SCP or RCP (the stack"
                    + " outputs name their ids), the organization is no longer protected: run pulumi up now.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.ORGANIZATION_POLICY_CHANGES))),
    LEAVE_ORGANIZATION("leave-organization", GLOBAL_SERVICE_EVENTS, Severity.CRITICAL, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "Organizations <eventName> (account <accountId>, when another's) in account <account> (<region>) at"
                    + " <time>, called by <who>. An account outside the organization is bound by no SCP or RCP: its keys and"
                    + " secrets are unguarded. Invite it back and find out why it left.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.ORGANIZATION_EXITS)));

    /** How urgent a kind is; it leads the message, so mail rules and people can sort by it. */
    public enum Severity { CRITICAL, HIGH, MEDIUM }

    /** How a kind reaches people. */
    public enum Delivery {
        /** A message per event, through the hub topic. */
        EACH,
        /** Written to the denied-calls log group; one alarm counts them and notifies once per burst. */
        COUNTED
    }

    private static final Pattern VARIABLE = Pattern.compile("<([A-Za-z]+)>");
    /** Where each message variable comes from in the event EventBridge delivers. */
    private static final Map<String, EventField> VARIABLE_FIELDS = Map.ofEntries(
            Map.entry("account", EventField.ACCOUNT),
            Map.entry("region", EventField.REGION),
            Map.entry("when", EventField.TIME),
            Map.entry("time", EventField.EVENT_TIME),
            Map.entry("who", EventField.CALLER_ARN),
            Map.entry("eventName", EventField.EVENT_NAME),
            Map.entry("keyId", EventField.REQUEST_KEY_ID),
            Map.entry("secretId", EventField.REQUEST_SECRET_ID),
            Map.entry("errorCode", EventField.ERROR_CODE),
            Map.entry("errorMessage", EventField.ERROR_MESSAGE),
            Map.entry("alarmName", EventField.ALARM_NAME),
            Map.entry("state", EventField.ALARM_STATE),
            Map.entry("status", EventField.AUTOMATION_STATUS),
            Map.entry("executionId", EventField.AUTOMATION_EXECUTION_ID),
            Map.entry("definition", EventField.AUTOMATION_DEFINITION),
            Map.entry("eventId", EventField.EVENT_ID),
            Map.entry("validTo", EventField.VALID_TO),
            Map.entry("kmsKeyId", EventField.KMS_EVENT_KEY_ID),
            Map.entry("keyStore", EventField.REQUEST_CUSTOM_KEY_STORE_ID),
            Map.entry("cluster", EventField.REQUEST_CLUSTER_ID),
            Map.entry("hsm", EventField.REQUEST_HSM_ID),
            Map.entry("backup", EventField.REQUEST_BACKUP_ID),
            Map.entry("name", EventField.REQUEST_NAME),
            Map.entry("rule", EventField.REQUEST_RULE),
            Map.entry("trailName", EventField.REQUEST_TRAIL_NAME),
            Map.entry("eventBus", EventField.REQUEST_EVENT_BUS_NAME),
            Map.entry("topicArn", EventField.REQUEST_TOPIC_ARN),
            Map.entry("subscriptionArn", EventField.REQUEST_SUBSCRIPTION_ARN),
            Map.entry("logGroup", EventField.REQUEST_LOG_GROUP_NAME),
            Map.entry("filterName", EventField.REQUEST_FILTER_NAME),
            Map.entry("roleName", EventField.REQUEST_ROLE_NAME),
            Map.entry("roleArn", EventField.REQUEST_ROLE_ARN),
            Map.entry("policyId", EventField.REQUEST_POLICY_ID),
            Map.entry("targetId", EventField.REQUEST_TARGET_ID),
            Map.entry("policyType", EventField.REQUEST_POLICY_TYPE),
            Map.entry("accountId", EventField.REQUEST_ACCOUNT_ID));

    /** The kinds that are failed read-only calls (Decrypt, GetSecretValue): only rules that see read-only events match them. */
    private static final Set<NotifiedEvent> READ_ONLY_CALLS = EnumSet.of(KEY_PENDING_DELETION_USE,
            SECRET_MARKED_FOR_DELETION_ACCESS, KEY_PENDING_IMPORT_USE);

    /**
     * The deletions of keys and secrets, and the use of what is pending deletion: what sandboxes do
     * all day. From the accounts of ephemeral scopes the central bus logs them for the daily digest
     * instead of paging; every other kind (tampering with the guard, key policies, trails,
     * replicas) still pages from there, since the SCP binds sandboxes there too.
     */
    private static final Set<NotifiedEvent> DIGESTED_IN_EPHEMERAL_SCOPES = EnumSet.of(KEY_DELETION, KEY_DELETION_FAILED,
            SECRET_DELETION, SECRET_FORCE_DELETION, SECRET_DELETION_FAILED, KEY_PENDING_DELETION_USE,
            SECRET_MARKED_FOR_DELETION_ACCESS);

    /**
     * What the patterns depend on besides the mode.
     *
     * @param guardAlarmNamePrefixes what the names of the deletion alarms the stack deploys start with; none without alarms
     * @param remediationDocument the remediation Automation document's name, when remediation is on
     * @param namePrefix          the start of every name the program gives ({@code <prefix>-})
     * @param securityAccountId   the account that holds the critical keys and secrets
     * @param criticalKeys        whether it holds critical keys
     * @param criticalSecrets     whether it holds critical secrets
     * @param breakGlassRoleArns  the break-glass roles in any account, path included
     * @param guardRoleNames      the break-glass and deployment roles by name, whose changes are notified with the program's own
     * @param watchedLogGroups    the log groups the alarms read, the denied-calls log group and the ephemeral events' log group
     * @param quietAlarmArn       the alarm under the program's prefix that pages nobody (the pipeline roles' denied
     *                            calls), when pipeline roles are configured
     * @param summaryDocument     the summary Automation document's name, when the stack deploys it
     */
    public record Scope(List<String> guardAlarmNamePrefixes, Optional<String> remediationDocument, String namePrefix,
                        String securityAccountId, boolean criticalKeys, boolean criticalSecrets,
                        List<String> breakGlassRoleArns, List<String> guardRoleNames, List<String> watchedLogGroups,
                        Optional<String> quietAlarmArn, Optional<String> summaryDocument) {
        static final Predicate<Scope> ALWAYS = scope -> true;

        public Scope {
            guardAlarmNamePrefixes = List.copyOf(guardAlarmNamePrefixes);
            breakGlassRoleArns = List.copyOf(breakGlassRoleArns);
            guardRoleNames = List.copyOf(guardRoleNames);
            watchedLogGroups = List.copyOf(watchedLogGroups);
        }

        boolean hasGuardAlarms() {
            return !guardAlarmNamePrefixes.isEmpty();
        }

        /**
         * The pattern, but not for the alarm that pages nobody: its state changes mark pipeline
         * runs, which one notice per run summarizes. One alarm state change names one alarm.
         */
        EventPattern withoutQuietAlarm(EventPattern pattern) {
            return quietAlarmArn.map(arn -> pattern.with(EventField.RESOURCES, anythingBut(arn))).orElse(pattern);
        }

        boolean hasRemediation() {
            return remediationDocument.isPresent();
        }

        boolean hasSummary() {
            return summaryDocument.isPresent();
        }

        boolean hasCriticalKeys() {
            return criticalKeys;
        }

        boolean hasCriticalSecrets() {
            return criticalSecrets;
        }

        boolean hasBreakGlassRoles() {
            return !breakGlassRoleArns.isEmpty();
        }

        /** The program's topics and their subscriptions, in any account and region. */
        String topicArnPattern() {
            return "arn:aws:sns:*:*:" + namePrefix + "*";
        }

        EventPattern.Match[] guardRoleNameMatches() {
            List<EventPattern.Match> matches = new ArrayList<>();
            guardRoleNames.forEach(name -> matches.add(equalTo(name)));
            matches.add(prefix(namePrefix));
            return matches.toArray(EventPattern.Match[]::new);
        }
    }

    private final String id;
    private final ForwardingRule forwardingRule;
    private final Severity severity;
    private final List<AlarmMode> modes;
    private final Predicate<Scope> requires;
    private final String message;
    private final Function<Scope, EventPattern> pattern;

    /**
     * @param forwardingRule the forwarding rule that carries this kind to the central bus
     * @param modes          the alarm modes that notify this kind
     * @param requires       what the stack must deploy for this kind to exist at all
     * @param message        what a person reads, after the severity; null for a {@link Delivery#COUNTED} kind
     */
    NotifiedEvent(String id, ForwardingRule forwardingRule, Severity severity, List<AlarmMode> modes,
                  Predicate<Scope> requires, String message, Function<Scope, EventPattern> pattern) {
        this.id = id;
        this.forwardingRule = forwardingRule;
        this.severity = severity;
        this.modes = modes;
        this.requires = requires;
        this.message = message;
        this.pattern = pattern;
    }

    public static List<NotifiedEvent> forMode(AlarmMode mode, Scope scope) {
        return Arrays.stream(values()).filter(kind -> kind.modes.contains(mode) && kind.requires.test(scope)).toList();
    }

    public String id() {
        return id;
    }

    public ForwardingRule forwardingRule() {
        return forwardingRule;
    }

    public Severity severity() {
        return severity;
    }

    public List<AlarmMode> modes() {
        return modes;
    }

    public Delivery delivery() {
        return message == null ? Delivery.COUNTED : Delivery.EACH;
    }

    public boolean readOnlyCalls() {
        return READ_ONLY_CALLS.contains(this);
    }

    /** Whether the kind, from an ephemeral account, goes to the daily digest instead of paging. */
    public boolean digestedInEphemeralScopes() {
        return DIGESTED_IN_EPHEMERAL_SCOPES.contains(this);
    }

    /** The message with {@code <variable>} placeholders that the input transformer fills, led by the severity. */
    public String message() {
        if (message == null) {
            throw new IllegalStateException(id + " is counted, not notified one by one");
        }
        return "deletion-guard " + severity + ": " + message;
    }

    /** Executions of one of the program's Automation documents that ended in one of the statuses. */
    private static EventPattern executionsEnded(String document, String... statuses) {
        return EventPattern.serviceEvent(ServiceEvent.AUTOMATION_EXECUTION_STATUS_CHANGE)
                .with(EventField.AUTOMATION_DEFINITION, equalTo(document))
                .with(EventField.AUTOMATION_STATUS, Arrays.stream(statuses).map(EventPattern.Match::equalTo)
                        .toArray(EventPattern.Match[]::new));
    }

    EventPattern pattern(Scope scope) {
        return pattern.apply(scope);
    }

    /** The input transformer's paths: exactly the variables the message uses. */
    public Map<String, String> inputPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(message());
        while (variable.find()) {
            String name = variable.group(1);
            EventField field = VARIABLE_FIELDS.get(name);
            if (field == null) {
                throw new IllegalStateException(id + ": the message uses <" + name + ">, which has no event path");
            }
            paths.put(name, field.inputPath());
        }
        return paths;
    }
}

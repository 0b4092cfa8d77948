package io.github.deletionguard.detection;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ApiError;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.awsapi.ServiceEvent;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.patterns.CallPatterns;
import io.github.deletionguard.patterns.EventPattern;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.deletionguard.config.AlarmMode.ACCESS_ONLY;
import static io.github.deletionguard.config.AlarmMode.ANY_DELETION;
import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;

/**
 * The events every guarded account and region forwards to the central bus, each with the pattern
 * that recognises it and the message a person reads. The forwarding rule matches any of them;
 * the central bus has one rule per kind, because an input transformer writes one message. Each
 * id is part of a rule name, so ids never change once released and stay short (rule names are at
 * most 64 characters, and the prefix takes up to 31 of them).
 */
public enum NotifiedEvent {
    KEY_DELETION("key-deletion", false, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: <eventName> succeeded on KMS key <keyId> in account <account> (<region>) at <time>,"
                    + " called by <who>. If it was not intended, cancel the deletion (CancelKeyDeletion) and"
                    + " enable the key (EnableKey) now.",
            scope -> CallPatterns.succeeded(CallPatterns.anyOf(ApiCall.KEY_DELETIONS))),
    KEY_DELETION_FAILED("key-deletion-failed", false, List.of(ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: <eventName> on KMS key <keyId> failed with <errorCode> in account <account>"
                    + " (<region>) at <time>, called by <who>. Nothing changed, but someone tried to delete or"
                    + " disable a key: find out who and why.",
            scope -> CallPatterns.failed(CallPatterns.anyOf(ApiCall.KEY_DELETIONS))),
    SECRET_DELETION("secret-deletion", false, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: secret <secretId> was scheduled for deletion in account <account> (<region>) at"
                    + " <time> by <who>. It can be restored (RestoreSecret) until its recovery window ends.",
            scope -> CallPatterns.succeeded(CallPatterns.recoverableSecretDeletion())),
    SECRET_FORCE_DELETION("secret-force-deletion", false, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "deletion-guard CRITICAL: secret <secretId> was force-deleted without a recovery window in account"
                    + " <account> (<region>) at <time> by <who>. This is irreversible: the secret cannot be"
                    + " restored. Recreate it from its source and rotate whatever depended on it.",
            scope -> CallPatterns.succeeded(CallPatterns.forcedSecretDeletion())),
    SECRET_DELETION_FAILED("secret-deletion-failed", false, List.of(ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: DeleteSecret on secret <secretId> failed with <errorCode> in account <account>"
                    + " (<region>) at <time>, called by <who>. Nothing changed, but someone tried to delete a"
                    + " secret: find out who and why.",
            scope -> CallPatterns.failed(CallPatterns.anyOf(ApiCall.SECRET_DELETIONS))),
    KEY_PENDING_DELETION_USE("key-pending-use", true, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: <eventName> failed in account <account> (<region>) at <time>, called by <who>:"
                    + " <errorMessage> Whatever uses this key breaks for good when the deletion happens: cancel"
                    + " it (CancelKeyDeletion, then EnableKey) unless the key is truly unused.",
            scope -> CallPatterns.failingWith(ApiError.KEY_PENDING_DELETION)),
    SECRET_MARKED_FOR_DELETION_ACCESS("secret-pending-access", true, List.of(ACCESS_ONLY, ANY_DELETION), Scope.ALWAYS,
            "deletion-guard: <eventName> on secret <secretId> failed in account <account> (<region>) at <time>,"
                    + " called by <who>, because the secret is marked for deletion. Restore it (RestoreSecret)"
                    + " before its recovery window ends unless the deletion is intended.",
            scope -> CallPatterns.failingWith(ApiError.SECRET_MARKED_FOR_DELETION)),
    GUARD_ALARM("guard-alarm", false, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasGuardAlarms,
            "deletion-guard: alarm <alarmName> went to <state> in account <account> (<region>) at <when>."
                    + " Its description says what it counts and what to do.",
            scope -> EventPattern.serviceEvent(ServiceEvent.ALARM_STATE_CHANGE)
                    // By name prefix: the pattern keeps its size however many alarms there are, and
                    // the SCP keeps anyone else from creating an alarm under the program's prefix.
                    .with(EventField.ALARM_NAME, scope.guardAlarmNamePrefixes().stream().map(EventPattern.Match::prefix)
                            .toArray(EventPattern.Match[]::new))
                    .with(EventField.ALARM_STATE, equalTo("ALARM"))),
    REMEDIATION_RESULT("remediation-result", false, List.of(ACCESS_ONLY, ANY_DELETION), Scope::hasRemediation,
            "deletion-guard: remediation <status> in account <account> (<region>) at <when>: Automation"
                    + " execution <executionId> of <definition>. Its steps and outputs (in Systems Manager,"
                    + " Automation) say what was cancelled, re-enabled or restored.",
            scope -> EventPattern.serviceEvent(ServiceEvent.AUTOMATION_EXECUTION_STATUS_CHANGE)
                    .with(EventField.AUTOMATION_DEFINITION, equalTo(scope.remediationDocument().orElseThrow()))
                    // Final states only: a person wants to know how it ended, not that it started.
                    .with(EventField.AUTOMATION_STATUS, equalTo("Success"), equalTo("Failed"), equalTo("TimedOut"),
                            equalTo("Cancelled")));

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
            Map.entry("definition", EventField.AUTOMATION_DEFINITION));

    /**
     * What the patterns depend on besides the mode.
     *
     * @param guardAlarmNamePrefixes what the names of the deletion alarms the stack deploys start with; none without alarms
     * @param remediationDocument the remediation Automation document's name, when remediation is on
     */
    public record Scope(List<String> guardAlarmNamePrefixes, Optional<String> remediationDocument) {
        static final Predicate<Scope> ALWAYS = scope -> true;

        public Scope {
            guardAlarmNamePrefixes = List.copyOf(guardAlarmNamePrefixes);
        }

        boolean hasGuardAlarms() {
            return !guardAlarmNamePrefixes.isEmpty();
        }

        boolean hasRemediation() {
            return remediationDocument.isPresent();
        }
    }

    private final String id;
    private final boolean readOnlyCalls;
    private final List<AlarmMode> modes;
    private final Predicate<Scope> requires;
    private final String message;
    private final Function<Scope, EventPattern> pattern;

    /**
     * @param readOnlyCalls the kind is a read-only call (a failed Decrypt, GetSecretValue), which
     *                      only rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS see
     * @param modes         the alarm modes that notify this kind
     * @param requires      what the stack must deploy for this kind to exist at all
     */
    NotifiedEvent(String id, boolean readOnlyCalls, List<AlarmMode> modes, Predicate<Scope> requires, String message,
                  Function<Scope, EventPattern> pattern) {
        this.id = id;
        this.readOnlyCalls = readOnlyCalls;
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

    public boolean readOnlyCalls() {
        return readOnlyCalls;
    }

    /** The message with {@code <variable>} placeholders that the input transformer fills. */
    public String message() {
        return message;
    }

    EventPattern pattern(Scope scope) {
        return pattern.apply(scope);
    }

    /** The input transformer's paths: exactly the variables the message uses. */
    public Map<String, String> inputPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(message);
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

package io.github.deletionguard.detection;

import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.config.AlarmMode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.exists;
import static io.github.deletionguard.patterns.EventPattern.Match.suffix;

/**
 * The events every guarded account and region forwards to the central bus, each with the pattern
 * that recognises it and the message a person reads. The forwarding rule matches any of them;
 * the central bus has one rule per kind, because an input transformer writes one message. Each
 * id is part of a rule name, so ids never change once released and stay short (rule names are at
 * most 64 characters, and the prefix takes up to 31 of them).
 */
public enum NotifiedEvent {
    KEY_DELETION("key-deletion", false,
            "deletion-guard: <eventName> succeeded on KMS key <keyId> in account <account> (<region>) at <time>,"
                    + " called by <who>. If it was not intended, cancel the deletion (CancelKeyDeletion) and"
                    + " enable the key (EnableKey) now.") {
        @Override
        EventPattern pattern(Scope scope) {
            return keyDeletionCall().with("detail.errorCode", exists(false));
        }
    },
    KEY_DELETION_FAILED("key-deletion-failed", false,
            "deletion-guard: <eventName> on KMS key <keyId> failed with <errorCode> in account <account>"
                    + " (<region>) at <time>, called by <who>. Nothing changed, but someone tried to delete or"
                    + " disable a key: find out who and why.") {
        @Override
        EventPattern pattern(Scope scope) {
            return keyDeletionCall().with("detail.errorCode", exists(true));
        }

        @Override
        boolean appliesTo(AlarmMode mode, Scope scope) {
            return mode == AlarmMode.ANY_DELETION;
        }
    },
    SECRET_DELETION("secret-deletion", false,
            "deletion-guard: secret <secretId> was scheduled for deletion in account <account> (<region>) at"
                    + " <time> by <who>. It can be restored (RestoreSecret) until its recovery window ends.") {
        @Override
        EventPattern pattern(Scope scope) {
            return recoverableSecretDeletion().with("detail.errorCode", exists(false));
        }
    },
    SECRET_FORCE_DELETION("secret-force-deletion", false,
            "deletion-guard CRITICAL: secret <secretId> was force-deleted without a recovery window in account"
                    + " <account> (<region>) at <time> by <who>. This is irreversible: the secret cannot be"
                    + " restored. Recreate it from its source and rotate whatever depended on it.") {
        @Override
        EventPattern pattern(Scope scope) {
            return secretDeletionCall()
                    .with("detail.requestParameters.forceDeleteWithoutRecovery", equalTo(true))
                    .with("detail.errorCode", exists(false));
        }
    },
    SECRET_DELETION_FAILED("secret-deletion-failed", false,
            "deletion-guard: DeleteSecret on secret <secretId> failed with <errorCode> in account <account>"
                    + " (<region>) at <time>, called by <who>. Nothing changed, but someone tried to delete a"
                    + " secret: find out who and why.") {
        @Override
        EventPattern pattern(Scope scope) {
            return secretDeletionCall().with("detail.errorCode", exists(true));
        }

        @Override
        boolean appliesTo(AlarmMode mode, Scope scope) {
            return mode == AlarmMode.ANY_DELETION;
        }
    },
    KEY_PENDING_DELETION_USE("key-pending-use", true,
            "deletion-guard: <eventName> failed in account <account> (<region>) at <time>, called by <who>:"
                    + " <errorMessage> Whatever uses this key breaks for good when the deletion happens: cancel"
                    + " it (CancelKeyDeletion, then EnableKey) unless the key is truly unused.") {
        @Override
        EventPattern pattern(Scope scope) {
            // KMS names the key and its state: "<key ARN> is pending deletion."
            return EventPattern.apiCall(KMS)
                    .with("detail.errorCode", equalTo("KMSInvalidStateException"))
                    .with("detail.errorMessage", suffix(" is pending deletion."));
        }
    },
    SECRET_MARKED_FOR_DELETION_ACCESS("secret-pending-access", true,
            "deletion-guard: <eventName> on secret <secretId> failed in account <account> (<region>) at <time>,"
                    + " called by <who>, because the secret is marked for deletion. Restore it (RestoreSecret)"
                    + " before its recovery window ends unless the deletion is intended.") {
        @Override
        EventPattern pattern(Scope scope) {
            return EventPattern.apiCall(SECRETS_MANAGER)
                    .with("detail.errorCode", equalTo("InvalidRequestException"))
                    .with("detail.errorMessage", suffix("because it was marked for deletion."));
        }
    },
    GUARD_ALARM("guard-alarm", false,
            "deletion-guard: alarm <alarmName> went to <state> in account <account> (<region>) at <when>."
                    + " Its description says what it counts and what to do.") {
        @Override
        EventPattern pattern(Scope scope) {
            return EventPattern.empty()
                    .with("source", equalTo("aws.cloudwatch"))
                    .with("detail-type", equalTo("CloudWatch Alarm State Change"))
                    .with("detail.alarmName", scope.guardAlarmNames().stream().map(EventPattern.Match::equalTo)
                            .toArray(EventPattern.Match[]::new))
                    .with("detail.state.value", equalTo("ALARM"));
        }

        @Override
        boolean appliesTo(AlarmMode mode, Scope scope) {
            return !scope.guardAlarmNames().isEmpty();
        }
    },
    REMEDIATION_RESULT("remediation-result", false,
            "deletion-guard: remediation <status> in account <account> (<region>) at <when>: Automation"
                    + " execution <executionId> of <definition>. Its steps and outputs (in Systems Manager,"
                    + " Automation) say what was cancelled, re-enabled or restored.") {
        @Override
        EventPattern pattern(Scope scope) {
            return EventPattern.empty()
                    .with("source", equalTo("aws.ssm"))
                    .with("detail-type", equalTo("EC2 Automation Execution Status-change Notification"))
                    .with("detail.Definition", equalTo(scope.remediationDocument().orElseThrow()))
                    // Final states only: a person wants to know how it ended, not that it started.
                    .with("detail.Status", equalTo("Success"), equalTo("Failed"), equalTo("TimedOut"),
                            equalTo("Cancelled"));
        }

        @Override
        boolean appliesTo(AlarmMode mode, Scope scope) {
            return scope.remediationDocument().isPresent();
        }
    };

    private static final String KMS = "aws.kms";
    private static final String SECRETS_MANAGER = "aws.secretsmanager";
    private static final Pattern VARIABLE = Pattern.compile("<([A-Za-z]+)>");
    /** Where each message variable comes from in the event EventBridge delivers. */
    private static final Map<String, String> VARIABLE_PATHS = Map.ofEntries(
            Map.entry("account", "$.account"),
            Map.entry("region", "$.region"),
            Map.entry("when", "$.time"),
            Map.entry("time", "$.detail.eventTime"),
            Map.entry("who", "$.detail.userIdentity.arn"),
            Map.entry("eventName", "$.detail.eventName"),
            Map.entry("keyId", "$.detail.requestParameters.keyId"),
            Map.entry("secretId", "$.detail.requestParameters.secretId"),
            Map.entry("errorCode", "$.detail.errorCode"),
            Map.entry("errorMessage", "$.detail.errorMessage"),
            Map.entry("alarmName", "$.detail.alarmName"),
            Map.entry("state", "$.detail.state.value"),
            Map.entry("status", "$.detail.Status"),
            Map.entry("executionId", "$.detail.ExecutionId"),
            Map.entry("definition", "$.detail.Definition"));

    /**
     * What the patterns depend on besides the mode.
     *
     * @param guardAlarmNames     the deletion alarms the stack deploys, by name
     * @param remediationDocument the remediation Automation document's name, when remediation is on
     */
    public record Scope(List<String> guardAlarmNames, Optional<String> remediationDocument) {
        public Scope {
            guardAlarmNames = List.copyOf(guardAlarmNames);
        }
    }

    private final String id;
    private final boolean readOnlyCalls;
    private final String message;

    /**
     * @param readOnlyCalls the kind is a read-only call (a failed Decrypt, GetSecretValue), which
     *                      only rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS see
     */
    NotifiedEvent(String id, boolean readOnlyCalls, String message) {
        this.id = id;
        this.readOnlyCalls = readOnlyCalls;
        this.message = message;
    }

    public static List<NotifiedEvent> forMode(AlarmMode mode, Scope scope) {
        return Arrays.stream(values()).filter(kind -> kind.appliesTo(mode, scope)).toList();
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

    abstract EventPattern pattern(Scope scope);

    boolean appliesTo(AlarmMode mode, Scope scope) {
        return true;
    }

    /** The input transformer's paths: exactly the variables the message uses. */
    public Map<String, String> inputPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(message);
        while (variable.find()) {
            String name = variable.group(1);
            String path = VARIABLE_PATHS.get(name);
            if (path == null) {
                throw new IllegalStateException(id + ": the message uses <" + name + ">, which has no event path");
            }
            paths.put(name, path);
        }
        return paths;
    }

    private static EventPattern keyDeletionCall() {
        return EventPattern.apiCall(KMS).with("detail.eventName",
                equalTo("ScheduleKeyDeletion"), equalTo("DisableKey"), equalTo("DeleteImportedKeyMaterial"));
    }

    private static EventPattern secretDeletionCall() {
        return EventPattern.apiCall(SECRETS_MANAGER).with("detail.eventName", equalTo("DeleteSecret"));
    }

    /**
     * A DeleteSecret with a recovery window: forceDeleteWithoutRecovery false or not given. Shared
     * with the remediation rule, which restores exactly these.
     */
    public static EventPattern recoverableSecretDeletion() {
        return secretDeletionCall().withAnyOf("detail.requestParameters", List.of(
                EventPattern.empty().with("forceDeleteWithoutRecovery", equalTo(false)),
                EventPattern.empty().with("forceDeleteWithoutRecovery", exists(false))));
    }
}

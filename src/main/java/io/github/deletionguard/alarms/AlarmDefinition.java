package io.github.deletionguard.alarms;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ApiError;
import io.github.deletionguard.awsapi.AwsService;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.FilterPattern;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.github.deletionguard.config.AlarmMode.ACCESS_ONLY;
import static io.github.deletionguard.config.AlarmMode.ANY_DELETION;
import static io.github.deletionguard.patterns.FilterPattern.absent;
import static io.github.deletionguard.patterns.FilterPattern.allOf;
import static io.github.deletionguard.patterns.FilterPattern.anyOf;
import static io.github.deletionguard.patterns.FilterPattern.equalTo;
import static io.github.deletionguard.patterns.FilterPattern.notEqualTo;
import static io.github.deletionguard.patterns.FilterPattern.oneOf;
import static io.github.deletionguard.patterns.FilterPattern.present;

/**
 * The alarms the program can deploy on a CloudTrail log group. Each id is part of the logical
 * and physical names of its metric filter and alarm, so ids never change once released; an
 * alarm whose meaning changed gets a new id and names the one it replaces ({@link #replaces()}).
 *
 * <p>CloudWatch notifies only when an alarm changes state, so an alarm that counted allowed and
 * denied calls together stayed in ALARM under a trickle of denied attempts and hid a deletion
 * that succeeded. Successful and failed calls of the same kind are therefore counted by separate
 * alarms: an alarm on successes ({@link Counting#SUCCESSES}) sees no denied call, fires on the
 * first success and is back in OK a minute after the last one, ready to notify the next.
 */
public enum AlarmDefinition {
    KMS_KEY_PENDING_DELETION_USE(
            "kms-key-pending-deletion-use", "KmsKeyPendingDeletionUse", Counting.FAILED_CALLS,
            "Something tried to use a KMS key that is pending deletion: that workload breaks for good when the"
                    + " key is deleted. Cancel the deletion unless the key is truly unused.",
            scope -> failingWith(ApiError.KEY_PENDING_DELETION),
            Optional.empty(), List.of(ACCESS_ONLY, ANY_DELETION)),
    SECRET_MARKED_FOR_DELETION_ACCESS(
            "secret-marked-for-deletion-access", "SecretMarkedForDeletionAccess", Counting.FAILED_CALLS,
            "Something tried to read or change a secret that is scheduled for deletion: restore it"
                    + " (RestoreSecret) before the recovery window ends unless the deletion is intended.",
            scope -> failingWith(ApiError.SECRET_MARKED_FOR_DELETION),
            Optional.empty(), List.of(ACCESS_ONLY, ANY_DELETION)),
    KMS_KEY_DELETION_SUCCEEDED(
            "kms-key-deletion-succeeded", "KmsKeyDeletionSucceeded", Counting.SUCCESSES,
            "ScheduleKeyDeletion, DisableKey or DeleteImportedKeyMaterial succeeded. Confirm the change was"
                    + " intended; otherwise CancelKeyDeletion and EnableKey. Each call is also notified on its"
                    + " own through EventBridge.",
            scope -> succeeded(anyCall(ApiCall.KEY_DELETIONS)),
            Optional.of("kms-key-deletion-attempt"), List.of(ANY_DELETION)),
    KMS_KEY_DELETION_FAILED(
            "kms-key-deletion-failed", "KmsKeyDeletionFailed", Counting.FAILED_CALLS,
            "ScheduleKeyDeletion, DisableKey or DeleteImportedKeyMaterial failed (usually denied): nothing"
                    + " changed, but someone tried. Look up the calls in CloudTrail (errorCode, userIdentity).",
            scope -> failed(anyCall(ApiCall.KEY_DELETIONS)),
            Optional.empty(), List.of(ANY_DELETION)),
    SECRET_DELETION_SUCCEEDED(
            "secret-deletion-succeeded", "SecretDeletionSucceeded", Counting.SUCCESSES,
            "DeleteSecret succeeded. Confirm it was intended; otherwise RestoreSecret within the recovery"
                    + " window (a force delete cannot be undone). Each call is also notified on its own through"
                    + " EventBridge.",
            scope -> succeeded(anyCall(ApiCall.SECRET_DELETIONS)),
            Optional.of("secret-deletion-attempt"), List.of(ANY_DELETION)),
    SECRET_DELETION_FAILED(
            "secret-deletion-failed", "SecretDeletionFailed", Counting.FAILED_CALLS,
            "DeleteSecret failed (usually denied): nothing changed, but someone tried. Look up the calls in"
                    + " CloudTrail (errorCode, userIdentity).",
            scope -> failed(anyCall(ApiCall.SECRET_DELETIONS)),
            Optional.empty(), List.of(ANY_DELETION)),
    KMS_ERRORS(
            "kms-errors", "KmsErrors", Counting.ERROR_BURST,
            "Many KMS calls failed in one period: someone may be probing keys or a workload lost access to one."
                    + " Look up the failing calls in CloudTrail (errorCode, userIdentity).",
            scope -> allOf(fromService(AwsService.KMS), present(EventField.ERROR_CODE.inLogFilter())),
            Optional.empty(), List.of(ANY_DELETION)),
    TRAIL_TAMPERING_SUCCEEDED(
            "trail-tampering-succeeded", "TrailTamperingSucceeded", Counting.SUCCESSES,
            "StopLogging, DeleteTrail, UpdateTrail or PutEventSelectors succeeded on a trail: what follows may"
                    + " never reach these alarms or EventBridge. Unless the change was planned, restore the trail"
                    + " (StartLogging, its event selectors) and review CloudTrail event history meanwhile.",
            scope -> succeeded(anyCall(ApiCall.TRAIL_CHANGES)),
            Optional.empty(), List.of(ANY_DELETION)),
    TRAIL_TAMPERING_FAILED(
            "trail-tampering-failed", "TrailTamperingFailed", Counting.FAILED_CALLS,
            "StopLogging, DeleteTrail, UpdateTrail or PutEventSelectors failed (usually denied): the trail is"
                    + " unchanged, but someone tried to blind it. Look up the calls in CloudTrail.",
            scope -> failed(anyCall(ApiCall.TRAIL_CHANGES)),
            Optional.empty(), List.of(ANY_DELETION)),
    ALARM_LOG_TAMPERING_SUCCEEDED(
            "alarm-log-tampering-succeeded", "AlarmLogTamperingSucceeded", Counting.SUCCESSES,
            "A CloudTrail log group these alarms read was deleted, or one of deletion-guard's metric filters:"
                    + " the alarms on it are blind. Restore the log group or filter (pulumi up) now.",
            scope -> succeeded(alarmLogTampering(scope)),
            Optional.empty(), List.of(ANY_DELETION)),
    ALARM_LOG_TAMPERING_FAILED(
            "alarm-log-tampering-failed", "AlarmLogTamperingFailed", Counting.FAILED_CALLS,
            "Deleting a CloudTrail log group these alarms read, or one of deletion-guard's metric filters,"
                    + " failed (usually denied): nothing changed, but someone tried. Look up the calls in CloudTrail.",
            scope -> failed(alarmLogTampering(scope)),
            Optional.empty(), List.of(ANY_DELETION));

    /**
     * How an alarm evaluates its metric, which decides whether a second event can still notify.
     * Metrics from metric filters are standard resolution: 60 seconds is the shortest period.
     */
    public enum Counting {
        /**
         * Calls that succeeded: one is enough, whatever the configured threshold, and the alarm is
         * back in OK after one quiet minute, so the next success changes its state and notifies.
         */
        SUCCESSES,
        /** Failed calls and failed uses: the mode's configured period, threshold and evaluation periods. */
        FAILED_CALLS,
        /** A burst of failed calls: the configured period with the mode's own error threshold. */
        ERROR_BURST
    }

    /** How an alarm evaluates: CloudWatch's Period, EvaluationPeriods and Threshold. */
    public record Evaluation(int periodSeconds, int evaluationPeriods, double threshold) {
    }

    /**
     * What the patterns depend on besides the definition.
     *
     * @param names         the program's names, for the metric filters it protects
     * @param logGroupNames every CloudTrail log group the stack's alarms read, in any account; at
     *                      least one, since without a log group no alarm exists
     */
    public record Scope(ResourceNames names, List<String> logGroupNames, List<String> ephemeralAccountIds) {
        public Scope {
            if (logGroupNames.isEmpty()) {
                throw new IllegalArgumentException("alarms need a log group to read");
            }
            logGroupNames = logGroupNames.stream().distinct().sorted().toList();
            ephemeralAccountIds = ephemeralAccountIds.stream().distinct().sorted().toList();
        }
    }

    /**
     * The alarms of deletions and of the use of what is pending deletion: an organization trail's
     * log group sees every account's calls, so these leave out the ephemeral accounts, whose
     * deletions reach the daily digest instead (the EventBridge path's digested kinds).
     */
    private static final Set<AlarmDefinition> SKIP_EPHEMERAL_ACCOUNTS = EnumSet.of(KMS_KEY_PENDING_DELETION_USE,
            SECRET_MARKED_FOR_DELETION_ACCESS, KMS_KEY_DELETION_SUCCEEDED, KMS_KEY_DELETION_FAILED,
            SECRET_DELETION_SUCCEEDED, SECRET_DELETION_FAILED);

    private static final int SUCCESS_PERIOD_SECONDS = 60;

    private final String id;
    private final String metricName;
    private final Counting counting;
    private final String description;
    private final Function<Scope, FilterPattern> filterPattern;
    private final Optional<String> replaces;
    private final List<AlarmMode> modes;

    /**
     * @param replaces the id of the released alarm this one took over from, whose meaning changed
     * @param modes    the alarm modes that deploy this alarm
     */
    AlarmDefinition(String id, String metricName, Counting counting, String description,
                    Function<Scope, FilterPattern> filterPattern, Optional<String> replaces, List<AlarmMode> modes) {
        this.id = id;
        this.metricName = metricName;
        this.counting = counting;
        this.description = description;
        this.filterPattern = filterPattern;
        this.replaces = replaces;
        this.modes = modes;
    }

    public static List<AlarmDefinition> forMode(AlarmMode mode) {
        return Arrays.stream(values()).filter(alarm -> alarm.modes.contains(mode)).toList();
    }

    public String id() {
        return id;
    }

    public String metricName() {
        return metricName;
    }

    public Counting counting() {
        return counting;
    }

    public String description() {
        return description;
    }

    public FilterPattern filterPattern(Scope scope) {
        FilterPattern pattern = filterPattern.apply(scope);
        if (!SKIP_EPHEMERAL_ACCOUNTS.contains(this) || scope.ephemeralAccountIds().isEmpty()) {
            return pattern;
        }
        return allOf(pattern, allOf(scope.ephemeralAccountIds().stream()
                .map(account -> notEqualTo(EventField.RECIPIENT_ACCOUNT_ID.inLogFilter(), account))
                .toArray(FilterPattern[]::new)));
    }

    /** The id of the released alarm whose resources this one carries on, under a Pulumi alias. */
    public Optional<String> replaces() {
        return replaces;
    }

    public Evaluation evaluation(AlarmSettings settings) {
        return switch (counting) {
            case SUCCESSES -> new Evaluation(SUCCESS_PERIOD_SECONDS, 1, 1);
            case FAILED_CALLS -> new Evaluation(settings.periodSeconds(), settings.evaluationPeriods(), settings.threshold());
            case ERROR_BURST -> new Evaluation(settings.periodSeconds(), settings.evaluationPeriods(), settings.kmsErrorThreshold());
        };
    }

    private static FilterPattern fromService(AwsService service) {
        return equalTo(EventField.EVENT_SOURCE.inLogFilter(), service.eventSource());
    }

    /** Any of the calls, allowed or denied; all of one service. */
    private static FilterPattern anyCall(List<ApiCall> calls) {
        return allOf(fromService(calls.get(0).service()),
                oneOf(EventField.EVENT_NAME.inLogFilter(), calls.stream().map(ApiCall::eventName).toArray(String[]::new)));
    }

    /** CloudTrail records an errorCode for every call that failed and for no call that succeeded. */
    private static FilterPattern succeeded(FilterPattern call) {
        return allOf(call, absent(EventField.ERROR_CODE.inLogFilter()));
    }

    private static FilterPattern failed(FilterPattern call) {
        return allOf(call, present(EventField.ERROR_CODE.inLogFilter()));
    }

    private static FilterPattern failingWith(ApiError error) {
        return allOf(fromService(error.service()),
                equalTo(EventField.ERROR_CODE.inLogFilter(), error.errorCode()),
                // The message names the resource first: "<key ARN> is pending deletion."
                equalTo(EventField.ERROR_MESSAGE.inLogFilter(), "*" + error.messageEnding()));
    }

    /**
     * DeleteLogGroup of a log group the alarms read, or DeleteMetricFilter of one of the program's
     * filters. An organization trail's log group sees these calls in every account,
     * so one group's filter notices another group's deletion; a group cannot notice its own (the
     * event would be delivered to the deleted group), which EventBridge reports instead.
     */
    private static FilterPattern alarmLogTampering(Scope scope) {
        FilterPattern filterDeleted = allOf(
                equalTo(EventField.EVENT_NAME.inLogFilter(), ApiCall.DELETE_METRIC_FILTER.eventName()),
                equalTo(EventField.REQUEST_FILTER_NAME.inLogFilter(), scope.names().anyName()));
        FilterPattern logGroupDeleted = allOf(
                equalTo(EventField.EVENT_NAME.inLogFilter(), ApiCall.DELETE_LOG_GROUP.eventName()),
                oneOf(EventField.REQUEST_LOG_GROUP_NAME.inLogFilter(), scope.logGroupNames().toArray(String[]::new)));
        return allOf(fromService(AwsService.CLOUDWATCH_LOGS), anyOf(logGroupDeleted, filterDeleted));
    }
}

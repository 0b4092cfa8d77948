package io.github.deletionguard.alarms;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ApiError;
import io.github.deletionguard.awsapi.AwsService;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.patterns.FilterPattern;

import java.util.Arrays;
import java.util.List;

import static io.github.deletionguard.config.AlarmMode.ACCESS_ONLY;
import static io.github.deletionguard.config.AlarmMode.ANY_DELETION;
import static io.github.deletionguard.patterns.FilterPattern.allOf;
import static io.github.deletionguard.patterns.FilterPattern.equalTo;
import static io.github.deletionguard.patterns.FilterPattern.oneOf;
import static io.github.deletionguard.patterns.FilterPattern.present;

/**
 * The alarms the program can deploy on a CloudTrail log group. Each id is part of the logical
 * and physical names of its metric filter and alarm, so ids never change once released.
 */
public enum AlarmDefinition {
    KMS_KEY_PENDING_DELETION_USE(
            "kms-key-pending-deletion-use", "KmsKeyPendingDeletionUse",
            "Something tried to use a KMS key that is pending deletion: that workload breaks for good when the"
                    + " key is deleted. Cancel the deletion unless the key is truly unused.",
            failingWith(ApiError.KEY_PENDING_DELETION),
            false, List.of(ACCESS_ONLY, ANY_DELETION)),
    SECRET_MARKED_FOR_DELETION_ACCESS(
            "secret-marked-for-deletion-access", "SecretMarkedForDeletionAccess",
            "Something tried to read or change a secret that is scheduled for deletion: restore it"
                    + " (RestoreSecret) before the recovery window ends unless the deletion is intended.",
            failingWith(ApiError.SECRET_MARKED_FOR_DELETION),
            false, List.of(ACCESS_ONLY, ANY_DELETION)),
    KMS_KEY_DELETION_ATTEMPT(
            "kms-key-deletion-attempt", "KmsKeyDeletionAttempt",
            "Someone called ScheduleKeyDeletion, DisableKey or DeleteImportedKeyMaterial, allowed or denied."
                    + " Confirm the change was intended; otherwise CancelKeyDeletion and EnableKey.",
            anyCall(ApiCall.KEY_DELETIONS),
            false, List.of(ANY_DELETION)),
    SECRET_DELETION_ATTEMPT(
            "secret-deletion-attempt", "SecretDeletionAttempt",
            "Someone called DeleteSecret, allowed or denied. Confirm it was intended; otherwise RestoreSecret"
                    + " within the recovery window (a force delete cannot be undone).",
            anyCall(ApiCall.SECRET_DELETIONS),
            false, List.of(ANY_DELETION)),
    KMS_ERRORS(
            "kms-errors", "KmsErrors",
            "Many KMS calls failed in one period: someone may be probing keys or a workload lost access to one."
                    + " Look up the failing calls in CloudTrail (errorCode, userIdentity).",
            allOf(fromService(AwsService.KMS), present(EventField.ERROR_CODE.inLogFilter())),
            true, List.of(ANY_DELETION));

    /** CloudWatch namespace of every metric the filters publish. */
    public static final String METRIC_NAMESPACE = "DeletionGuard";

    private final String id;
    private final String metricName;
    private final String description;
    private final FilterPattern filterPattern;
    private final boolean countsErrors;
    private final List<AlarmMode> modes;

    /** @param modes the alarm modes that deploy this alarm */
    AlarmDefinition(String id, String metricName, String description, FilterPattern filterPattern,
                    boolean countsErrors, List<AlarmMode> modes) {
        this.id = id;
        this.metricName = metricName;
        this.description = description;
        this.filterPattern = filterPattern;
        this.countsErrors = countsErrors;
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

    public String description() {
        return description;
    }

    public FilterPattern filterPattern() {
        return filterPattern;
    }

    /** The burst alarm on KMS errors uses its own threshold; every other alarm fires on the first event. */
    public double threshold(AlarmSettings settings) {
        return countsErrors ? settings.kmsErrorThreshold() : settings.threshold();
    }

    private static FilterPattern fromService(AwsService service) {
        return equalTo(EventField.EVENT_SOURCE.inLogFilter(), service.eventSource());
    }

    /** Any of the calls, allowed or denied; all of one service. */
    private static FilterPattern anyCall(List<ApiCall> calls) {
        String eventName = EventField.EVENT_NAME.inLogFilter();
        FilterPattern named = calls.size() == 1 ? equalTo(eventName, calls.get(0).eventName())
                : oneOf(eventName, calls.stream().map(ApiCall::eventName).toArray(String[]::new));
        return allOf(fromService(calls.get(0).service()), named);
    }

    private static FilterPattern failingWith(ApiError error) {
        return allOf(fromService(error.service()),
                equalTo(EventField.ERROR_CODE.inLogFilter(), error.errorCode()),
                // The message names the resource first: "<key ARN> is pending deletion."
                equalTo(EventField.ERROR_MESSAGE.inLogFilter(), "*" + error.messageEnding()));
    }
}
